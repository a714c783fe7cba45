package nl.werkpact.keurmerk.audit.process;

import nl.werkpact.keurmerk.audit.AuditService;
import nl.werkpact.keurmerk.audit.process.KeurmerkAuditProcess.Vars;
import nl.werkpact.keurmerk.identity.Accountmanagers;
import nl.werkpact.keurmerk.keurmerk.KeurmerkService;
import nl.werkpact.keurmerk.keurmerk.process.KeurmerkValidityProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_AwardKeurmerk: keurmerk, membership and the two e-mails queued, and the keurmerk's validity period
 * started (message KeurmerkAwarded), all in one transaction. A renewal also ends the renewed keurmerk's
 * period instance (message KeurmerkRenewed): no more reminders and no expiry for it.
 */
@Component("awardKeurmerkDelegate")
public class AwardKeurmerkDelegate implements JavaDelegate {

  private final AuditService audits;
  private final KeurmerkService keurmerken;
  private final Accountmanagers accountmanagers;

  public AwardKeurmerkDelegate(AuditService audits, KeurmerkService keurmerken, Accountmanagers accountmanagers) {
    this.audits = audits;
    this.keurmerken = keurmerken;
    this.accountmanagers = accountmanagers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long auditId = KeurmerkAuditProcess.auditId(execution);
    var audit = audits.get(auditId);
    var keurmerk = audits.award(auditId, accountmanagers.emailFor(audit.employerId()).orElse(null), execution.getProcessInstanceId());
    execution.setVariable(Vars.KEURMERK_ID, keurmerk.id());
    execution.setVariable(Vars.KEURMERK_NUMBER, keurmerk.number());

    var runtime = execution.getProcessEngineServices().getRuntimeService();
    if (audit.renewalOfKeurmerkId() != null) {
      String renewed = String.valueOf(audit.renewalOfKeurmerkId());
      if (runtime.createProcessInstanceQuery().processDefinitionKey(KeurmerkValidityProcess.PROCESS_KEY)
          .processInstanceBusinessKey(renewed).count() > 0) {
        runtime.createMessageCorrelation(KeurmerkValidityProcess.MESSAGE_KEURMERK_RENEWED).processInstanceBusinessKey(renewed).correlate();
      }
    }
    String business = String.valueOf(keurmerk.id());
    if (runtime.createProcessInstanceQuery().processDefinitionKey(KeurmerkValidityProcess.PROCESS_KEY)
        .processInstanceBusinessKey(business).count() == 0) {
      runtime.createMessageCorrelation(KeurmerkValidityProcess.MESSAGE_KEURMERK_AWARDED).processInstanceBusinessKey(business)
          .setVariables(KeurmerkValidityProcess.startVariables(keurmerk, keurmerken.membershipOf(keurmerk.id())))
          .correlateStartMessage();
    }
  }
}
