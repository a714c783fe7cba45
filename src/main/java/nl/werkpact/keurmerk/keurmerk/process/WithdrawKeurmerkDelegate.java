package nl.werkpact.keurmerk.keurmerk.process;

import nl.werkpact.keurmerk.models.CalledFromModels;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_WithdrawKeurmerk: withdraws the keurmerk by its number, in the transaction that starts the instance, so a
 * refusal (unknown number, no reason, not valid) starts nothing and Tasklist shows the Dutch sentence.
 */
@CalledFromModels
@Component("withdrawKeurmerkDelegate")
public class WithdrawKeurmerkDelegate implements JavaDelegate {

  private final KeurmerkWithdrawals withdrawals;

  public WithdrawKeurmerkDelegate(KeurmerkWithdrawals withdrawals) {
    this.withdrawals = withdrawals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    var keurmerk =
        withdrawals.withdraw(
            KeurmerkWithdrawalProcess.keurmerkNumber(execution),
            KeurmerkWithdrawalProcess.withdrawalReason(execution),
            auth == null ? null : auth.getUserId());
    execution.setProcessBusinessKey(keurmerk.number());
  }
}
