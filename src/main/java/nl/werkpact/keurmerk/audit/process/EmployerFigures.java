package nl.werkpact.keurmerk.audit.process;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.werkpact.keurmerk.audit.Audit;
import nl.werkpact.keurmerk.audit.AuditFigures;
import nl.werkpact.keurmerk.audit.FiguresDrafts;
import nl.werkpact.keurmerk.audit.SocialReturn;
import nl.werkpact.keurmerk.audit.process.KeurmerkAuditProcess.Vars;
import nl.werkpact.keurmerk.common.FormValues;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import nl.werkpact.keurmerk.region.RegionScope;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Figures prepared by the employer before its audit (Mijn keurmerk): checked as the audit form reads them, kept as the
 * employer's draft ({@link FiguresDrafts}), and put into the auditor's form of the planned audit: its fields start
 * with the employer's figures and a read-only text says what the employer gave. The auditor corrects and confirms
 * them in Audit uitvoeren; what the auditor completes is recorded as the audit's figures, and the draft stays beside
 * them. Nothing changes once the auditor has completed the task.
 */
@Service
public class EmployerFigures {

  /** The whole-number fields of the audit form an employer fills, by variable, with their Dutch label. */
  public static final Map<String, String> WHOLE_NUMBERS = wholeNumbers();

  private static Map<String, String> wholeNumbers() {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    fields.put(Vars.WORKFORCE_SIZE, "Totaal aantal medewerkers");
    fields.put(Vars.TARGET_GROUP_EMPLOYEES, "Medewerkers uit de doelgroep");
    fields.put(Vars.EXTRA_WORKPLACES, "Extra werkplekken voor de doelgroep");
    fields.put(Vars.WORK_EXPERIENCE_PLACES, "Werkervaringsplaatsen en stages");
    for (SocialReturn.Count count : SocialReturn.Count.values()) {
      fields.put(count.variable(), count.label());
    }
    return java.util.Collections.unmodifiableMap(fields);
  }

  public static final String AMOUNT_LABEL = "Inkoop bij sociale werkbedrijven (euro)";

  private final FiguresDrafts drafts;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final TransactionTemplate transactions;

  EmployerFigures(
      FiguresDrafts drafts,
      RuntimeService runtime,
      IdentityService identity,
      TransactionTemplate transactions) {
    this.drafts = drafts;
    this.runtime = runtime;
    this.identity = identity;
    this.transactions = transactions;
  }

  /** The employer's draft for this audit, if it saved one (in the employer's region). */
  public Optional<FiguresDrafts.Draft> draftOf(long auditId) {
    return drafts.of(auditId);
  }

  /** The employer's audit that takes its figures now: planned and not yet performed (in its region). */
  public Optional<Audit> openFor(long employerId) {
    return drafts.openFor(employerId);
  }

  /**
   * Saves what the employer typed (by the audit form's variable names) for its planned audit and puts it into the
   * auditor's form; every problem in Dutch, or a conflict when no planned audit takes figures.
   */
  public FiguresDrafts.Draft save(
      long employerId, String regionCode, Map<String, String> typed, String activities) {
    List<String> problems = new ArrayList<>();
    for (var field : WHOLE_NUMBERS.entrySet()) {
      try {
        FormValues.wholeNumber(field.getValue(), typed.get(field.getKey()));
      } catch (InvalidRequestException e) {
        problems.addAll(e.problems());
      }
    }
    try {
      FormValues.amount(AMOUNT_LABEL, typed.get(Vars.SOCIAL_PURCHASING_EUROS));
    } catch (InvalidRequestException e) {
      problems.addAll(e.problems());
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    AuditFigures read = KeurmerkAuditProcess.figures(typed::get);
    AuditFigures figures =
        new AuditFigures(
            read.workforceSize(),
            read.targetGroupEmployees(),
            read.extraWorkplaces() == null ? 0 : read.extraWorkplaces(),
            read.workExperiencePlaces() == null ? 0 : read.workExperiencePlaces(),
            read.socialPurchasingEuros() == null ? BigDecimal.ZERO : read.socialPurchasingEuros(),
            null,
            read.socialReturn());
    var caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return RegionScope.in(
          regionCode,
          () ->
              transactions.execute(
                  status -> {
                    Audit audit = drafts.openOrRefuse(employerId);
                    String summary = summary(figures, activities);
                    var draft = drafts.save(audit, figures, activities, summary);
                    runtime.setVariables(audit.processInstanceId(), formValues(figures, summary));
                    return draft;
                  }));
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  /** The audit form's fields as the auditor's form reads them (plain digits, an amount with a comma) and the text. */
  private static Map<String, Object> formValues(AuditFigures figures, String summary) {
    Map<String, Object> values = new HashMap<>();
    values.put(Vars.WORKFORCE_SIZE, Integer.toString(figures.workforceSize()));
    values.put(Vars.TARGET_GROUP_EMPLOYEES, Integer.toString(figures.targetGroupEmployees()));
    values.put(Vars.EXTRA_WORKPLACES, Integer.toString(figures.extraWorkplaces()));
    values.put(Vars.WORK_EXPERIENCE_PLACES, Integer.toString(figures.workExperiencePlaces()));
    values.put(
        Vars.SOCIAL_PURCHASING_EUROS,
        figures.socialPurchasingEuros().stripTrailingZeros().toPlainString().replace('.', ','));
    for (SocialReturn.Count count : SocialReturn.Count.values()) {
      values.put(count.variable(), Integer.toString(figures.socialReturn().count(count)));
    }
    if (figures.socialReturn().socialWorkshops() != null) {
      values.put(Vars.SOCIAL_WORKSHOPS, figures.socialReturn().socialWorkshops());
    }
    values.put(Vars.EMPLOYER_DRAFT, summary);
    return values;
  }

  /** What the employer gave, in one Dutch text for the auditor's form and the dossier. */
  static String summary(AuditFigures figures, String activities) {
    String done = activities == null || activities.isBlank() ? null : activities.strip();
    return CriteriaExplanation.figures(
                figures.workforceSize(),
                figures.targetGroupEmployees(),
                figures.targetGroupSharePercent(),
                figures.extraWorkplaces(),
                figures.workExperiencePlaces(),
                figures.socialPurchasingEuros())
            .replaceFirst("^Gelezen cijfers: ", "Opgegeven: ")
        + " Social return: "
        + figures.socialReturn().summary()
        + "."
        + (done == null ? "" : " Wat de werkgever verder deed: " + done);
  }
}
