package nl.werkpact.keurmerk.keurmerk.process;

import nl.werkpact.keurmerk.common.FormValues;
import nl.werkpact.keurmerk.keurmerk.ReminderSchedule;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Everything the code knows about {@code bpmn/KeurmerkReminders.bpmn}: one round every quarter of an hour that queues
 * the reminders of all keurmerken whose moment has come, in steps that each stay well inside the job executor's lock
 * (a big storm takes several). It starts by its timer only.
 */
public final class KeurmerkRemindersProcess {

  public static final String PROCESS_KEY = "KeurmerkReminders";

  public static final class Elements {
    public static final String START_EVENT_EVERY_QUARTER_HOUR = "StartEvent_EveryQuarterHour";
    public static final String GATEWAY_STEP = "Gateway_Step";
    public static final String TASK_QUEUE_DUE_REMINDERS = "Task_QueueDueReminders";
    public static final String GATEWAY_ALL_QUEUED = "Gateway_AllQueued";
    public static final String TASK_ESCALATE_LATE_TASKS = "Task_EscalateLateTasks";
    public static final String END_EVENT_REMINDERS_QUEUED = "EndEvent_RemindersQueued";

    private Elements() {}
  }

  public static final class Vars {
    /** Input parameters of the task, ISO 8601 periods: before the last valid day, and before the membership's end. */
    public static final String RENEWAL_FIRST_BEFORE = "renewalFirstBefore";

    public static final String RENEWAL_SECOND_BEFORE = "renewalSecondBefore";
    public static final String MEMBERSHIP_END_BEFORE = "membershipEndBefore";

    /** Set by each step of the round: true when every due reminder is queued (or another round is at it). */
    public static final String ROUND_DONE = "roundDone";

    private Vars() {}
  }

  private KeurmerkRemindersProcess() {}

  /** The schedule as the running model's task says it. */
  public static ReminderSchedule schedule(VariableScope task) {
    return ReminderSchedule.parse(
        text(task, Vars.RENEWAL_FIRST_BEFORE),
        text(task, Vars.RENEWAL_SECOND_BEFORE),
        text(task, Vars.MEMBERSHIP_END_BEFORE));
  }

  private static String text(VariableScope scope, String name) {
    return FormValues.text(name, scope.getVariable(name));
  }
}
