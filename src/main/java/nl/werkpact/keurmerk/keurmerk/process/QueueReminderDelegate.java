package nl.werkpact.keurmerk.keurmerk.process;

import nl.werkpact.keurmerk.identity.Accountmanagers;
import nl.werkpact.keurmerk.keurmerk.KeurmerkLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The three "herinnering klaarzetten" tasks; the task's input {@code reminder} says which. */
@Component("queueReminderDelegate")
public class QueueReminderDelegate implements JavaDelegate {

  private final KeurmerkLifecycle lifecycle;
  private final Accountmanagers accountmanagers;

  public QueueReminderDelegate(KeurmerkLifecycle lifecycle, Accountmanagers accountmanagers) {
    this.lifecycle = lifecycle;
    this.accountmanagers = accountmanagers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var keurmerk = lifecycle.ofValidityInstance(execution.getProcessInstanceId(), execution.getProcessBusinessKey());
    lifecycle.remind(keurmerk.id(), KeurmerkValidityProcess.reminder(execution),
        accountmanagers.emailFor(keurmerk.employerId()).orElse(null), execution.getProcessInstanceId());
  }
}
