package nl.werkpact.keurmerk.keurmerk.process;

import java.util.Map;
import java.util.Set;
import nl.werkpact.keurmerk.common.FormValues;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Everything the code knows about {@code bpmn/KeurmerkWithdrawal.bpmn}: the keurmerkcommissie withdraws a keurmerk
 * in Tasklist by its number with a reason, then confirms it having seen whose keurmerk it is and what follows.
 * Business key: the keurmerk number.
 */
public final class KeurmerkWithdrawalProcess {

  public static final String PROCESS_KEY = "KeurmerkWithdrawal";

  public static final class Elements {
    public static final String START_EVENT_WITHDRAWAL_REQUESTED = "StartEvent_WithdrawalRequested";
    public static final String TASK_REVIEW_WITHDRAWAL = "Task_ReviewWithdrawal";
    public static final String TASK_CONFIRM_WITHDRAWAL = "Task_ConfirmWithdrawal";
    public static final String TASK_WITHDRAW_KEURMERK = "Task_WithdrawKeurmerk";
    public static final String END_EVENT_KEURMERK_WITHDRAWN = "EndEvent_KeurmerkWithdrawn";
    public static final String END_EVENT_WITHDRAWAL_CANCELLED = "EndEvent_WithdrawalCancelled";

    private Elements() {}
  }

  public static final class Forms {
    public static final String WITHDRAWAL_REQUEST = "KeurmerkWithdrawalRequest";
    public static final String WITHDRAWAL_CONFIRMATION = "KeurmerkWithdrawalConfirmation";

    private Forms() {}
  }

  public static final class Vars {
    public static final String KEURMERK_NUMBER = "keurmerkNumber";
    public static final String WITHDRAWAL_REASON = "withdrawalReason";

    /** Who started it (the start event's initiator); the confirmation is theirs. */
    public static final String WITHDRAWAL_REQUESTED_BY = "withdrawalRequestedBy";

    /** Shown on the confirmation, set by Task_ReviewWithdrawal. */
    public static final String EMPLOYER_NAME = "employerName";

    public static final String KVK_NUMBER = "kvkNumber";
    public static final String VALIDITY = "validity";

    /** JA or NEE. */
    public static final String WITHDRAWAL_CONFIRMED = "withdrawalConfirmed";

    private Vars() {}
  }

  /** What the committee submits: the start form's fields, nothing else (engine/CommandGuard). */
  public static final Set<String> START_INPUTS =
      Set.of(Vars.KEURMERK_NUMBER, Vars.WITHDRAWAL_REASON);

  /** What the one who started it submits on the confirmation: yes or no. */
  public static final Map<String, Set<String>> TASK_INPUTS =
      Map.of(Elements.TASK_CONFIRM_WITHDRAWAL, Set.of(Vars.WITHDRAWAL_CONFIRMED));

  private KeurmerkWithdrawalProcess() {}

  public static String keurmerkNumber(VariableScope scope) {
    return FormValues.text(Vars.KEURMERK_NUMBER, scope.getVariable(Vars.KEURMERK_NUMBER));
  }

  public static String withdrawalReason(VariableScope scope) {
    return FormValues.text(Vars.WITHDRAWAL_REASON, scope.getVariable(Vars.WITHDRAWAL_REASON));
  }
}
