package nl.werkpact.keurmerk.criteria;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.werkpact.keurmerk.audit.AuditFigures;
import nl.werkpact.keurmerk.audit.AuditOutcome;
import nl.werkpact.keurmerk.audit.AuditRepository;
import nl.werkpact.keurmerk.audit.process.KeurmerkAuditProcess;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import nl.werkpact.keurmerk.models.ModelChecks;
import nl.werkpact.keurmerk.models.ProcessCatalog;
import nl.werkpact.keurmerk.models.RegionTenant;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Tries a candidate KeurmerkCriteria table (an uploaded file or a deployed version) on the audits decided in a period,
 * with the figures each audit had, beside what the table decided then. Nothing is deployed, stored or sent: the table is
 * parsed and evaluated by a DMN engine with the process engine's own FEEL engine but without its history and metrics
 * listeners, so a trial leaves no decision instance behind.
 */
@Service
public class CriteriaTrial {

  /** A decision table of the product is some kilobytes; this leaves ample room for a larger one. */
  public static final int MAX_BYTES = 512 * 1024;

  /** More audits than the Werkpact decides in ten years: the newest this many of a longer period are tried. */
  static final int MAX_AUDITS = 5000;

  private static final String DECISION_KEY = KeurmerkAuditProcess.DECISION_KEY;

  private final JdbcClient jdbc;
  private final ProcessEngine engine;
  private final ProcessCatalog catalog;
  private volatile DmnEngine dmn;

  public CriteriaTrial(JdbcClient jdbc, ProcessEngine engine, ProcessCatalog catalog) {
    this.jdbc = jdbc;
    this.engine = engine;
    this.catalog = catalog;
  }

  /** One audit: what the table decided then, and what the candidate would decide. */
  public record Line(
      long auditId,
      String employer,
      String decidedOn,
      int version,
      String decided,
      String finalOutcome,
      String candidate,
      String candidateReason,
      boolean flips) {}

  public record Result(String candidateName, String from, String until, List<Line> lines) {
    public List<Line> flips() {
      return lines.stream().filter(Line::flips).toList();
    }
  }

  /** The deployed versions of the table, newest first. */
  public List<DecisionDefinition> versions() {
    return RegionTenant.inThisRegion(
            engine
                .getRepositoryService()
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(DECISION_KEY))
        .orderByDecisionDefinitionVersion()
        .desc()
        .list();
  }

  /** An uploaded file: held to the model checks, then parsed; a bad file is refused in one Dutch sentence. */
  public DmnDecision parseUpload(String fileName, byte[] content) {
    if (content == null || content.length == 0) {
      throw new InvalidRequestException(
          "Kies een DMN-bestand met de criteria (KeurmerkCriteria.dmn).");
    }
    if (content.length > MAX_BYTES) {
      throw new InvalidRequestException(
          "Het bestand is te groot (meer dan " + (MAX_BYTES / 1024) + " kB) voor een beslistabel.");
    }
    List<String> problems =
        new ModelChecks(
                Map.of(DECISION_KEY + ".dmn", content),
                form -> false,
                key -> false,
                Map.of(),
                key -> null)
            .knowing(catalog.allVariables())
            .run();
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(
          fileName + " is niet te gebruiken: " + String.join("; ", problems) + ".");
    }
    try {
      return dmn().parseDecision(DECISION_KEY, new ByteArrayInputStream(content));
    } catch (RuntimeException e) {
      throw new InvalidRequestException(
          fileName
              + " is geen beslistabel met de beslissing "
              + DECISION_KEY
              + " die de DMN-engine kan lezen.");
    }
  }

  /** A deployed version, by its id. */
  public DmnDecision parseDeployed(String decisionDefinitionId) {
    var definition =
        versions().stream().filter(d -> d.getId().equals(decisionDefinitionId)).findFirst();
    if (definition.isEmpty()) {
      throw new InvalidRequestException(
          "Kies een geïnstalleerde versie van de criteria of laad een DMN-bestand.");
    }
    return dmn()
        .parseDecision(
            DECISION_KEY, engine.getRepositoryService().getDmnModelInstance(decisionDefinitionId));
  }

  public Result run(String candidateName, DmnDecision candidate, LocalDate from, LocalDate until) {
    List<Line> lines = new ArrayList<>();
    jdbc.sql(
            """
            SELECT a.id, e.name, a.decided_on, a.criteria_version, a.criteria_outcome, a.final_outcome,
                   a.workforce_size, a.target_group_employees, a.extra_workplaces,
                   a.work_experience_places, a.social_purchasing_euros, a.findings, \s"""
                + AuditRepository.SOCIAL_RETURN_COLUMNS
                + """

            FROM audit a JOIN employer e ON e.id = a.employer_id
            WHERE a.criteria_outcome IS NOT NULL AND a.decided_on BETWEEN ? AND ?
            ORDER BY a.decided_on DESC, a.id DESC
            """)
        .params(from, until)
        .query(
            (rs, row) -> {
              if (row >= MAX_AUDITS) {
                return null;
              }
              var figures =
                  new AuditFigures(
                      rs.getInt("workforce_size"),
                      rs.getInt("target_group_employees"),
                      rs.getInt("extra_workplaces"),
                      rs.getInt("work_experience_places"),
                      rs.getBigDecimal("social_purchasing_euros"),
                      rs.getString("findings"),
                      AuditRepository.socialReturn(rs));
              String decided = rs.getString("criteria_outcome");
              var result = evaluate(candidate, figures);
              String outcome = result.get("outcome") == null ? null : "" + result.get("outcome");
              lines.add(
                  new Line(
                      rs.getLong("id"),
                      rs.getString("name"),
                      Dates.numeric(rs.getObject("decided_on", LocalDate.class)),
                      rs.getInt("criteria_version"),
                      AuditOutcome.labelOf(decided),
                      AuditOutcome.labelOf(rs.getString("final_outcome")),
                      outcome == null ? "geen uitkomst" : AuditOutcome.labelOf(outcome),
                      result.get("reason") == null ? "" : "" + result.get("reason"),
                      !decided.equals(outcome)));
              return null;
            })
        .list();
    return new Result(candidateName, Dates.numeric(from), Dates.numeric(until), lines);
  }

  /** A deployed table parsed by the trial's own DMN engine, which keeps no history of what it evaluates. */
  DmnDecision parse(org.camunda.bpm.model.dmn.DmnModelInstance model) {
    return dmn().parseDecision(DECISION_KEY, model);
  }

  /**
   * The table's outputs for these figures, with the inputs EvaluateCriteriaDelegate gives it, evaluated without history
   * (nothing of the figures is kept); empty when the table gives no result.
   */
  Map<String, Object> evaluate(DmnDecision candidate, AuditFigures figures) {
    var inputs = KeurmerkAuditProcess.criteriaInputs(figures);
    try {
      var result = dmn().evaluateDecisionTable(candidate, inputs).getFirstResult();
      return result == null ? Map.of() : result.getEntryMap();
    } catch (RuntimeException e) {
      return Map.of();
    }
  }

  private DmnEngine dmn() {
    if (dmn == null) {
      var own =
          (DefaultDmnEngineConfiguration)
              ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                  .getDmnEngineConfiguration();
      var trial = new DefaultDmnEngineConfiguration();
      trial.setFeelEngineFactory(own.getFeelEngineFactory());
      trial.setFeelCustomFunctionProviders(own.getFeelCustomFunctionProviders());
      dmn = trial.buildEngine();
    }
    return dmn;
  }
}
