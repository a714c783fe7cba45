package nl.werkpact.keurmerk.audit.process;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * What the committee reads next to the advice: per rule of the criteria table the audit was judged by, per
 * criterion what was required, what was found and whether it was met, and which rule gave the advice (the first
 * one that fits: hit policy FIRST). Built from the pinned table itself, so it stays true when a process owner
 * changes the rules in Modeler.
 */
public final class CriteriaExplanation {

  private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

  private CriteriaExplanation() {}

  /** One cell of a table as the engine's own FEEL engine reads it: a unary test such as {@code >= 5} on a value. */
  public static BiPredicate<String, Object> feel(ProcessEngine processEngine) {
    var configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    var engine =
        ((DefaultDmnEngineConfiguration) configuration.getDmnEngineConfiguration()).getFeelEngine();
    return (condition, value) ->
        engine.evaluateSimpleUnaryTests(
            condition,
            "cellInput",
            Variables.createVariables().putValue("cellInput", value).asVariableContext());
  }

  /**
   * The rules of a table without figures, in Dutch, for an employer who wants to know what the keurmerk asks: per rule
   * that leads somewhere other than {@code AFWIJZEN}, what it asks ("Extra werkplekken doelgroep minstens 1 en Aandeel
   * doelgroep (%) minstens 5") and what it gives.
   */
  public static List<String> describe(DmnModelInstance table) {
    DecisionTable decisions = table.getModelElementsByType(DecisionTable.class).iterator().next();
    List<Input> inputs = new ArrayList<>(decisions.getInputs());
    List<String> lines = new ArrayList<>();
    for (Rule rule : decisions.getRules()) {
      List<InputEntry> entries = new ArrayList<>(rule.getInputEntries());
      List<String> asks = new ArrayList<>();
      for (int i = 0; i < entries.size() && i < inputs.size(); i++) {
        String condition =
            entries.get(i).getTextContent() == null ? "" : entries.get(i).getTextContent().strip();
        if (!condition.isEmpty() && !condition.equals("-")) {
          asks.add(label(inputs.get(i)) + " " + inDutch(condition));
        }
      }
      String outcome =
          rule.getOutputEntries().isEmpty()
              ? ""
              : unquote(((OutputEntry) rule.getOutputEntries().iterator().next()).getTextContent());
      if (!"AFWIJZEN".equals(outcome) && !asks.isEmpty()) {
        lines.add(
            String.join(" en ", asks)
                + ": "
                + ("TOEKENNEN".equals(outcome)
                    ? "het keurmerk."
                    : "de keurmerkcommissie beslist."));
      }
    }
    return lines;
  }

  /**
   * @param values the table's inputs by input expression (variable name)
   * @param test evaluates one input entry (a FEEL unary test such as {@code >= 5}) against a value
   */
  public static String explain(
      DmnModelInstance table, Map<String, Object> values, BiPredicate<String, Object> test) {
    DecisionTable decisions = table.getModelElementsByType(DecisionTable.class).iterator().next();
    List<Input> inputs = new ArrayList<>(decisions.getInputs());
    List<String> lines = new ArrayList<>();
    boolean adviceFound = false;
    int number = 0;
    for (Rule rule : decisions.getRules()) {
      number++;
      List<InputEntry> entries = new ArrayList<>(rule.getInputEntries());
      List<String> criteria = new ArrayList<>();
      boolean allMet = true;
      for (int i = 0; i < entries.size() && i < inputs.size(); i++) {
        String condition =
            entries.get(i).getTextContent() == null ? "" : entries.get(i).getTextContent().strip();
        if (condition.isEmpty() || condition.equals("-")) {
          continue;
        }
        Input input = inputs.get(i);
        Object value = values.get(input.getInputExpression().getTextContent().strip());
        boolean met = value != null && test.test(condition, value);
        allMet &= met;
        criteria.add(
            label(input)
                + " "
                + inDutch(condition)
                + " (gevonden: "
                + format(value)
                + ", "
                + (met ? "voldaan" : "niet voldaan")
                + ")");
      }
      String outcome =
          rule.getOutputEntries().isEmpty()
              ? ""
              : unquote(((OutputEntry) rule.getOutputEntries().iterator().next()).getTextContent());
      String line =
          "Regel "
              + number
              + " → "
              + outcome
              + ": "
              + (criteria.isEmpty() ? "geldt altijd" : String.join("; ", criteria));
      if (allMet && !adviceFound) {
        adviceFound = true;
        line += ". Deze regel past als eerste en geeft het advies.";
      } else {
        line += allMet ? ". Past ook, maar een eerdere regel gaat voor." : ". Past niet.";
      }
      lines.add(line);
    }
    return String.join("\n", lines);
  }

  /** The figures as the table read them, in Dutch notation. */
  public static String figures(
      int workforce,
      int targetGroup,
      BigDecimal sharePercent,
      int extraWorkplaces,
      int workExperiencePlaces,
      BigDecimal socialPurchasing) {
    return "Gelezen cijfers: "
        + format(workforce)
        + " medewerkers, waarvan "
        + format(targetGroup)
        + " uit de doelgroep ("
        + format(sharePercent)
        + " %, naar beneden afgerond op twee decimalen); extra werkplekken: "
        + format(extraWorkplaces)
        + "; werkervaringsplaatsen en stages: "
        + format(workExperiencePlaces)
        + "; inkoop bij sociale werkbedrijven: € "
        + format(socialPurchasing)
        + ".";
  }

  private static final java.util.regex.Pattern COMPARISON =
      java.util.regex.Pattern.compile("^(>=|<=|>|<|=)?\\s*(-?\\d+(?:\\.\\d+)?)$");
  private static final java.util.regex.Pattern RANGE =
      java.util.regex.Pattern.compile(
          "^\\[\\s*(-?\\d+(?:\\.\\d+)?)\\s*\\.\\.\\s*(-?\\d+(?:\\.\\d+)?)\\s*]$");

  /**
   * A FEEL unary test with a number as the committee reads it: {@code >= 1} is "minstens 1", {@code > 1} "meer dan 1",
   * {@code <= 1} "hoogstens 1", {@code < 1} "minder dan 1", {@code 1} "gelijk aan 1", {@code [1..5]} "van 1 tot en met
   * 5"; numbers in Dutch notation (10.000). Any other test stays as the table writes it.
   */
  static String inDutch(String condition) {
    String plain = condition.strip();
    var comparison = COMPARISON.matcher(plain);
    if (comparison.matches()) {
      String number = format(new BigDecimal(comparison.group(2)));
      String operator = comparison.group(1) == null ? "=" : comparison.group(1);
      return switch (operator) {
        case ">=" -> "minstens " + number;
        case ">" -> "meer dan " + number;
        case "<=" -> "hoogstens " + number;
        case "<" -> "minder dan " + number;
        default -> "gelijk aan " + number;
      };
    }
    var range = RANGE.matcher(plain);
    if (range.matches()) {
      return "van "
          + format(new BigDecimal(range.group(1)))
          + " tot en met "
          + format(new BigDecimal(range.group(2)));
    }
    return plain;
  }

  private static String label(Input input) {
    return input.getLabel() != null && !input.getLabel().isBlank()
        ? input.getLabel()
        : input.getInputExpression().getTextContent().strip();
  }

  static String format(Object value) {
    if (value == null) {
      return "niets";
    }
    if (value instanceof BigDecimal decimal) {
      NumberFormat format = NumberFormat.getNumberInstance(DUTCH);
      format.setMinimumFractionDigits(decimal.scale() > 0 ? 2 : 0);
      format.setMaximumFractionDigits(2);
      return format.format(decimal);
    }
    if (value instanceof Double d) {
      return format(BigDecimal.valueOf(d));
    }
    if (value instanceof Number n) {
      return NumberFormat.getIntegerInstance(DUTCH).format(n.longValue());
    }
    return value.toString();
  }

  private static String unquote(String text) {
    String plain = text == null ? "" : text.strip();
    return plain.length() >= 2 && plain.startsWith("\"") && plain.endsWith("\"")
        ? plain.substring(1, plain.length() - 1)
        : plain;
  }
}
