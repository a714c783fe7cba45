package nl.werkpact.keurmerk.keurmerk.process;

import nl.werkpact.keurmerk.identity.Accountmanagers;
import nl.werkpact.keurmerk.keurmerk.KeurmerkReminders;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Herinneringen die aan de beurt zijn mailen": every due reminder of every keurmerk, with the model's periods. */
@Component("queueDueRemindersDelegate")
public class QueueDueRemindersDelegate implements JavaDelegate {

  private final KeurmerkReminders reminders;
  private final Accountmanagers accountmanagers;

  public QueueDueRemindersDelegate(KeurmerkReminders reminders, Accountmanagers accountmanagers) {
    this.reminders = reminders;
    this.accountmanagers = accountmanagers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reminders.queueDue(KeurmerkRemindersProcess.schedule(execution), accountmanagers::emailsFor);
  }
}
