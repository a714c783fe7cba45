package nl.werkpact.keurmerk.keurmerk.process;

import nl.werkpact.keurmerk.convenant.Accountmanagers;
import nl.werkpact.keurmerk.keurmerk.KeurmerkLifecycle;
import nl.werkpact.keurmerk.keurmerk.KeurmerkLifecycle.Reminder;
import nl.werkpact.keurmerk.models.CalledFromModels;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The three reminder tasks of KeurmerkValidity versions from before the KeurmerkReminders process; the task's input
 * {@code reminder} says which. Their instances keep their reminder timers until they are migrated or end; a reminder
 * that process queued already is not queued again (the same dedup key).
 */
@CalledFromModels(olderVersionsOnly = true)
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
    var keurmerk =
        lifecycle.ofValidityInstance(
            execution.getProcessInstanceId(), execution.getProcessBusinessKey());
    Reminder reminder = KeurmerkValidityProcess.reminder(execution);
    // Only a renewal reminder has a copy for the accountmanager: the membership reminder does not
    // look the person up.
    String accountmanager =
        reminder == Reminder.MEMBERSHIP_END
            ? null
            : accountmanagers.emailFor(keurmerk.employerId()).orElse(null);
    lifecycle.remind(keurmerk.id(), reminder, accountmanager, execution.getProcessInstanceId());
  }
}
