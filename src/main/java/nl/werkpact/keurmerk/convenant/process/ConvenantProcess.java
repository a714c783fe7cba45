package nl.werkpact.keurmerk.convenant.process;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.common.FormValues;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import nl.werkpact.keurmerk.employer.EmployerDetails;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Everything the code knows about {@code bpmn/Convenant.bpmn}: its key, element ids, form ids,
 * variable names and typed accessors. No other class spells these strings.
 *
 * <p>Business key: the employer's KvK number. After signing, an audit may be requested for the
 * employer with message {@code AuditRequested} and the same business key: see
 * {@link nl.werkpact.keurmerk.audit.process.KeurmerkAuditProcess#MESSAGE_AUDIT_REQUESTED}.
 */
public final class ConvenantProcess {

  public static final String PROCESS_KEY = "Convenant";

  public static final class Elements {
    public static final String START_EVENT_INTENT_REGISTERED = "StartEvent_IntentRegistered";
    public static final String TASK_REGISTER_INTENT = "Task_RegisterIntent";
    public static final String TASK_INTAKE = "Task_Intake";
    public static final String TASK_RECORD_SIGNING = "Task_RecordSigning";
    public static final String GATEWAY_SIGNING_OUTCOME = "Gateway_SigningOutcome";
    public static final String TASK_RECORD_SIGNED_CONVENANT = "Task_RecordSignedConvenant";
    public static final String END_EVENT_CONVENANT_SIGNED = "EndEvent_ConvenantSigned";
    public static final String TASK_RECORD_WITHDRAWAL = "Task_RecordWithdrawal";
    public static final String END_EVENT_CONVENANT_WITHDRAWN = "EndEvent_ConvenantWithdrawn";

    private Elements() {}
  }

  public static final class Forms {
    public static final String INTENT = "ConvenantIntent";
    public static final String INTAKE = "ConvenantIntake";
    public static final String SIGNING = "ConvenantSigning";

    private Forms() {}
  }

  public static final class Vars {
    public static final String EMPLOYER_NAME = "employerName";
    public static final String KVK_NUMBER = "kvkNumber";
    public static final String ADDRESS = "address";
    public static final String MUNICIPALITY = "municipality";
    public static final String CONTACT_PERSON = "contactPerson";
    public static final String CONTACT_EMAIL = "contactEmail";
    public static final String CONVENANT_ID = "convenantId";
    public static final String EMPLOYER_ID = "employerId";
    public static final String INTAKE_DATE = "intakeDate";
    public static final String INTAKE_NOTES = "intakeNotes";
    public static final String INTENDED_WORKPLACES = "intendedWorkplaces";
    public static final String SIGNING_OUTCOME = "signingOutcome";
    public static final String SIGNED_DATE = "signedDate";
    public static final String SIGNED_BY = "signedBy";
    public static final String WITHDRAWAL_REASON = "withdrawalReason";

    private Vars() {}
  }

  /**
   * What a user may submit: the editable fields of the start form and of each user task's form. Everything
   * else a client sends is refused by the engine (engine/CommandGuard), whatever the route.
   */
  /**
   * The employer's contact data: read by its accountmanagers (and admins) only; CommandGuard leaves it out of every
   * variable and history answer to other roles, the procesbeheerder's Cockpit included.
   */
  public static final Set<String> CONTACT_DATA =
      Set.of(Vars.ADDRESS, Vars.CONTACT_PERSON, Vars.CONTACT_EMAIL, Vars.SIGNED_BY);

  public static final Set<String> START_INPUTS =
      Set.of(
          Vars.EMPLOYER_NAME,
          Vars.KVK_NUMBER,
          Vars.ADDRESS,
          Vars.MUNICIPALITY,
          Vars.CONTACT_PERSON,
          Vars.CONTACT_EMAIL);
  public static final Map<String, Set<String>> TASK_INPUTS =
      Map.of(
          Elements.TASK_INTAKE,
              Set.of(Vars.INTAKE_DATE, Vars.INTAKE_NOTES, Vars.INTENDED_WORKPLACES),
          Elements.TASK_RECORD_SIGNING,
              Set.of(
                  Vars.SIGNING_OUTCOME, Vars.SIGNED_DATE, Vars.SIGNED_BY, Vars.WITHDRAWAL_REASON));

  /** Values of {@link Vars#SIGNING_OUTCOME}, the decision at {@link Elements#GATEWAY_SIGNING_OUTCOME}. */
  public enum SigningOutcome {
    SIGNED,
    WITHDRAWN
  }

  private ConvenantProcess() {}

  public static EmployerDetails employerDetails(VariableScope scope) {
    return new EmployerDetails(
        string(scope, Vars.EMPLOYER_NAME),
        string(scope, Vars.KVK_NUMBER),
        string(scope, Vars.ADDRESS),
        string(scope, Vars.MUNICIPALITY),
        string(scope, Vars.CONTACT_PERSON),
        string(scope, Vars.CONTACT_EMAIL));
  }

  public static void setRegistration(VariableScope scope, long convenantId, long employerId) {
    scope.setVariable(Vars.CONVENANT_ID, convenantId);
    scope.setVariable(Vars.EMPLOYER_ID, employerId);
  }

  public static LocalDate intakeDate(VariableScope scope) {
    return Dates.parse("Datum intakegesprek", scope.getVariable(Vars.INTAKE_DATE));
  }

  public static String intakeNotes(VariableScope scope) {
    return string(scope, Vars.INTAKE_NOTES);
  }

  public static Integer intendedWorkplaces(VariableScope scope) {
    return FormValues.wholeNumber(
        "Beoogd aantal extra werkplekken", scope.getVariable(Vars.INTENDED_WORKPLACES));
  }

  public static SigningOutcome signingOutcome(VariableScope scope) {
    String value = string(scope, Vars.SIGNING_OUTCOME);
    for (SigningOutcome outcome : SigningOutcome.values()) {
      if (outcome.name().equals(value)) {
        return outcome;
      }
    }
    throw new InvalidRequestException(
        "Kies of het convenant is getekend of dat de werkgever zich terugtrekt.");
  }

  public static LocalDate signedDate(VariableScope scope) {
    return Dates.parse("Datum van ondertekening", scope.getVariable(Vars.SIGNED_DATE));
  }

  public static String signedBy(VariableScope scope) {
    return string(scope, Vars.SIGNED_BY);
  }

  public static String withdrawalReason(VariableScope scope) {
    return string(scope, Vars.WITHDRAWAL_REASON);
  }

  private static String string(VariableScope scope, String name) {
    return FormValues.text(name, scope.getVariable(name));
  }
}
