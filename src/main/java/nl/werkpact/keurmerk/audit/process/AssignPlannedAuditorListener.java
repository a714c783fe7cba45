package nl.werkpact.keurmerk.audit.process;

import nl.werkpact.keurmerk.audit.AuditService;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.models.CalledFromModels;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_PerformAudit, on create: the auditor chosen at planning (from the audit record) gets the task. */
@CalledFromModels
@Component("assignPlannedAuditorListener")
public class AssignPlannedAuditorListener implements TaskListener {

  private final AuditService audits;

  public AssignPlannedAuditorListener(AuditService audits) {
    this.audits = audits;
  }

  @Override
  public void notify(DelegateTask task) {
    String auditor = audits.ofProcessInstance(AuditInstance.of(task)).auditor();
    if (auditor != null
        && task.getProcessEngineServices()
                .getIdentityService()
                .createUserQuery()
                .userId(auditor)
                .memberOfGroup(Groups.AUDITORS)
                .count()
            == 1) {
      task.setAssignee(auditor);
    }
  }
}
