package nl.werkpact.keurmerk.audit.process;

import nl.werkpact.keurmerk.audit.AuditService;
import nl.werkpact.keurmerk.audit.process.KeurmerkAuditProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Task_AwardKeurmerk: keurmerk, membership and the two e-mails queued, in one transaction. */
@Component("awardKeurmerkDelegate")
public class AwardKeurmerkDelegate implements JavaDelegate {

  private final AuditService audits;

  public AwardKeurmerkDelegate(AuditService audits) {
    this.audits = audits;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long auditId = KeurmerkAuditProcess.auditId(execution);
    var identity = execution.getProcessEngineServices().getIdentityService();
    String accountmanagerEmail = audits.accountmanagerOf(auditId)
        .map(id -> identity.createUserQuery().userId(id).singleResult())
        .map(User::getEmail)
        .orElse(null);
    var keurmerk = audits.award(auditId, accountmanagerEmail, execution.getProcessInstanceId());
    execution.setVariable(Vars.KEURMERK_ID, keurmerk.id());
    execution.setVariable(Vars.KEURMERK_NUMBER, keurmerk.number());
  }
}
