package nl.werkpact.keurmerk.keurmerk.process;

import java.time.Duration;
import nl.werkpact.keurmerk.convenant.Accountmanagers;
import nl.werkpact.keurmerk.keurmerk.KeurmerkReminders;
import nl.werkpact.keurmerk.keurmerk.ReminderRoundLease;
import nl.werkpact.keurmerk.models.CalledFromModels;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Herinneringen die aan de beurt zijn mailen", one step of a round: the due reminders of every keurmerk, with the
 * model's periods, for at most a third of the job executor's lock time; the model runs the next step (a job of its
 * own) until all are queued. One round at a time: a round that finds another still at work ends at once, and the
 * other makes one more pass for what fell due meanwhile.
 */
@CalledFromModels
@Component("queueDueRemindersDelegate")
public class QueueDueRemindersDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(QueueDueRemindersDelegate.class);

  private final KeurmerkReminders reminders;
  private final Accountmanagers accountmanagers;
  private final ReminderRoundLease lease;

  public QueueDueRemindersDelegate(
      KeurmerkReminders reminders, Accountmanagers accountmanagers, ReminderRoundLease lease) {
    this.reminders = reminders;
    this.accountmanagers = accountmanagers;
    this.lease = lease;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Duration lockTime =
        Duration.ofMillis(
            Context.getProcessEngineConfiguration().getJobExecutor().getLockTimeInMillis());
    String round = execution.getProcessInstanceId();
    // Held a little longer than one step takes: a round whose node died is taken over by the next
    // round after it.
    if (!lease.take(round, lockTime.multipliedBy(2))) {
      LOG.info(
          "Reminder round {} ends at once: round {} is still queueing",
          round,
          lease.holder().orElse("?"));
      execution.setVariable(KeurmerkRemindersProcess.Vars.ROUND_DONE, true);
      return;
    }
    var progress =
        reminders.queueDue(
            KeurmerkRemindersProcess.schedule(execution),
            accountmanagers::emailsFor,
            lockTime.dividedBy(3));
    // Done when all is queued and no round that ended at once meanwhile asked for one more pass.
    boolean done = progress.complete() && lease.release(round);
    execution.setVariable(KeurmerkRemindersProcess.Vars.ROUND_DONE, done);
  }
}
