package nl.werkpact.keurmerk.criteria;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nl.werkpact.keurmerk.audit.AuditFigures;
import nl.werkpact.keurmerk.audit.SocialReturn;
import nl.werkpact.keurmerk.audit.process.CriteriaExplanation;
import nl.werkpact.keurmerk.audit.process.KeurmerkAuditProcess;
import nl.werkpact.keurmerk.common.FormValues;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.springframework.stereotype.Service;

/**
 * An employer's self-scan: its figures (typed the Dutch way) against the region's latest criteria table, the same
 * table and inputs the audit uses, evaluated by the trial's own DMN engine without history, so that nothing of the
 * figures is kept. Also what the table asks, in Dutch, for the page "Partner worden".
 */
@Service
public class SelfScan {

  /** What the employer typed, by field. */
  public record Typed(
      String workforce,
      String targetGroup,
      String extraWorkplaces,
      String workExperiencePlaces,
      String purchasing,
      Map<SocialReturn.Count, String> socialReturn) {}

  /**
   * The outcome in plain words ({@code verdict}), the table's reason, how the figures were read, and per rule what it
   * asks, what was found and whether it was met.
   */
  public record Scan(
      String outcome, String verdict, String reason, String figures, List<String> rules) {}

  private final ProcessEngine engine;
  private final CriteriaTrial trial;

  SelfScan(ProcessEngine engine, CriteriaTrial trial) {
    this.engine = engine;
    this.trial = trial;
  }

  /** A deployed version parsed once (by its id, which a redeployment changes): a scan parses nothing. */
  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

  /** The region's criteria table as deployed now (its tenant's latest): its id and model, if it has one. */
  private Optional<Map.Entry<String, DmnModelInstance>> latest(String regionCode) {
    var definition =
        engine
            .getRepositoryService()
            .createDecisionDefinitionQuery()
            .decisionDefinitionKey(KeurmerkAuditProcess.DECISION_KEY)
            .tenantIdIn(regionCode)
            .latestVersion()
            .singleResult();
    return Optional.ofNullable(definition)
        .map(
            d ->
                Map.entry(d.getId(), engine.getRepositoryService().getDmnModelInstance(d.getId())));
  }

  /** What the region's table asks, rule by rule; empty when the region has no table. */
  public List<String> criteria(String regionCode) {
    return latest(regionCode)
        .map(t -> CriteriaExplanation.describe(t.getValue()))
        .orElse(List.of());
  }

  /** The scan; refused in Dutch, with every problem, when a figure cannot be read or cannot be right. */
  public Scan scan(String regionCode, Typed typed) {
    var table =
        latest(regionCode)
            .orElseThrow(
                () ->
                    new InvalidRequestException("Deze regio heeft nog geen criteria vastgesteld."));
    var model = table.getValue();
    Map<SocialReturn.Count, Integer> counts = new EnumMap<>(SocialReturn.Count.class);
    var problems = new java.util.ArrayList<String>();
    Integer workforce = whole(problems, "Totaal aantal medewerkers", typed.workforce());
    Integer targetGroup = whole(problems, "Medewerkers uit de doelgroep", typed.targetGroup());
    Integer extra = whole(problems, "Extra werkplekken voor de doelgroep", typed.extraWorkplaces());
    Integer places =
        whole(problems, "Werkervaringsplaatsen en stages", typed.workExperiencePlaces());
    BigDecimal purchasing = null;
    try {
      purchasing = FormValues.amount("Inkoop bij sociale werkbedrijven", typed.purchasing());
    } catch (InvalidRequestException e) {
      problems.addAll(e.problems());
    }
    for (SocialReturn.Count count : SocialReturn.Count.values()) {
      counts.put(count, whole(problems, count.label(), typed.socialReturn().get(count)));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    var figures =
        new AuditFigures(
            workforce,
            targetGroup,
            extra == null ? 0 : extra,
            places == null ? 0 : places,
            purchasing == null ? BigDecimal.ZERO : purchasing,
            null,
            new SocialReturn(counts, null));
    figures.validateFigures();
    var result =
        trial.evaluate(parsed.computeIfAbsent(table.getKey(), id -> trial.parse(model)), figures);
    String outcome = result.get("outcome") == null ? "" : result.get("outcome").toString();
    var inputs = KeurmerkAuditProcess.criteriaInputs(figures);
    List<String> rules =
        Arrays.stream(
                CriteriaExplanation.explain(model, inputs, CriteriaExplanation.feel(engine))
                    .split("\n"))
            .toList();
    return new Scan(
        outcome,
        switch (outcome) {
          case "TOEKENNEN" ->
              "Met deze cijfers voldoet u aan de criteria: u kunt het keurmerk aanvragen.";
          case "COMMISSIE" ->
              "Met deze cijfers beslist de keurmerkcommissie: vraag uw accountmanager wat zij nodig heeft.";
          default ->
              "Met deze cijfers voldoet u nog niet aan de criteria. Hieronder ziet u wat ontbreekt.";
        },
        result.get("reason") == null ? "" : result.get("reason").toString(),
        CriteriaExplanation.figures(
            figures.workforceSize(),
            figures.targetGroupEmployees(),
            figures.targetGroupSharePercent(),
            figures.extraWorkplaces(),
            figures.workExperiencePlaces(),
            figures.socialPurchasingEuros()),
        rules);
  }

  private static Integer whole(List<String> problems, String label, String text) {
    try {
      return FormValues.wholeNumber(label, text);
    } catch (InvalidRequestException e) {
      problems.addAll(e.problems());
      return null;
    }
  }
}
