package nl.werkpact.keurmerk.audit.process;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import nl.werkpact.keurmerk.audit.AuditFigures;
import nl.werkpact.keurmerk.audit.AuditOutcome;
import nl.werkpact.keurmerk.audit.SocialReturn;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.common.FormValues;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Everything the code knows about {@code bpmn/KeurmerkAudit.bpmn}: key, message, element ids, forms,
 * variables and typed accessors. Business key: the employer's KvK number.
 */
public final class KeurmerkAuditProcess {

  public static final String PROCESS_KEY = "KeurmerkAudit";

  /** Starts an audit; business key and variable {@link Vars#KVK_NUMBER}: the employer's KvK number. */
  public static final String MESSAGE_AUDIT_REQUESTED = "AuditRequested";

  /**
   * Sent by the validity period when the keurmerk is withdrawn or expires while its ceremony is not planned yet:
   * the task "Uitreiking plannen" lapses. Correlated to the awarding audit's instance by the system only.
   */
  public static final String MESSAGE_CEREMONY_CANCELLED = "CeremonyCancelled";

  /** The criteria table, {@code bpmn/KeurmerkCriteria.dmn}; its outputs are {@code outcome} and {@code reason}. */
  public static final String DECISION_KEY = "KeurmerkCriteria";

  public static final class Elements {
    public static final String START_EVENT_AUDIT_REQUESTED = "StartEvent_AuditRequested";
    public static final String START_EVENT_AUDIT_REQUESTED_IN_TASKLIST =
        "StartEvent_AuditRequestedInTasklist";
    public static final String TASK_REGISTER_AUDIT_REQUEST = "Task_RegisterAuditRequest";
    public static final String TASK_PLAN_AUDIT = "Task_PlanAudit";
    public static final String TASK_PERFORM_AUDIT = "Task_PerformAudit";
    public static final String TASK_EVALUATE_CRITERIA = "Task_EvaluateCriteria";
    public static final String CALL_ACTIVITY_COMMITTEE_DECISION = "CallActivity_CommitteeDecision";

    /** In {@link KeurmerkDecisionProcess}, called by CALL_ACTIVITY_COMMITTEE_DECISION. */
    public static final String TASK_COMMITTEE_DECISION = "Task_CommitteeDecision";

    public static final String GATEWAY_FINAL_OUTCOME = "Gateway_FinalOutcome";
    public static final String TASK_AWARD_KEURMERK = "Task_AwardKeurmerk";
    public static final String GATEWAY_CEREMONY_NEEDED = "Gateway_CeremonyNeeded";
    public static final String CALL_ACTIVITY_PLAN_CEREMONY = "CallActivity_PlanCeremony";

    /** In {@link KeurmerkCeremonyProcess}, called by CALL_ACTIVITY_PLAN_CEREMONY. */
    public static final String TASK_PLAN_CEREMONY = "Task_PlanCeremony";

    public static final String END_EVENT_KEURMERK_AWARDED = "EndEvent_KeurmerkAwarded";
    public static final String END_EVENT_KEURMERK_RENEWED = "EndEvent_KeurmerkRenewed";
    public static final String TASK_RECORD_REJECTION = "Task_RecordRejection";
    public static final String END_EVENT_AUDIT_REJECTED = "EndEvent_AuditRejected";
    public static final String BOUNDARY_EVENT_CEREMONY_CANCELLED =
        "BoundaryEvent_CeremonyCancelled";
    public static final String END_EVENT_CEREMONY_CANCELLED = "EndEvent_CeremonyCancelled";

    private Elements() {}
  }

  public static final class Vars {
    public static final String KVK_NUMBER = "kvkNumber";
    public static final String EMPLOYER_NAME = "employerName";
    public static final String AUDIT_ID = "auditId";
    public static final String EMPLOYER_ID = "employerId";
    public static final String CRITERIA_DECISION_ID = "criteriaDecisionId";
    public static final String AUDIT_DATE = "auditDate";

    /** User id of the auditor chosen at planning; the audit task is assigned to this user. */
    public static final String AUDITOR = "auditor";

    /** The auditors to choose from at planning, "id=Name;id=Name" (the planning form's select reads it). */
    public static final String AUDITOR_CHOICES = "auditorChoices";

    /** "eerste audit" or "verlenging SW-2026-0001": in the task names, so renewals are told apart in Tasklist. */
    public static final String AUDIT_KIND = "auditKind";

    public static final String WORKFORCE_SIZE = "workforceSize";
    public static final String TARGET_GROUP_EMPLOYEES = "targetGroupEmployees";
    public static final String EXTRA_WORKPLACES = "extraWorkplaces";
    public static final String WORK_EXPERIENCE_PLACES = "workExperiencePlaces";
    public static final String SOCIAL_PURCHASING_EUROS = "socialPurchasingEuros";
    public static final String FINDINGS = "findings";

    /** Read-only in the audit form: the figures the employer prepared on Mijn keurmerk, as one text; unset if none. */
    public static final String EMPLOYER_DRAFT = "employerDraft";

    /** The social return fields of the audit form, also inputs of the criteria table (audit/SocialReturn). */
    public static final String PERMANENT_CONTRACTS =
        SocialReturn.Count.PERMANENT_CONTRACTS.variable();

    public static final String MOVED_ON = SocialReturn.Count.MOVED_ON.variable();
    public static final String TRAININGS_STARTED = SocialReturn.Count.TRAININGS_STARTED.variable();
    public static final String TRAININGS_FINISHED =
        SocialReturn.Count.TRAININGS_FINISHED.variable();
    public static final String INTERNSHIPS = SocialReturn.Count.INTERNSHIPS.variable();
    public static final String SNUFFELSTAGES = SocialReturn.Count.SNUFFELSTAGES.variable();
    public static final String LESSONS_GIVEN = SocialReturn.Count.LESSONS_GIVEN.variable();
    public static final String WSP_PLACEMENTS = SocialReturn.Count.WSP_PLACEMENTS.variable();
    public static final String SOCIAL_WORKSHOPS = SocialReturn.SOCIAL_WORKSHOPS;

    /** Read-only in the committee's form: every social return count, one per line (written by the criteria task). */
    public static final String SOCIAL_RETURN = "socialReturn";

    /** Computed input of the criteria table, not a form field. */
    public static final String TARGET_GROUP_SHARE_PERCENT = "targetGroupSharePercent";

    public static final String CRITERIA_OUTCOME = "criteriaOutcome";
    public static final String CRITERIA_REASON = "criteriaReason";

    /** Per rule and criterion: required, found, met; written by the criteria task for the committee. */
    public static final String CRITERIA_EXPLANATION = "criteriaExplanation";

    /** Context for the committee, read-only in its form: written by the criteria task. */
    public static final String AUDITOR_NAME = "auditorName";

    public static final String AUDIT_DAY = "auditDay";
    public static final String CRITERIA_VERSION = "criteriaVersion";
    public static final String EARLIER_AUDITS = "earlierAudits";

    public static final String FINAL_OUTCOME = "finalOutcome";
    public static final String COMMITTEE_REASON = "committeeReason";
    public static final String KEURMERK_ID = "keurmerkId";
    public static final String KEURMERK_NUMBER = "keurmerkNumber";

    /** Written by Task_AwardKeurmerk: true for a renewal, which Gateway_CeremonyNeeded sends past the ceremony. */
    public static final String RENEWAL = "renewal";

    public static final String CEREMONY_DATE = "ceremonyDate";
    public static final String CEREMONY_LOCATION = "ceremonyLocation";

    private Vars() {}
  }

  /**
   * What a user may submit: the editable fields of the start form and of each user task's form, and the one
   * message a user may send with what it may carry. Everything else is refused by the engine
   * (engine/CommandGuard), whatever the route.
   */
  public static final Set<String> START_INPUTS = Set.of(Vars.KVK_NUMBER);

  public static final Map<String, Set<String>> TASK_INPUTS =
      Map.of(
          Elements.TASK_PLAN_AUDIT,
          Set.of(Vars.AUDIT_DATE, Vars.AUDITOR),
          Elements.TASK_PERFORM_AUDIT,
          performAuditInputs());

  private static Set<String> performAuditInputs() {
    Set<String> names =
        new TreeSet<>(
            Set.of(
                Vars.WORKFORCE_SIZE,
                Vars.TARGET_GROUP_EMPLOYEES,
                Vars.EXTRA_WORKPLACES,
                Vars.WORK_EXPERIENCE_PLACES,
                Vars.SOCIAL_PURCHASING_EUROS,
                Vars.FINDINGS,
                Vars.SOCIAL_WORKSHOPS));
    for (SocialReturn.Count count : SocialReturn.Count.values()) {
      names.add(count.variable());
    }
    return Set.copyOf(names);
  }

  public static final Map<String, Set<String>> MESSAGE_INPUTS =
      Map.of(MESSAGE_AUDIT_REQUESTED, Set.of(Vars.KVK_NUMBER));

  private KeurmerkAuditProcess() {}

  public static String kvkNumber(VariableScope scope) {
    return string(scope, Vars.KVK_NUMBER);
  }

  public static LocalDate auditDate(VariableScope scope) {
    return Dates.parse("Datum audit", scope.getVariable(Vars.AUDIT_DATE));
  }

  public static String auditor(VariableScope scope) {
    return string(scope, Vars.AUDITOR);
  }

  public static AuditFigures figures(VariableScope scope) {
    return figures(scope::getVariable);
  }

  /**
   * The figures of the audit form from any source of its fields by name (the task's variables, or what the employer
   * typed on Mijn keurmerk under the same names), read the same way.
   */
  public static AuditFigures figures(Function<String, Object> scope) {
    return new AuditFigures(
        integer(scope, Vars.WORKFORCE_SIZE, "Totaal aantal medewerkers"),
        integer(scope, Vars.TARGET_GROUP_EMPLOYEES, "Medewerkers uit de doelgroep"),
        integer(scope, Vars.EXTRA_WORKPLACES, "Extra werkplekken voor de doelgroep"),
        integer(scope, Vars.WORK_EXPERIENCE_PLACES, "Werkervaringsplaatsen en stages"),
        decimal(scope, Vars.SOCIAL_PURCHASING_EUROS, "Inkoop bij sociale werkbedrijven"),
        string(scope, Vars.FINDINGS),
        socialReturn(scope));
  }

  /**
   * What a criteria table reads, by input expression: the figures (with the computed share of the target group and
   * the purchases as a double) and every social return count, so that a process owner may weigh any of them.
   */
  public static VariableMap criteriaInputs(AuditFigures figures) {
    var inputs =
        Variables.createVariables()
            .putValue(Vars.EXTRA_WORKPLACES, figures.extraWorkplaces())
            .putValue(
                Vars.TARGET_GROUP_SHARE_PERCENT, figures.targetGroupSharePercent().doubleValue())
            .putValue(Vars.WORK_EXPERIENCE_PLACES, figures.workExperiencePlaces())
            .putValue(
                Vars.SOCIAL_PURCHASING_EUROS,
                (figures.socialPurchasingEuros() == null
                        ? BigDecimal.ZERO
                        : figures.socialPurchasingEuros())
                    .doubleValue());
    for (SocialReturn.Count count : SocialReturn.Count.values()) {
      inputs.putValue(count.variable(), figures.socialReturn().count(count));
    }
    return inputs;
  }

  /** The social return fields of the audit form; a count left empty is 0. */
  public static SocialReturn socialReturn(VariableScope scope) {
    return socialReturn(scope::getVariable);
  }

  private static SocialReturn socialReturn(Function<String, Object> scope) {
    Map<SocialReturn.Count, Integer> counts = new EnumMap<>(SocialReturn.Count.class);
    for (SocialReturn.Count count : SocialReturn.Count.values()) {
      counts.put(count, integer(scope, count.variable(), count.label()));
    }
    return new SocialReturn(counts, string(scope, SocialReturn.SOCIAL_WORKSHOPS));
  }

  public static AuditOutcome finalOutcome(VariableScope scope) {
    String value = string(scope, Vars.FINAL_OUTCOME);
    if (AuditOutcome.TOEKENNEN.name().equals(value) || AuditOutcome.AFWIJZEN.name().equals(value)) {
      return AuditOutcome.valueOf(value);
    }
    throw new InvalidRequestException("Kies of het keurmerk wordt toegekend of afgewezen.");
  }

  public static String committeeReason(VariableScope scope) {
    return string(scope, Vars.COMMITTEE_REASON);
  }

  private static Integer integer(Function<String, Object> scope, String name, String label) {
    return FormValues.wholeNumber(label, scope.apply(name));
  }

  private static BigDecimal decimal(Function<String, Object> scope, String name, String label) {
    return FormValues.amount(label, scope.apply(name));
  }

  private static String string(Function<String, Object> scope, String name) {
    return FormValues.text(name, scope.apply(name));
  }

  private static String string(VariableScope scope, String name) {
    return string(scope::getVariable, name);
  }
}
