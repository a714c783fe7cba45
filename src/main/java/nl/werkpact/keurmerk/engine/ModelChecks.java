package nl.werkpact.keurmerk.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * The checks every model passes, in the build ({@code ModelChecksTest} on bpmn/ and forms/) and when it is
 * deployed at run time ({@link ModelDeploymentCheck}: Camunda Modeler, the REST API, start-up). Each problem
 * names the file and the element.
 *
 * <p>Models parse, have a history time to live and a diagram, no generated ids; every delegate, bean, variable,
 * form and decision they refer to exists; every form field is a variable of its process; every user task has a
 * candidate group. And nothing in a model reaches outside the project's process beans and process variables:
 * no {@code camunda:class}, no scripts or connectors, no expression language but FEEL in decisions, and every
 * JUEL expression is built from process variables, literals, operators and calls of a process bean's own methods
 * only (no property access, so no {@code execution.processEngineServices} and no {@code x.getClass()}).
 */
public final class ModelChecks {

  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  private static final Pattern GENERATED_ID = Pattern.compile("^[A-Za-z]+_[0-9][0-9a-z]{5,}$");
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{");
  /** Camunda's own harmless helpers in expressions. */
  private static final Set<String> FUNCTIONS = Set.of("currentUser", "currentUserGroups", "dateTime", "now");
  private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("scriptTask", "script", "connector", "connectorId");
  private static final Set<String> FORBIDDEN_ATTRIBUTES = Set.of("class", "scriptFormat", "resource", "language", "expressionLanguage",
      "variableMappingClass", "variableMappingDelegateExpression");

  private final Map<String, byte[]> resources;
  private final Predicate<String> formDeployedElsewhere;
  private final Predicate<String> decisionDeployedElsewhere;
  private final Map<String, Class<?>> beans;
  private final Function<String, Set<String>> variablesOfProcess;
  private final Set<String> problems = new LinkedHashSet<>();
  private final Set<String> modelMessages = new TreeSet<>();
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param resources file name to content: *.bpmn, *.dmn and *.form (other names are ignored)
   * @param formDeployedElsewhere whether a form id not among the resources exists anyway (already deployed)
   * @param decisionDeployedElsewhere the same for a decision key
   * @param beans the process beans a model may name (see {@link ProcessBeans})
   * @param variablesOfProcess the variables the code knows for a process key, null for an unknown process
   */
  public ModelChecks(Map<String, byte[]> resources, Predicate<String> formDeployedElsewhere, Predicate<String> decisionDeployedElsewhere,
      Map<String, Class<?>> beans, Function<String, Set<String>> variablesOfProcess) {
    this.resources = resources;
    this.formDeployedElsewhere = formDeployedElsewhere;
    this.decisionDeployedElsewhere = decisionDeployedElsewhere;
    this.beans = beans;
    this.variablesOfProcess = variablesOfProcess;
  }

  /** The files of these folders, for the build's checks. */
  public static Map<String, byte[]> filesIn(Path... folders) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (Path folder : folders) {
      try (Stream<Path> list = Files.list(folder)) {
        for (Path file : list.sorted().toList()) {
          files.put(file.getFileName().toString(), Files.readAllBytes(file));
        }
      }
    }
    return files;
  }

  public List<String> run() {
    for (var resource : resources.entrySet()) {
      String name = resource.getKey();
      if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
        checkBpmn(name, resource.getValue());
      } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
        checkDmn(name, resource.getValue());
      }
    }
    return List.copyOf(problems);
  }

  public Set<String> messageNames() {
    return modelMessages;
  }

  private void problem(String file, String element, String message) {
    problems.add(shortName(file) + " " + element + ": " + message);
  }

  private static String shortName(String resourceName) {
    return resourceName.substring(resourceName.lastIndexOf('/') + 1);
  }

  // --- BPMN --------------------------------------------------------------------------------------------

  private void checkBpmn(String file, byte[] content) {
    checkReach(file, content);
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
    } catch (RuntimeException e) {
      problem(file, "(file)", "does not parse: " + e.getMessage());
      return;
    }
    model.getModelElementsByType(Message.class).forEach(m -> modelMessages.add(m.getName()));
    checkIds(file, model.getModelElementsByType(BaseElement.class).stream().map(BaseElement::getId).toList());
    Set<String> shapes = new TreeSet<>();
    model.getModelElementsByType(BpmnShape.class).forEach(s -> shapes.add(s.getBpmnElement().getId()));
    if (shapes.isEmpty()) {
      problem(file, "(file)", "has no diagram (BPMN DI): Camunda Modeler would show it empty");
    }
    Set<String> variables = Set.of();
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.getCamundaHistoryTimeToLiveString() == null) {
        problem(file, process.getId(), "has no camunda:historyTimeToLive");
      }
      Set<String> known = variablesOfProcess.apply(process.getId());
      if (known == null) {
        problem(file, process.getId(), "has no variables class in the code (a *Process class with PROCESS_KEY and Vars)");
      } else {
        variables = known;
      }
      // One process per file (the file is named after it): every flow node, in sub-processes too, is its.
      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        checkNode(file, node, variables, shapes);
      }
    }
  }

  private void checkNode(String file, FlowNode node, Set<String> variables, Set<String> shapes) {
    if (!shapes.isEmpty() && !shapes.contains(node.getId())) {
      problem(file, node.getId(), "has no shape in the diagram");
    }
    String formRef = node.getAttributeValueNs(CAMUNDA, "formRef");
    if (formRef != null) {
      checkForm(file, node.getId(), formRef, variables);
    }
    if (node instanceof UserTask task) {
      if (task.getCamundaCandidateGroups() == null || task.getCamundaCandidateGroups().isBlank()) {
        problem(file, task.getId(), "user task without a candidate group");
      }
      if (formRef == null) {
        problem(file, task.getId(), "user task without a Camunda Form (camunda:formRef)");
      }
    }
    if (node instanceof BusinessRuleTask rule && rule.getCamundaDecisionRef() != null) {
      String decision = rule.getCamundaDecisionRef();
      boolean inResources = resources.keySet().stream().anyMatch(name -> shortName(name).equals(decision + ".dmn"));
      if (!inResources && !decisionDeployedElsewhere.test(decision)) {
        problem(file, rule.getId(), "refers to decision '" + decision + "', which has no bpmn/" + decision + ".dmn");
      }
    }
    checkPeriods(file, node);
    if (node instanceof StartEvent && node.getParentElement() instanceof Process process && formRef == null
        && ((StartEvent) node).getEventDefinitions().isEmpty() && process.isCamundaStartableInTasklist()) {
      problem(file, node.getId(), "plain start event without a start form: Tasklist users could not start it properly (a process that is only called by another sets camunda:isStartableInTasklist=\"false\")");
    }
  }

  /**
   * An input parameter named {@code …Before} is a period before a date (the reminders of KeurmerkReminders): a typo is
   * refused when the model is deployed, not found by the next round.
   */
  private void checkPeriods(String file, FlowNode node) {
    if (node.getExtensionElements() == null) {
      return;
    }
    for (var io : node.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).list()) {
      for (CamundaInputParameter parameter : io.getCamundaInputParameters()) {
        String name = parameter.getCamundaName();
        String value = parameter.getTextContent() == null ? "" : parameter.getTextContent().strip();
        if (name != null && name.endsWith("Before") && !isPositivePeriod(value)) {
          problem(file, node.getId(), "input parameter " + name + " is '" + value
              + "', not a period: write it as ISO 8601, e.g. P90D (90 days), P6W (6 weeks) or P1M (a month)");
        }
      }
    }
  }

  private static boolean isPositivePeriod(String value) {
    try {
      Period period = Period.parse(value);
      return !period.isNegative() && !period.isZero();
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private void checkForm(String file, String elementId, String formId, Set<String> variables) {
    var form = resources.entrySet().stream().filter(r -> shortName(r.getKey()).equals(formId + ".form")).findFirst();
    if (form.isEmpty()) {
      if (!formDeployedElsewhere.test(formId)) {
        problem(file, elementId, "refers to form '" + formId + "', but forms/" + formId + ".form does not exist");
      }
      return;
    }
    JsonNode content;
    try {
      content = json.readTree(form.get().getValue());
    } catch (IOException e) {
      problem(form.get().getKey(), "(file)", "is not a Camunda Form (JSON): " + e.getMessage());
      return;
    }
    if (!formId.equals(content.path("id").asText())) {
      problem(form.get().getKey(), "(file)", "JSON id '" + content.path("id").asText() + "' differs from the file name");
    }
    for (JsonNode component : content.path("components")) {
      String key = component.path("key").asText(null);
      if (key != null && !variables.contains(key)) {
        problem(form.get().getKey(), component.path("id").asText(key), "field key '" + key + "' is a variable the process never reads or writes");
      }
    }
  }

  // --- nothing reaches outside the project's beans and variables ---------------------------------------

  /** On the XML itself, so that a model Camunda would refuse to parse is still checked for what it tries. */
  private void checkReach(String file, byte[] content) {
    Element root;
    try {
      var factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(content)).getDocumentElement();
    } catch (Exception e) {
      return; // reported as "does not parse"
    }
    var processes = root.getElementsByTagNameNS("http://www.omg.org/spec/BPMN/20100524/MODEL", "process");
    Set<String> variables = new TreeSet<>();
    for (int i = 0; i < processes.getLength(); i++) {
      Set<String> known = variablesOfProcess.apply(((Element) processes.item(i)).getAttribute("id"));
      if (known != null) {
        variables.addAll(known);
      }
    }
    walk(file, root, "(file)", variables);
  }

  private void walk(String file, Element element, String owner, Set<String> variables) {
    String id = element.getAttribute("id");
    String here = id.isEmpty() ? owner : id;
    if (FORBIDDEN_ELEMENTS.contains(element.getLocalName())) {
      problem(file, here, "<" + element.getLocalName() + ">: scripts and connectors may not run on the server; use a delegate of the project (${...Delegate})");
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
      boolean camundaOrPlain = attribute.getNamespaceURI() == null || CAMUNDA.equals(attribute.getNamespaceURI());
      if (camundaOrPlain && FORBIDDEN_ATTRIBUTES.contains(name)) {
        problem(file, here, name + "=\"" + attribute.getValue() + "\": only the project's delegates (${name}) and process variables may be used; "
            + "no Java classes, scripts or other expression languages");
      }
      checkExpressions(file, here, attribute.getValue(), variables);
    }
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      var child = children.item(i);
      if (child instanceof Element nested) {
        walk(file, nested, here, variables);
      } else if (child.getNodeType() == org.w3c.dom.Node.TEXT_NODE || child.getNodeType() == org.w3c.dom.Node.CDATA_SECTION_NODE) {
        checkExpressions(file, here, child.getNodeValue(), variables);
      }
    }
  }

  private void checkExpressions(String file, String element, String text, Set<String> variables) {
    if (text == null || !EXPRESSION.matcher(text).find()) {
      return;
    }
    try {
      var tree = new Builder(Builder.Feature.METHOD_INVOCATIONS).build(text);
      checkNode(file, element, text, (Node) tree.getRoot(), variables);
    } catch (RuntimeException unparsable) {
      problem(file, element, "expression " + text.strip() + " does not parse: " + unparsable.getMessage());
    }
  }

  private void checkNode(String file, String element, String text, Node node, Set<String> variables) {
    if (node instanceof AstIdentifier identifier) {
      String name = identifier.getName();
      if (!beans.containsKey(name) && !variables.contains(name)) {
        problem(file, element, "expression refers to '" + name + "', which is neither a bean nor a variable of the process");
      }
      return;
    }
    if (node instanceof AstMethod method) {
      checkMethod(file, element, text, (AstProperty) method.getChild(0));
      checkNode(file, element, text, method.getChild(1), variables);
      return;
    }
    if (node instanceof AstDot || node instanceof AstBracket) {
      problem(file, element, "expression " + text.strip() + " reads a property; only variables, literals and calls of a process bean's methods are allowed");
      return;
    }
    if (node instanceof AstFunction function && !FUNCTIONS.contains(function.getName())) {
      problem(file, element, "expression " + text.strip() + " calls function " + function.getName() + ", which is not allowed");
      return;
    }
    for (int i = 0; i < node.getCardinality(); i++) {
      checkNode(file, element, text, node.getChild(i), variables);
    }
  }

  private void checkMethod(String file, String element, String text, AstProperty property) {
    if (!(property instanceof AstDot dot) || !(dot.getChild(0) instanceof AstIdentifier target) || !beans.containsKey(target.getName())) {
      problem(file, element, "expression " + text.strip() + " calls a method on something else than a process bean");
      return;
    }
    String method = dot.toString().replaceFirst("^\\.\\s*", "").strip();
    Class<?> type = beans.get(target.getName());
    boolean declared = Stream.of(type.getDeclaredMethods())
        .anyMatch(m -> m.getName().equals(method) && Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()));
    if (!declared) {
      problem(file, element, "expression " + text.strip() + " calls " + target.getName() + "." + method
          + ", which is not a public method of " + type.getSimpleName());
    }
  }

  // --- DMN ---------------------------------------------------------------------------------------------

  private void checkDmn(String file, byte[] content) {
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(content));
    } catch (RuntimeException e) {
      problem(file, "(file)", "does not parse: " + e.getMessage());
      return;
    }
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      if (decision.getCamundaHistoryTimeToLiveString() == null) {
        problem(file, decision.getId(), "has no camunda:historyTimeToLive");
      }
      checkIds(file, List.of(decision.getId()));
    }
    // FEEL only: JUEL, JavaScript, Groovy or Python in a decision could call Java; FEEL's external Java functions neither.
    String xml = new String(content, StandardCharsets.UTF_8);
    var language = Pattern.compile("expressionLanguage\\s*=\\s*\"([^\"]*)\"").matcher(xml);
    while (language.find()) {
      if (!language.group(1).toLowerCase(java.util.Locale.ROOT).startsWith("feel")
          && !language.group(1).toLowerCase(java.util.Locale.ROOT).contains("feel")) {
        problem(file, "(decision)", "expressionLanguage=\"" + language.group(1) + "\": decisions use FEEL only");
      }
    }
    if (Pattern.compile("\\bexternal\\s*\\{", Pattern.CASE_INSENSITIVE).matcher(xml).find()) {
      problem(file, "(decision)", "a FEEL function with an external (Java) implementation is not allowed");
    }
  }

  private void checkIds(String file, List<String> ids) {
    ids.stream().filter(id -> id != null && GENERATED_ID.matcher(id).matches())
        .forEach(id -> problem(file, id, "keeps a generated id: give it a name that says what it is"));
  }
}
