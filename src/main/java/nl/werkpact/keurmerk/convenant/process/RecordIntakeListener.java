package nl.werkpact.keurmerk.convenant.process;

import nl.werkpact.keurmerk.convenant.ConvenantService;
import nl.werkpact.keurmerk.models.CalledFromModels;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_Intake, on complete: stores the intake, and who held it (the accountmanager of an employer that registered its
 * intent online); invalid input refuses the completion and the task stays open.
 */
@CalledFromModels
@Component("recordIntakeListener")
public class RecordIntakeListener implements TaskListener {

  private final ConvenantService convenants;

  public RecordIntakeListener(ConvenantService convenants) {
    this.convenants = convenants;
  }

  @Override
  public void notify(DelegateTask task) {
    var user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    convenants.recordIntake(
        convenants.ofProcessInstance(task.getProcessInstanceId()).id(),
        ConvenantProcess.intakeDate(task),
        ConvenantProcess.intakeNotes(task),
        ConvenantProcess.intendedWorkplaces(task),
        user == null ? null : user.getUserId());
  }
}
