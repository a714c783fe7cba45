package nl.werkpact.keurmerk.audit.process;

import nl.werkpact.keurmerk.audit.AuditService;
import nl.werkpact.keurmerk.models.CalledFromModels;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_CommitteeDecision, on complete: four-eyes rule, mandatory reason when overruling, decision recorded. */
@CalledFromModels
@Component("recordCommitteeDecisionListener")
public class RecordCommitteeDecisionListener implements TaskListener {

  private final AuditService audits;

  public RecordCommitteeDecisionListener(AuditService audits) {
    this.audits = audits;
  }

  @Override
  public void notify(DelegateTask task) {
    audits.decide(
        audits.ofProcessInstance(AuditInstance.of(task)).id(),
        KeurmerkAuditProcess.finalOutcome(task),
        KeurmerkAuditProcess.committeeReason(task),
        CurrentUser.of(task));
  }
}
