package nl.werkpact.keurmerk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.werkpact.keurmerk.audit.process.KeurmerkAuditProcess;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** bpmn/KeurmerkCriteria.dmn, every rule and its edges, with the share computed as the process computes it. */
class KeurmerkCriteriaTest {

  private static DmnEngine dmn;
  private static DmnDecision criteria;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in =
        KeurmerkCriteriaTest.class
            .getClassLoader()
            .getResourceAsStream("bpmn/KeurmerkCriteria.dmn")) {
      criteria = dmn.parseDecision("KeurmerkCriteria", in);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      # case                                          | workforce | target group | extra | work exp. | purchasing | outcome
      share exactly 5 % with 1 extra workplace         | 100       | 5            | 1     | 0         | 0          | TOEKENNEN
      share 4.99 % with 1 extra workplace              | 10000     | 499          | 1     | 0         | 0          | AFWIJZEN
      share 5 % but 0 extra workplaces                 | 100       | 5            | 0     | 0         | 0          | COMMISSIE
      share 4.99 % and 0 extra workplaces              | 10000     | 499          | 0     | 5         | 50000      | AFWIJZEN
      two work-experience places with 1 extra          | 200       | 0            | 1     | 2         | 0          | TOEKENNEN
      one work-experience place with 1 extra           | 200       | 0            | 1     | 1         | 0          | AFWIJZEN
      two work-experience places but 0 extra           | 200       | 0            | 0     | 2         | 0          | AFWIJZEN
      social purchasing 10,000 with 1 extra            | 200       | 0            | 1     | 0         | 10000      | TOEKENNEN
      social purchasing 9,999 with 1 extra             | 200       | 0            | 1     | 0         | 9999       | AFWIJZEN
      social purchasing 9,999.99 with 1 extra          | 200       | 0            | 1     | 0         | 9999.99    | AFWIJZEN
      workforce of 1 who is from the target group      | 1         | 1            | 1     | 0         | 0          | TOEKENNEN
      workforce of 1, not from the target group        | 1         | 0            | 1     | 0         | 0          | AFWIJZEN
      workforce of 1 from the target group, 0 extra    | 1         | 1            | 0     | 0         | 0          | COMMISSIE
      nothing at all                                   | 50        | 0            | 0     | 0         | 0          | AFWIJZEN
      """)
  void decidesOutcome(
      String description,
      int workforce,
      int targetGroup,
      int extra,
      int workExperience,
      BigDecimal purchasing,
      String outcome) {
    var figures =
        new AuditFigures(
            workforce, targetGroup, extra, workExperience, purchasing, "bevindingen", null);
    var result = dmn.evaluateDecisionTable(criteria, KeurmerkAuditProcess.criteriaInputs(figures));

    assertThat(result.getFirstResult().<String>getEntry("outcome")).isEqualTo(outcome);
    assertThat(result.getFirstResult().<String>getEntry("reason")).isNotBlank();

    // The shipped table reads the social return counts but does not weigh them: the same figures
    // with a lot of social
    // return (and none of it as stages, which are part of the work-experience places) give the same
    // outcome.
    Map<SocialReturn.Count, Integer> plenty = new EnumMap<>(SocialReturn.Count.class);
    for (SocialReturn.Count count : SocialReturn.Count.values()) {
      plenty.put(count, count == SocialReturn.Count.INTERNSHIPS ? 0 : 50);
    }
    var withSocialReturn =
        new AuditFigures(
            workforce,
            targetGroup,
            extra,
            workExperience,
            purchasing,
            "bevindingen",
            new SocialReturn(plenty, "Pameijer"));
    assertThat(
            dmn.evaluateDecisionTable(
                    criteria, KeurmerkAuditProcess.criteriaInputs(withSocialReturn))
                .getFirstResult()
                .<String>getEntry("outcome"))
        .isEqualTo(outcome);
  }

  /**
   * A process owner weighs social return in Modeler: the work-experience rule becomes "one extra workplace and at
   * least eight finished trainings" (as at Uitzendbureau Ambacht), and the process's own inputs reach that column.
   */
  @ParameterizedTest(name = "{0} afgeronde opleidingen geeft {1}")
  @CsvSource({"8, TOEKENNEN", "7, AFWIJZEN", "0, AFWIJZEN"})
  void aProcessOwnerCanWeighSocialReturn(int finished, String outcome) throws Exception {
    DmnModelInstance model;
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("bpmn/KeurmerkCriteria.dmn")) {
      model = Dmn.readModelFromStream(in);
    }
    DecisionTable table = model.getModelElementsByType(DecisionTable.class).iterator().next();
    List<Input> inputs = List.copyOf(table.getInputs());
    Rule rule = model.getModelElementById("Rule_AwardOnWorkExperience");
    List<InputEntry> entries = List.copyOf(rule.getInputEntries());
    for (int i = 0; i < inputs.size(); i++) {
      String variable = inputs.get(i).getInputExpression().getTextContent().strip();
      if (variable.equals(SocialReturn.Count.TRAININGS_FINISHED.variable())) {
        entries.get(i).getText().setTextContent(">= 8");
      } else if (variable.equals("workExperiencePlaces")) {
        entries.get(i).getText().setTextContent("");
      }
    }
    DmnDecision weighed = dmn.parseDecision("KeurmerkCriteria", model);
    var figures =
        new AuditFigures(
            200,
            0,
            1,
            0,
            BigDecimal.ZERO,
            "Tien mensen opgeleid tot installateur.",
            new SocialReturn(
                Map.of(
                    SocialReturn.Count.TRAININGS_STARTED,
                    10,
                    SocialReturn.Count.TRAININGS_FINISHED,
                    finished),
                null));

    assertThat(
            dmn.evaluateDecisionTable(weighed, KeurmerkAuditProcess.criteriaInputs(figures))
                .getFirstResult()
                .<String>getEntry("outcome"))
        .isEqualTo(outcome);
  }
}
