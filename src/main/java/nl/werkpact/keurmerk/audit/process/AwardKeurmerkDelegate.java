package nl.werkpact.keurmerk.audit.process;

import nl.werkpact.keurmerk.audit.AuditService;
import nl.werkpact.keurmerk.audit.process.KeurmerkAuditProcess.Vars;
import nl.werkpact.keurmerk.convenant.Accountmanagers;
import nl.werkpact.keurmerk.keurmerk.KeurmerkService;
import nl.werkpact.keurmerk.keurmerk.KeurmerkStatus;
import nl.werkpact.keurmerk.keurmerk.process.KeurmerkValidityProcess;
import nl.werkpact.keurmerk.models.CalledFromModels;
import nl.werkpact.keurmerk.models.RegionTenant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_AwardKeurmerk: keurmerk, membership and the two e-mails queued, and the keurmerk's validity period
 * started (message KeurmerkAwarded), all in one transaction. A renewal also ends the renewed keurmerk's
 * period instance (message KeurmerkRenewed): no more reminders and no expiry for it.
 */
@CalledFromModels
@Component("awardKeurmerkDelegate")
public class AwardKeurmerkDelegate implements JavaDelegate {

  private final AuditService audits;
  private final KeurmerkService keurmerken;
  private final Accountmanagers accountmanagers;

  public AwardKeurmerkDelegate(
      AuditService audits, KeurmerkService keurmerken, Accountmanagers accountmanagers) {
    this.audits = audits;
    this.keurmerken = keurmerken;
    this.accountmanagers = accountmanagers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var audit = audits.ofProcessInstance(execution.getProcessInstanceId());
    var keurmerk =
        audits.award(
            audit.id(),
            accountmanagers.emailFor(audit.employerId()).orElse(null),
            execution.getProcessInstanceId());
    execution.setVariable(Vars.KEURMERK_ID, keurmerk.id());
    execution.setVariable(Vars.KEURMERK_NUMBER, keurmerk.number());
    // Gateway_CeremonyNeeded: a renewal gets no new ceremony unless someone adds it
    // (ceremony/Ceremonies).
    execution.setVariable(Vars.RENEWAL, audit.renewalOfKeurmerkId() != null);

    var runtime = execution.getProcessEngineServices().getRuntimeService();
    // The renewed keurmerk comes from the audit record (decided by the server at the request), and
    // its
    // period instance from the keurmerk record: no variable can point the renewal at another
    // keurmerk.
    // Only a renewal that continues the current period ends that period's process (a late one
    // starts afresh).
    if (audit.renewalOfKeurmerkId() != null
        && keurmerken.get(audit.renewalOfKeurmerkId()).status() == KeurmerkStatus.RENEWED) {
      var renewed = keurmerken.get(audit.renewalOfKeurmerkId());
      var instance =
          renewed.validityProcessInstanceId() != null
              ? runtime
                  .createProcessInstanceQuery()
                  .processInstanceId(renewed.validityProcessInstanceId())
                  .singleResult()
              : runtime
                  .createProcessInstanceQuery()
                  .processDefinitionKey(KeurmerkValidityProcess.PROCESS_KEY)
                  .processInstanceBusinessKey(String.valueOf(renewed.id()))
                  .singleResult();
      if (instance != null) {
        runtime
            .createMessageCorrelation(KeurmerkValidityProcess.MESSAGE_KEURMERK_RENEWED)
            .processInstanceId(instance.getId())
            .correlate();
      }
    }
    if (keurmerk.validityProcessInstanceId() == null) {
      var period =
          RegionTenant.in(
                  runtime.createMessageCorrelation(
                      KeurmerkValidityProcess.MESSAGE_KEURMERK_AWARDED),
                  execution.getTenantId())
              .processInstanceBusinessKey(keurmerk.number())
              .setVariables(
                  KeurmerkValidityProcess.startVariables(
                      keurmerk, keurmerken.membershipOf(keurmerk.id())))
              .correlateStartMessage();
      keurmerken.bindValidityInstance(keurmerk.id(), period.getId());
    }
  }
}
