package nl.werkpact.keurmerk.convenant.process;

import nl.werkpact.keurmerk.convenant.ConvenantService;
import nl.werkpact.keurmerk.models.CalledFromModels;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordSignedConvenant: status SIGNED and the confirmation e-mail queued, in one transaction. */
@CalledFromModels
@Component("recordSignedConvenantDelegate")
public class RecordSignedConvenantDelegate implements JavaDelegate {

  private final ConvenantService convenants;

  public RecordSignedConvenantDelegate(ConvenantService convenants) {
    this.convenants = convenants;
  }

  @Override
  public void execute(DelegateExecution execution) {
    convenants.recordSigning(
        convenants.ofProcessInstance(execution.getProcessInstanceId()).id(),
        ConvenantProcess.signedDate(execution),
        ConvenantProcess.signedBy(execution),
        execution.getProcessInstanceId());
  }
}
