package nl.werkpact.keurmerk.audit.process;

import nl.werkpact.keurmerk.audit.AuditService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_PlanAudit, on complete: date and auditor; invalid input keeps the task open. */
@Component("recordAuditPlanningListener")
public class RecordAuditPlanningListener implements TaskListener {

  private final AuditService audits;

  public RecordAuditPlanningListener(AuditService audits) {
    this.audits = audits;
  }

  @Override
  public void notify(DelegateTask task) {
    audits.plan(audits.ofProcessInstance(task.getProcessInstanceId()).id(), KeurmerkAuditProcess.auditDate(task), KeurmerkAuditProcess.auditor(task));
  }
}
