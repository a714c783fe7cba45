package nl.werkpact.keurmerk.audit.process;

import nl.werkpact.keurmerk.audit.AuditService;
import nl.werkpact.keurmerk.models.CalledFromModels;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_CommitteeDecision, on create: clears any decision values, so the form starts empty. On assignment: the auditor who performed the audit cannot claim the committee
 * decision. The decision itself is checked again on completion ({@link RecordCommitteeDecisionListener}),
 * whichever client completes it.
 */
@CalledFromModels
@Component("fourEyesListener")
public class FourEyesListener implements TaskListener {

  private final AuditService audits;

  public FourEyesListener(AuditService audits) {
    this.audits = audits;
  }

  @Override
  public void notify(DelegateTask task) {
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      // The decision starts empty, whatever reached the instance before: no pre-filled outcome to
      // confirm blindly.
      task.getExecution().removeVariable(KeurmerkAuditProcess.Vars.FINAL_OUTCOME);
      task.getExecution().removeVariable(KeurmerkAuditProcess.Vars.COMMITTEE_REASON);
      return;
    }
    if (task.getAssignee() != null) {
      audits.refuseAuditor(
          audits.ofProcessInstance(AuditInstance.of(task)).id(), task.getAssignee());
    }
  }
}
