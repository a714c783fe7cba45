package nl.werkpact.keurmerk.convenant.process;

import nl.werkpact.keurmerk.convenant.ConvenantService;
import nl.werkpact.keurmerk.models.CalledFromModels;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_RecordSigning, on complete: checks the outcome and its fields before the process moves on. */
@CalledFromModels
@Component("validateSigningListener")
public class ValidateSigningListener implements TaskListener {

  private final ConvenantService convenants;

  public ValidateSigningListener(ConvenantService convenants) {
    this.convenants = convenants;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (ConvenantProcess.signingOutcome(task)) {
      case SIGNED ->
          convenants.validateSigning(
              convenants.ofProcessInstance(task.getProcessInstanceId()).id(),
              ConvenantProcess.signedDate(task),
              ConvenantProcess.signedBy(task));
      case WITHDRAWN -> convenants.validateWithdrawal(ConvenantProcess.withdrawalReason(task));
    }
  }
}
