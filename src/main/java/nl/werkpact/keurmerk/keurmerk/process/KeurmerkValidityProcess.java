package nl.werkpact.keurmerk.keurmerk.process;

import java.util.Map;
import nl.werkpact.keurmerk.common.FormValues;
import nl.werkpact.keurmerk.keurmerk.Keurmerk;
import nl.werkpact.keurmerk.keurmerk.KeurmerkLifecycle.Reminder;
import nl.werkpact.keurmerk.keurmerk.Membership;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Everything the code knows about {@code bpmn/KeurmerkValidity.bpmn}. One instance per validity period;
 * business key: the keurmerk id. Its reminders are sent by {@link KeurmerkRemindersProcess}, for all keurmerken at once.
 */
public final class KeurmerkValidityProcess {

  public static final String PROCESS_KEY = "KeurmerkValidity";

  /** Starts the validity period of a newly awarded keurmerk; business key = keurmerk id. */
  public static final String MESSAGE_KEURMERK_AWARDED = "KeurmerkAwarded";

  /** Ends the period's instance as renewed (the renewal keurmerk has its own instance); business key = keurmerk id. */
  public static final String MESSAGE_KEURMERK_RENEWED = "KeurmerkRenewed";

  /** The committee withdraws the keurmerk; business key = keurmerk id, variable {@link Vars#WITHDRAWAL_REASON}. */
  public static final String MESSAGE_KEURMERK_WITHDRAWN = "KeurmerkWithdrawn";

  public static final class Elements {
    public static final String SUB_PROCESS_VALIDITY = "SubProcess_Validity";
    public static final String TIMER_KEURMERK_EXPIRES = "Timer_KeurmerkExpires";
    public static final String END_EVENT_KEURMERK_EXPIRED = "EndEvent_KeurmerkExpired";
    public static final String END_EVENT_KEURMERK_RENEWED = "EndEvent_KeurmerkRenewed";
    public static final String END_EVENT_KEURMERK_WITHDRAWN = "EndEvent_KeurmerkWithdrawn";

    private Elements() {}
  }

  public static final class Vars {
    public static final String KEURMERK_ID = "keurmerkId";
    public static final String KEURMERK_NUMBER = "keurmerkNumber";
    public static final String EMPLOYER_ID = "employerId";

    /** ISO date, the last valid day; the timers are computed from it. */
    public static final String VALID_UNTIL = "validUntil";

    /** ISO date, the last day of the free membership. */
    public static final String MEMBERSHIP_UNTIL = "membershipUntil";

    /**
     * Local variable of each reminder task of model versions before the KeurmerkReminders process: which reminder
     * (their instances run on until they are migrated or end).
     */
    public static final String REMINDER = "reminder";

    public static final String WITHDRAWAL_REASON = "withdrawalReason";

    /** Who withdrew the keurmerk (set by the withdrawal operation, not by a client). */
    public static final String WITHDRAWN_BY = "withdrawnBy";

    private Vars() {}
  }

  private KeurmerkValidityProcess() {}

  public static Map<String, Object> startVariables(Keurmerk keurmerk, Membership membership) {
    return Map.of(
        Vars.KEURMERK_ID, keurmerk.id(),
        Vars.KEURMERK_NUMBER, keurmerk.number(),
        Vars.EMPLOYER_ID, keurmerk.employerId(),
        Vars.VALID_UNTIL, keurmerk.validUntil().toString(),
        Vars.MEMBERSHIP_UNTIL, membership.validUntil().toString());
  }

  public static Reminder reminder(VariableScope scope) {
    return Reminder.valueOf(FormValues.text(Vars.REMINDER, scope.getVariable(Vars.REMINDER)));
  }

  public static String withdrawalReason(VariableScope scope) {
    return FormValues.text(Vars.WITHDRAWAL_REASON, scope.getVariable(Vars.WITHDRAWAL_REASON));
  }
}
