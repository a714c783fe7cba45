package nl.werkpact.keurmerk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
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
        new AuditFigures(workforce, targetGroup, extra, workExperience, purchasing, "bevindingen");
    var result =
        dmn.evaluateDecisionTable(
            criteria,
            Variables.createVariables()
                .putValue("extraWorkplaces", extra)
                .putValue(
                    "targetGroupSharePercent", figures.targetGroupSharePercent().doubleValue())
                .putValue("workExperiencePlaces", workExperience)
                .putValue("socialPurchasingEuros", purchasing.doubleValue()));

    assertThat(result.getFirstResult().<String>getEntry("outcome")).isEqualTo(outcome);
    assertThat(result.getFirstResult().<String>getEntry("reason")).isNotBlank();
  }
}
