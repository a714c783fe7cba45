package nl.werkpact.keurmerk.convenant.process;

import nl.werkpact.keurmerk.convenant.ConvenantService;
import nl.werkpact.keurmerk.models.CalledFromModels;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RegisterIntent: validates the intent and stores employer and convenant. It runs in the
 * transaction that starts the instance, so a refusal (invalid data, a second intent for the same KvK
 * number) rolls the start back: no instance, nothing stored, and the caller sees the Dutch message.
 */
@CalledFromModels
@Component("registerIntentDelegate")
public class RegisterIntentDelegate implements JavaDelegate {

  private final ConvenantService convenants;

  public RegisterIntentDelegate(ConvenantService convenants) {
    this.convenants = convenants;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var details = ConvenantProcess.employerDetails(execution);
    var auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    var registration =
        convenants.registerIntent(
            details, auth == null ? null : auth.getUserId(), execution.getProcessInstanceId());
    ConvenantProcess.setRegistration(
        execution, registration.convenantId(), registration.employerId());
    execution.setProcessBusinessKey(details.kvkNumber());
  }
}
