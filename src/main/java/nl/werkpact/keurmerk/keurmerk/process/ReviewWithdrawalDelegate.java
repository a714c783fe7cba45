package nl.werkpact.keurmerk.keurmerk.process;

import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.keurmerk.process.KeurmerkWithdrawalProcess.Vars;
import nl.werkpact.keurmerk.models.CalledFromModels;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ReviewWithdrawal: checks, in the transaction that starts the instance, that the keurmerk can be withdrawn with
 * this reason (a refusal starts nothing and Tasklist shows the Dutch sentence), changes nothing, and puts whose
 * keurmerk it is on the confirmation.
 */
@CalledFromModels
@Component("reviewWithdrawalDelegate")
public class ReviewWithdrawalDelegate implements JavaDelegate {

  private final KeurmerkWithdrawals withdrawals;

  public ReviewWithdrawalDelegate(KeurmerkWithdrawals withdrawals) {
    this.withdrawals = withdrawals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var review =
        withdrawals.review(
            KeurmerkWithdrawalProcess.keurmerkNumber(execution),
            KeurmerkWithdrawalProcess.withdrawalReason(execution));
    var keurmerk = review.keurmerk();
    execution.setProcessBusinessKey(keurmerk.number());
    execution.setVariable(Vars.KEURMERK_NUMBER, keurmerk.number());
    execution.setVariable(Vars.EMPLOYER_NAME, review.employerName());
    execution.setVariable(Vars.KVK_NUMBER, review.kvkNumber());
    execution.setVariable(
        Vars.VALIDITY,
        "van "
            + Dates.numeric(keurmerk.validFrom())
            + " tot en met "
            + Dates.numeric(keurmerk.validUntil()));
  }
}
