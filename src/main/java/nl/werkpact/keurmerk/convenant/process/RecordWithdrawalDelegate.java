package nl.werkpact.keurmerk.convenant.process;

import nl.werkpact.keurmerk.convenant.ConvenantService;
import nl.werkpact.keurmerk.models.CalledFromModels;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordWithdrawal: status WITHDRAWN; the KvK number is free for a new intent. */
@CalledFromModels
@Component("recordWithdrawalDelegate")
public class RecordWithdrawalDelegate implements JavaDelegate {

  private final ConvenantService convenants;

  public RecordWithdrawalDelegate(ConvenantService convenants) {
    this.convenants = convenants;
  }

  @Override
  public void execute(DelegateExecution execution) {
    convenants.recordWithdrawal(
        convenants.ofProcessInstance(execution.getProcessInstanceId()).id(),
        ConvenantProcess.withdrawalReason(execution));
  }
}
