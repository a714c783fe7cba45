package nl.werkpact.keurmerk.audit.process;

import nl.werkpact.keurmerk.audit.AuditService;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.identity.RegionalGroups;
import nl.werkpact.keurmerk.models.CalledFromModels;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_PlanAudit, on complete: date and auditor (a member of the auditors group); invalid input keeps the task open. */
@CalledFromModels
@Component("recordAuditPlanningListener")
public class RecordAuditPlanningListener implements TaskListener {

  private final AuditService audits;

  public RecordAuditPlanningListener(AuditService audits) {
    this.audits = audits;
  }

  @Override
  public void notify(DelegateTask task) {
    String auditor = KeurmerkAuditProcess.auditor(task);
    if (auditor != null
        && !auditor.isBlank()
        && RegionalGroups.membersOf(
                    task.getProcessEngineServices()
                        .getIdentityService()
                        .createUserQuery()
                        .userId(auditor.strip()),
                    Groups.AUDITORS,
                    task.getTenantId())
                .count()
            == 0) {
      throw new InvalidRequestException(
          "Kies de auditor uit de lijst; '"
              + auditor.strip()
              + "' is geen auditor van deze regio.");
    }
    audits.plan(
        audits.ofProcessInstance(AuditInstance.of(task)).id(),
        KeurmerkAuditProcess.auditDate(task),
        KeurmerkAuditProcess.auditor(task));
  }
}
