package nl.werkpact.keurmerk.audit.process;

import java.time.Period;
import java.util.Date;
import nl.werkpact.keurmerk.audit.AuditService;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.identity.RegionalGroups;
import nl.werkpact.keurmerk.models.CalledFromModels;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_PerformAudit, on create: the auditor chosen at planning (from the audit record) gets the task, due the planned
 * audit date plus the task's input parameter {@code dueAfterAuditDate} (a period; none: no due date), at 17:00.
 */
@CalledFromModels
@Component("assignPlannedAuditorListener")
public class AssignPlannedAuditorListener implements TaskListener {

  /** The input parameter of Task_PerformAudit: how long after the planned audit date the task is due. */
  static final String DUE_AFTER_AUDIT_DATE = "dueAfterAuditDate";

  private final AuditService audits;

  public AssignPlannedAuditorListener(AuditService audits) {
    this.audits = audits;
  }

  @Override
  public void notify(DelegateTask task) {
    var audit = audits.ofProcessInstance(AuditInstance.of(task));
    Object after = task.getVariable(DUE_AFTER_AUDIT_DATE);
    if (audit.plannedDate() != null && after instanceof String period && !period.isBlank()) {
      task.setDueDate(
          Date.from(
              audit
                  .plannedDate()
                  .plus(Period.parse(period.strip()))
                  .atTime(17, 0)
                  .atZone(Dates.AMSTERDAM)
                  .toInstant()));
    }
    String auditor = audit.auditor();
    if (auditor != null
        && RegionalGroups.membersOf(
                    task.getProcessEngineServices()
                        .getIdentityService()
                        .createUserQuery()
                        .userId(auditor),
                    Groups.AUDITORS,
                    task.getTenantId())
                .count()
            == 1) {
      task.setAssignee(auditor);
    }
  }
}
