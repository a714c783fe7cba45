package nl.werkpact.keurmerk.keurmerk.process;

import nl.werkpact.keurmerk.keurmerk.KeurmerkLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordKeurmerkWithdrawal: status WITHDRAWN with the reason, e-mail queued. It runs in the transaction of
 * the correlation, so a withdrawal without a reason is refused and the reminders keep running.
 */
@Component("recordKeurmerkWithdrawalDelegate")
public class RecordKeurmerkWithdrawalDelegate implements JavaDelegate {

  private final KeurmerkLifecycle lifecycle;
  private final nl.werkpact.keurmerk.keurmerk.KeurmerkRepository keurmerken;

  public RecordKeurmerkWithdrawalDelegate(KeurmerkLifecycle lifecycle, nl.werkpact.keurmerk.keurmerk.KeurmerkRepository keurmerken) {
    this.lifecycle = lifecycle;
    this.keurmerken = keurmerken;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var keurmerk = lifecycle.ofValidityInstance(execution.getProcessInstanceId(), execution.getProcessBusinessKey());
    lifecycle.withdraw(keurmerk.id(), KeurmerkValidityProcess.withdrawalReason(execution),
        execution.getProcessInstanceId());
    CeremonyCancellation.cancelFor(keurmerk.id(), keurmerken, execution);
  }
}
