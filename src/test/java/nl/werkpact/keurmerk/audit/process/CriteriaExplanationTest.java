package nl.werkpact.keurmerk.audit.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.math.BigDecimal;
import java.util.Map;
import java.util.function.BiPredicate;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.api.Test;

/** The committee sees, per criterion of the table, what was required, what was found and whether it was met. */
class CriteriaExplanationTest {

  private static final BiPredicate<String, Object> FEEL = feel();

  private static BiPredicate<String, Object> feel() {
    var configuration =
        (DefaultDmnEngineConfiguration)
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.buildEngine();
    var engine = configuration.getFeelEngine();
    return (condition, value) ->
        engine.evaluateSimpleUnaryTests(
            condition,
            "cellInput",
            Variables.createVariables().putValue("cellInput", value).asVariableContext());
  }

  @Test
  void aShareJustBelowFivePercentIsShownAsFoundAndNotMet() {
    var table = Dmn.readModelFromFile(new File("bpmn/KeurmerkCriteria.dmn"));

    String explanation =
        CriteriaExplanation.explain(
            table,
            Map.of(
                "extraWorkplaces",
                1,
                "targetGroupSharePercent",
                4.99,
                "workExperiencePlaces",
                1,
                "socialPurchasingEuros",
                9999.99),
            FEEL);

    assertThat(explanation.lines())
        .containsExactly(
            "Regel 1 → TOEKENNEN: Extra werkplekken doelgroep minstens 1 (gevonden: 1, voldaan); Aandeel doelgroep (%) minstens 5 (gevonden: 4,99, niet voldaan). Past niet.",
            "Regel 2 → TOEKENNEN: Extra werkplekken doelgroep minstens 1 (gevonden: 1, voldaan); Werkervaringsplaatsen en stages minstens 2 (gevonden: 1, niet voldaan). Past niet.",
            "Regel 3 → TOEKENNEN: Extra werkplekken doelgroep minstens 1 (gevonden: 1, voldaan); Inkoop sociale werkbedrijven (euro) minstens 10.000 (gevonden: 9.999,99, niet voldaan). Past niet.",
            "Regel 4 → COMMISSIE: Extra werkplekken doelgroep gelijk aan 0 (gevonden: 1, niet voldaan); Aandeel doelgroep (%) minstens 5 (gevonden: 4,99, niet voldaan). Past niet.",
            "Regel 5 → AFWIJZEN: geldt altijd. Deze regel past als eerste en geeft het advies.");
  }

  @Test
  void comparisonsReadAsDutchWords() {
    assertThat(CriteriaExplanation.inDutch(">= 1")).isEqualTo("minstens 1");
    assertThat(CriteriaExplanation.inDutch("> 2")).isEqualTo("meer dan 2");
    assertThat(CriteriaExplanation.inDutch("<= 3")).isEqualTo("hoogstens 3");
    assertThat(CriteriaExplanation.inDutch("< 10000")).isEqualTo("minder dan 10.000");
    assertThat(CriteriaExplanation.inDutch("0")).isEqualTo("gelijk aan 0");
    assertThat(CriteriaExplanation.inDutch("= 7.5")).isEqualTo("gelijk aan 7,50");
    assertThat(CriteriaExplanation.inDutch("[1..5]")).isEqualTo("van 1 tot en met 5");
  }

  @Test
  void theFirstRuleThatFitsGivesTheAdviceAndLaterOnesAreMarked() {
    var table = Dmn.readModelFromFile(new File("bpmn/KeurmerkCriteria.dmn"));

    String explanation =
        CriteriaExplanation.explain(
            table,
            Map.of(
                "extraWorkplaces",
                2,
                "targetGroupSharePercent",
                5.0,
                "workExperiencePlaces",
                3,
                "socialPurchasingEuros",
                0.0),
            FEEL);

    assertThat(explanation.lines().toList().get(0))
        .endsWith("Deze regel past als eerste en geeft het advies.");
    assertThat(explanation.lines().toList().get(1))
        .endsWith("Past ook, maar een eerdere regel gaat voor.");
  }

  @Test
  void theFiguresAreWrittenTheDutchWay() {
    assertThat(
            CriteriaExplanation.figures(
                2000, 100, new BigDecimal("5.00"), 1, 2, new BigDecimal("9999.99")))
        .isEqualTo(
            "Gelezen cijfers: 2.000 medewerkers, waarvan 100 uit de doelgroep (5,00 %, naar beneden afgerond op twee decimalen); "
                + "extra werkplekken: 1; werkervaringsplaatsen en stages: 2; inkoop bij sociale werkbedrijven: € 9.999,99.");
  }
}
