package nl.werkpact.keurmerk.keurmerk.process;

import nl.werkpact.keurmerk.keurmerk.KeurmerkLifecycle;
import nl.werkpact.keurmerk.models.CalledFromModels;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Task_RecordKeurmerkWithdrawal: status WITHDRAWN with the reason, e-mail queued. It runs in the transaction of
 * the correlation, so a withdrawal without a reason is refused and the reminders keep running.
 */
@CalledFromModels
@Component("recordKeurmerkWithdrawalDelegate")
public class RecordKeurmerkWithdrawalDelegate implements JavaDelegate {

  private final KeurmerkLifecycle lifecycle;
  private final ApplicationEventPublisher events;

  public RecordKeurmerkWithdrawalDelegate(
      KeurmerkLifecycle lifecycle, ApplicationEventPublisher events) {
    this.lifecycle = lifecycle;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var keurmerk =
        lifecycle.ofValidityInstance(
            execution.getProcessInstanceId(), execution.getProcessBusinessKey());
    lifecycle.withdraw(
        keurmerk.id(),
        KeurmerkValidityProcess.withdrawalReason(execution),
        execution.getProcessInstanceId());
    events.publishEvent(new KeurmerkEnded(keurmerk.id()));
  }
}
