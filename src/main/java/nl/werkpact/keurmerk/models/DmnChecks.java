package nl.werkpact.keurmerk.models;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.syntaxtree.FunctionDefinition;
import org.camunda.feel.syntaxtree.JavaFunctionInvocation;
import org.camunda.feel.syntaxtree.Ref;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * The checks of a decision (DMN): FEEL only, in every spelling of the language attribute; every entry compiles with the
 * engine's own FEEL engine and names nothing but the table's inputs and the variables the code knows; a bewaartermijn.
 */
final class DmnChecks {

  private final ModelChecks checks;
  private final Set<String> allVariables;

  DmnChecks(ModelChecks checks, Set<String> allVariables) {
    this.checks = checks;
    this.allVariables = allVariables;
  }

  void check(String file, byte[] content) {
    Element root;
    try {
      root = ModelChecks.readXml(content);
    } catch (Exception e) {
      checks.problem(
          file,
          "(bestand)",
          "is geen veilig leesbaar XML-bestand (een DOCTYPE of entiteit is niet toegestaan): "
              + e.getMessage());
      return;
    }
    // FEEL only, whatever the spelling of the attribute: JUEL, JavaScript, Groovy or Python in a
    // decision could call Java.
    checkDmnLanguages(file, root, "(beslissing)");
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(content));
    } catch (RuntimeException e) {
      checks.problem(file, "(bestand)", "is niet te lezen: " + checks.deepestMessage(e));
      return;
    }
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      if (decision.getCamundaHistoryTimeToLiveString() == null) {
        checks.problem(
            file, decision.getId(), "heeft geen camunda:historyTimeToLive (bewaartermijn)");
      } else {
        checks.checkHistoryTimeToLive(
            file, decision.getId(), decision.getCamundaHistoryTimeToLiveString());
      }
      checks.checkIds(file, List.of(decision.getId()));
    }
    for (var table : model.getModelElementsByType(DecisionTable.class)) {
      checkDecisionTable(file, table);
    }
    for (var literal : model.getModelElementsByType(LiteralExpression.class)) {
      if (!(literal.getParentElement() instanceof Decision)) {
        continue;
      }
      String text = literal.getText() == null ? null : literal.getText().getTextContent();
      checkFeel(file, literal.getId(), "de uitdrukking", text, false, knownNames());
    }
  }

  private static final Set<String> FEEL_LANGUAGES =
      Set.of(
          "feel",
          "feel-scala",
          "https://www.omg.org/spec/dmn/20191111/feel/",
          "https://www.omg.org/spec/dmn/20180521/feel/",
          "http://www.omg.org/spec/feel/20140401");

  private void checkDmnLanguages(String file, Element element, String owner) {
    String id = element.getAttribute("id");
    String here = id.isEmpty() ? owner : id;
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String name =
          attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
      if (("expressionLanguage".equals(name) || "typeLanguage".equals(name))
          && !FEEL_LANGUAGES.contains(attribute.getValue().strip().toLowerCase(Locale.ROOT))) {
        checks.problem(
            file,
            here,
            name + "=\"" + attribute.getValue() + "\": beslissingen gebruiken alleen FEEL");
      }
    }
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element nested) {
        checkDmnLanguages(file, nested, here);
      }
    }
  }

  private Set<String> knownNames() {
    Set<String> names = new TreeSet<>(allVariables);
    names.add("cellInput");
    return names;
  }

  private void checkDecisionTable(String file, DecisionTable table) {
    Set<String> known = knownNames();
    List<String> columns = new ArrayList<>();
    for (var input : table.getInputs()) {
      String label = input.getLabel() != null ? input.getLabel() : input.getId();
      columns.add(label);
      if (input.getCamundaInputVariable() != null) {
        known.add(input.getCamundaInputVariable());
      }
      var expression = input.getInputExpression();
      String text =
          expression == null || expression.getText() == null
              ? null
              : expression.getText().getTextContent();
      checkFeel(
          file,
          input.getId(),
          "invoer '" + label + "'",
          text,
          false,
          allVariables.isEmpty() ? null : knownNames());
    }
    List<String> outputs = new ArrayList<>();
    table
        .getOutputs()
        .forEach(
            output ->
                outputs.add(output.getLabel() != null ? output.getLabel() : output.getName()));
    int number = 0;
    for (var rule : table.getRules()) {
      number++;
      String where = "regel " + number + " (" + rule.getId() + ")";
      int column = 0;
      for (var entry : rule.getInputEntries()) {
        String label = column < columns.size() ? columns.get(column) : "kolom " + (column + 1);
        String text = entry.getText() == null ? null : entry.getText().getTextContent();
        checkFeel(
            file,
            where,
            "kolom '" + label + "'",
            text,
            true,
            allVariables.isEmpty() ? null : known);
        column++;
      }
      column = 0;
      for (var entry : rule.getOutputEntries()) {
        String label = column < outputs.size() ? outputs.get(column) : "uitkomst " + (column + 1);
        String text = entry.getText() == null ? null : entry.getText().getTextContent();
        checkFeel(
            file,
            where,
            "uitkomst '" + label + "'",
            text,
            false,
            allVariables.isEmpty() ? null : known);
        column++;
      }
    }
  }

  private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

  /** A FEEL entry compiles with the engine's own FEEL engine and names nothing but inputs and process variables. */
  private void checkFeel(
      String file,
      String where,
      String column,
      String text,
      boolean unaryTests,
      Set<String> known) {
    if (text == null || text.isBlank() || (unaryTests && text.strip().equals("-"))) {
      return;
    }
    var parsed = unaryTests ? FEEL.parseUnaryTests(text) : FEEL.parseExpression(text);
    if (parsed.isFailure()) {
      checks.problem(
          file,
          where,
          column
              + ": '"
              + text.strip()
              + "' is geen geldige FEEL-uitdrukking ("
              + parsed.failure().message()
              + ")");
      return;
    }
    Set<String> names = new TreeSet<>();
    boolean[] defines = new boolean[1];
    collectNames(parsed.parsedExpression().expression(), names, defines);
    if (defines[0]) {
      checks.problem(
          file,
          where,
          column
              + ": '"
              + text.strip()
              + "' definieert een functie; dat is in beslissingen niet toegestaan");
    }
    if (known != null) {
      names.removeAll(known);
      if (!names.isEmpty()) {
        checks.problem(
            file,
            where,
            column
                + ": '"
                + text.strip()
                + "' verwijst naar "
                + String.join(", ", names)
                + ", dat geen invoer en geen gegeven van het proces is (bedoelt u een getal of een tekst tussen aanhalingstekens?)");
      }
    }
  }

  private static void collectNames(Object node, Set<String> names, boolean[] defines) {
    if (node instanceof Ref ref && !ref.names().isEmpty()) {
      names.add(ref.names().head());
    }
    if (node instanceof FunctionDefinition || node instanceof JavaFunctionInvocation) {
      defines[0] = true;
    }
    if (node instanceof camundajar.impl.scala.Product product && !(node instanceof Ref)) {
      var parts = product.productIterator();
      while (parts.hasNext()) {
        collectNames(parts.next(), names, defines);
      }
    } else if (node instanceof camundajar.impl.scala.collection.Iterable<?> items) {
      var parts = items.iterator();
      while (parts.hasNext()) {
        collectNames(parts.next(), names, defines);
      }
    }
  }
}
