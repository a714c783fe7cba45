package nl.werkpact.keurmerk.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.impl.calendar.CronTimer;
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
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
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
  private static final Set<String> FUNCTIONS =
      Set.of("currentUser", "currentUserGroups", "dateTime", "now");

  private static final String BPMN_MODEL = "http://www.omg.org/spec/BPMN/20100524/MODEL";

  /** The shortest repetition of a timer: the reminder round's quarter of an hour. */
  static final Duration MIN_TIMER_CYCLE = Duration.ofMinutes(15);

  private static final Set<String> FORBIDDEN_ATTRIBUTES =
      Set.of(
          "class",
          "scriptFormat",
          "resource",
          "language",
          "expressionLanguage",
          "variableMappingClass",
          "variableMappingDelegateExpression");

  private final Map<String, byte[]> resources;
  private final Predicate<String> formDeployedElsewhere;
  private final Predicate<String> decisionDeployedElsewhere;
  private final Map<String, Class<?>> beans;
  private final Function<String, Set<String>> variablesOfProcess;
  private final Set<String> problems = new LinkedHashSet<>();
  private final Set<String> modelMessages = new TreeSet<>();
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Set<String>> beanPlaces = new TreeMap<>();
  private final Map<String, Set<String>> startKinds = new TreeMap<>();
  private final Map<String, Set<String>> inputParameters = new TreeMap<>();
  private final Map<String, Integer> historyDays = new TreeMap<>();
  private Reference reference;
  private Set<String> allVariables = Set.of();

  /**
   * @param resources file name to content: *.bpmn, *.dmn and *.form (other names are ignored)
   * @param formDeployedElsewhere whether a form id not among the resources exists anyway (already deployed)
   * @param decisionDeployedElsewhere the same for a decision key
   * @param beans the process beans a model may name (see {@link ProcessBeans})
   * @param variablesOfProcess the variables the code knows for a process key, null for an unknown process
   */
  public ModelChecks(
      Map<String, byte[]> resources,
      Predicate<String> formDeployedElsewhere,
      Predicate<String> decisionDeployedElsewhere,
      Map<String, Class<?>> beans,
      Function<String, Set<String>> variablesOfProcess) {
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

  /** Every variable the code knows, of any process: the names a decision's entries may refer to. */
  public ModelChecks knowing(Set<String> allVariables) {
    this.allVariables = Set.copyOf(allVariables);
    return this;
  }

  public List<String> run() {
    for (var resource : resources.entrySet()) {
      String name = resource.getKey();
      if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
        checkBpmn(name, resource.getValue());
      } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
        new DmnChecks(this, allVariables).check(name, resource.getValue());
      }
    }
    return List.copyOf(problems);
  }

  public Set<String> messageNames() {
    return modelMessages;
  }

  void problem(String file, String element, String message) {
    problems.add(shortName(file) + " " + element + ": " + message);
  }

  private static String shortName(String resourceName) {
    return resourceName.substring(resourceName.lastIndexOf('/') + 1);
  }

  // --- BPMN
  // --------------------------------------------------------------------------------------------

  private void checkBpmn(String file, byte[] content) {
    if (!checkReach(file, content)) {
      return;
    }
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
    } catch (RuntimeException e) {
      problem(file, "(bestand)", "is niet te lezen: " + deepestMessage(e));
      return;
    }
    model.getModelElementsByType(Message.class).forEach(m -> modelMessages.add(m.getName()));
    checkIds(
        file,
        model.getModelElementsByType(BaseElement.class).stream().map(BaseElement::getId).toList());
    Set<String> shapes = new TreeSet<>();
    model
        .getModelElementsByType(BpmnShape.class)
        .forEach(s -> shapes.add(s.getBpmnElement().getId()));
    if (shapes.isEmpty()) {
      problem(
          file, "(bestand)", "heeft geen diagram (BPMN DI): Camunda Modeler zou het leeg tonen");
    }
    Set<String> variables = Set.of();
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.getCamundaHistoryTimeToLiveString() == null) {
        problem(file, process.getId(), "heeft geen camunda:historyTimeToLive (bewaartermijn)");
      } else {
        checkHistoryTimeToLive(file, process.getId(), process.getCamundaHistoryTimeToLiveString());
      }
      checkStartKinds(file, process);
      Set<String> known = variablesOfProcess.apply(process.getId());
      if (known == null) {
        problem(
            file,
            process.getId(),
            "is geen proces van dit product: de code kent het niet (een *Process-klasse met PROCESS_KEY en Vars)");
      } else {
        variables = known;
      }
      // One process per file (the file is named after it): every flow node, in sub-processes too,
      // is its.
      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        checkNode(file, node, variables, shapes);
        checkInputParameters(file, process.getId(), node);
      }
      for (var timer : model.getModelElementsByType(TimerEventDefinition.class)) {
        if (timer.getTimeCycle() != null) {
          String owner =
              timer.getParentElement() instanceof BaseElement parent
                  ? parent.getId()
                  : process.getId();
          checkTimerCycle(file, owner, timer.getTimeCycle().getTextContent());
        }
      }
    }
  }

  private void checkNode(String file, FlowNode node, Set<String> variables, Set<String> shapes) {
    if (!shapes.isEmpty() && !shapes.contains(node.getId())) {
      problem(file, node.getId(), "heeft geen vorm in het diagram");
    }
    String formRef = node.getAttributeValueNs(CAMUNDA, "formRef");
    if (formRef != null) {
      checkForm(file, node.getId(), formRef, variables);
    }
    if (node instanceof UserTask task) {
      if (task.getCamundaCandidateGroups() == null || task.getCamundaCandidateGroups().isBlank()) {
        problem(
            file, task.getId(), "gebruikerstaak zonder kandidaatgroep (camunda:candidateGroups)");
      }
      if (formRef == null) {
        problem(file, task.getId(), "gebruikerstaak zonder Camunda Form (camunda:formRef)");
      }
      checkDueDate(file, task);
    }
    if (node instanceof BusinessRuleTask rule && rule.getCamundaDecisionRef() != null) {
      String decision = rule.getCamundaDecisionRef();
      boolean inResources =
          resources.keySet().stream().anyMatch(name -> shortName(name).equals(decision + ".dmn"));
      if (!inResources && !decisionDeployedElsewhere.test(decision)) {
        problem(
            file,
            rule.getId(),
            "verwijst naar beslissing '"
                + decision
                + "', maar bpmn/"
                + decision
                + ".dmn bestaat niet");
      }
    }
    checkPeriods(file, node);
    if (node instanceof StartEvent
        && node.getParentElement() instanceof Process process
        && formRef == null
        && ((StartEvent) node).getEventDefinitions().isEmpty()
        && process.isCamundaStartableInTasklist()) {
      problem(
          file,
          node.getId(),
          "startgebeurtenis zonder startformulier: in de Takenlijst kan niemand het goed starten (een proces dat alleen door een ander wordt aangeroepen krijgt camunda:isStartableInTasklist=\"false\")");
    }
  }

  /**
   * A user task's due date (camunda:dueDate, "Due date" in Modeler) is a period from the moment the task is created,
   * e.g. P4W: the escalation of late tasks and Tasklist read it. A date or a typo would only fail when the task is
   * created (the previous task could not be completed), so it is refused here; an expression is checked as every
   * expression is.
   */
  private void checkDueDate(String file, UserTask task) {
    String due = task.getCamundaDueDate();
    if (due == null || due.contains("${")) {
      return;
    }
    if (!isPositivePeriod(due.strip()) && !isPositiveDuration(due.strip())) {
      problem(
          file,
          task.getId(),
          "de vervaldatum (camunda:dueDate) is '"
              + due
              + "', geen periode: schrijf hoe lang de taak mag duren als ISO 8601, bijvoorbeeld P4W (4 weken) of P10D (10 dagen)");
    }
  }

  private static boolean isPositiveDuration(String value) {
    try {
      var duration = java.time.Duration.parse(value);
      return !duration.isNegative() && !duration.isZero();
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /**
   * An input parameter named {@code …Before} (or {@code …After}) is a period before (after) a date (the reminders of KeurmerkReminders): a typo is
   * refused when the model is deployed, not found by the next round.
   */
  private void checkPeriods(String file, FlowNode node) {
    if (node.getExtensionElements() == null) {
      return;
    }
    for (var io :
        node.getExtensionElements()
            .getElementsQuery()
            .filterByType(CamundaInputOutput.class)
            .list()) {
      for (CamundaInputParameter parameter : io.getCamundaInputParameters()) {
        String name = parameter.getCamundaName();
        String value = parameter.getTextContent() == null ? "" : parameter.getTextContent().strip();
        if (name != null
            && (name.endsWith("Before") || name.endsWith("After"))
            && !isPositivePeriod(value)) {
          problem(
              file,
              node.getId(),
              "invoerparameter "
                  + name
                  + " is '"
                  + value
                  + "', geen periode: schrijf haar als ISO 8601, bijvoorbeeld P90D (90 dagen), P6W (6 weken) of P1M (een maand)");
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
    var form =
        resources.entrySet().stream()
            .filter(r -> shortName(r.getKey()).equals(formId + ".form"))
            .findFirst();
    if (form.isEmpty()) {
      if (!formDeployedElsewhere.test(formId)) {
        problem(
            file,
            elementId,
            "verwijst naar formulier '"
                + formId
                + "', maar forms/"
                + formId
                + ".form bestaat niet");
      }
      return;
    }
    JsonNode content;
    try {
      content = json.readTree(form.get().getValue());
    } catch (IOException e) {
      problem(form.get().getKey(), "(bestand)", "is geen Camunda Form (JSON): " + e.getMessage());
      return;
    }
    if (!formId.equals(content.path("id").asText())) {
      problem(
          form.get().getKey(),
          "(bestand)",
          "JSON-id '" + content.path("id").asText() + "' verschilt van de bestandsnaam");
    }
    for (JsonNode component : content.path("components")) {
      String key = component.path("key").asText(null);
      if (key != null && !variables.contains(key)) {
        problem(
            form.get().getKey(),
            component.path("id").asText(key),
            "veldsleutel '" + key + "' is geen gegeven dat het proces leest of schrijft");
      }
    }
  }

  // --- nothing reaches outside the project's beans and variables
  // ---------------------------------------

  /**
   * Reads a model as XML the safe way: namespaces on, no DOCTYPE (so no entities, internal or external), no
   * external schema or DTD. A model that does not read so is refused whole.
   */
  static Element readXml(byte[] content) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    var builder = factory.newDocumentBuilder();
    builder.setErrorHandler(null);
    return builder.parse(new ByteArrayInputStream(content)).getDocumentElement();
  }

  /** On the XML itself, so that a model Camunda would refuse to parse is still checked for what it tries. */
  private boolean checkReach(String file, byte[] content) {
    Element root;
    try {
      root = readXml(content);
    } catch (Exception e) {
      problem(
          file,
          "(bestand)",
          "is geen veilig leesbaar XML-bestand (een DOCTYPE of entiteit is niet toegestaan): "
              + e.getMessage());
      return false;
    }
    if (!BPMN_MODEL.equals(root.getNamespaceURI()) || !"definitions".equals(root.getLocalName())) {
      problem(file, "(bestand)", "is geen BPMN-model (het hoofdelement is geen bpmn:definitions)");
      return false;
    }
    var processes = root.getElementsByTagNameNS(BPMN_MODEL, "process");
    Set<String> variables = new TreeSet<>();
    for (int i = 0; i < processes.getLength(); i++) {
      Set<String> known =
          variablesOfProcess.apply(((Element) processes.item(i)).getAttribute("id"));
      if (known != null) {
        variables.addAll(known);
      }
    }
    walk(file, root, "(bestand)", "", variables);
    return true;
  }

  private void walk(
      String file, Element element, String owner, String process, Set<String> variables) {
    String id = element.getAttribute("id");
    String here = id.isEmpty() || !BPMN_MODEL.equals(element.getNamespaceURI()) ? owner : id;
    String namespace = element.getNamespaceURI() == null ? "" : element.getNamespaceURI();
    String local = element.getLocalName();
    if (BPMN_MODEL.equals(namespace) && "process".equals(local)) {
      process = id;
    }
    if (BPMN_MODEL.equals(namespace) && !ModelAllowlists.BPMN_ELEMENTS.contains(local)) {
      problem(
          file,
          here,
          "<"
              + local
              + "> is geen onderdeel dat dit product gebruikt"
              + (Set.of("scriptTask", "script").contains(local)
                  ? " (scripts draaien niet op de server; gebruik een taak van het project, ${...Delegate})"
                  : ""));
    } else if (CAMUNDA.equals(namespace) && !ModelAllowlists.CAMUNDA_ELEMENTS.contains(local)) {
      problem(
          file,
          here,
          "<camunda:"
              + local
              + "> is niet toegestaan"
              + (Set.of("connector", "connectorId", "script").contains(local)
                  ? " (scripts en connectoren draaien niet op de server)"
                  : "")
              + "; alleen invoer- en uitvoerparameters, taak- en uitvoeringslisteners met een taak van het project, en eigenschappen");
    } else if (!BPMN_MODEL.equals(namespace)
        && !CAMUNDA.equals(namespace)
        && !ModelAllowlists.DIAGRAM_NAMESPACES.contains(namespace)) {
      problem(
          file,
          here,
          "<" + element.getTagName() + "> uit namespace '" + namespace + "' is niet toegestaan");
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String name =
          attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
      String attributeNamespace = attribute.getNamespaceURI();
      if ("http://www.w3.org/2000/xmlns/".equals(attributeNamespace)) {
        continue;
      }
      boolean plainOrCamunda = attributeNamespace == null || CAMUNDA.equals(attributeNamespace);
      if (plainOrCamunda && FORBIDDEN_ATTRIBUTES.contains(name)) {
        problem(
            file,
            here,
            name
                + "=\""
                + attribute.getValue()
                + "\": alleen de taken van het project (${naam}) en procesgegevens "
                + "mogen worden gebruikt; geen Java-klassen, scripts of andere expressietalen");
      } else if (CAMUNDA.equals(attributeNamespace) && "type".equals(name)) {
        problem(
            file,
            here,
            "camunda:type=\""
                + attribute.getValue()
                + "\": externe taken gebruikt dit product niet");
      } else if (CAMUNDA.equals(attributeNamespace)
          && !ModelAllowlists.CAMUNDA_ATTRIBUTES.contains(name)) {
        problem(
            file, here, "camunda:" + name + " is niet toegestaan in de modellen van dit product");
      }
      checkExpressions(file, here, process, attribute.getValue(), variables);
    }
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      var child = children.item(i);
      if (child instanceof Element nested) {
        walk(file, nested, here, process, variables);
      } else if (child.getNodeType() == org.w3c.dom.Node.TEXT_NODE
          || child.getNodeType() == org.w3c.dom.Node.CDATA_SECTION_NODE) {
        checkExpressions(file, here, process, child.getNodeValue(), variables);
      }
    }
  }

  private void checkExpressions(
      String file, String element, String process, String text, Set<String> variables) {
    if (text == null || !EXPRESSION.matcher(text).find()) {
      return;
    }
    try {
      var tree = new Builder(Builder.Feature.METHOD_INVOCATIONS).build(text);
      checkNode(file, element, process, text, (Node) tree.getRoot(), variables);
    } catch (RuntimeException unparsable) {
      problem(
          file,
          element,
          "expressie " + text.strip() + " is niet te lezen: " + unparsable.getMessage());
    }
  }

  private void checkNode(
      String file, String element, String process, String text, Node node, Set<String> variables) {
    if (node instanceof AstIdentifier identifier) {
      String name = identifier.getName();
      if (beans.containsKey(name)) {
        usedBean(file, element, process, name);
      } else if (!variables.contains(name)) {
        problem(
            file,
            element,
            "expressie verwijst naar '"
                + name
                + "', dat geen taak van het project en geen gegeven van het proces is");
      }
      return;
    }
    if (node instanceof AstMethod method) {
      checkMethod(file, element, process, text, (AstProperty) method.getChild(0));
      checkNode(file, element, process, text, method.getChild(1), variables);
      return;
    }
    if (node instanceof AstDot || node instanceof AstBracket) {
      problem(
          file,
          element,
          "expressie "
              + text.strip()
              + " leest een eigenschap; alleen gegevens, vaste waarden en methoden van een "
              + "taak van het project zijn toegestaan");
      return;
    }
    if (node instanceof AstFunction function && !FUNCTIONS.contains(function.getName())) {
      problem(
          file,
          element,
          "expressie "
              + text.strip()
              + " roept functie "
              + function.getName()
              + " aan; dat is niet toegestaan");
      return;
    }
    for (int i = 0; i < node.getCardinality(); i++) {
      checkNode(file, element, process, text, node.getChild(i), variables);
    }
  }

  private void checkMethod(
      String file, String element, String process, String text, AstProperty property) {
    if (!(property instanceof AstDot dot)
        || !(dot.getChild(0) instanceof AstIdentifier target)
        || !beans.containsKey(target.getName())) {
      problem(
          file,
          element,
          "expressie "
              + text.strip()
              + " roept een methode aan van iets anders dan een taak van het project");
      return;
    }
    usedBean(file, element, process, target.getName());
    String method = dot.toString().replaceFirst("^\\.\\s*", "").strip();
    Class<?> type = beans.get(target.getName());
    boolean declared =
        Stream.of(type.getDeclaredMethods())
            .anyMatch(
                m ->
                    m.getName().equals(method)
                        && Modifier.isPublic(m.getModifiers())
                        && !Modifier.isStatic(m.getModifiers()));
    if (!declared) {
      problem(
          file,
          element,
          "expressie "
              + text.strip()
              + " roept "
              + target.getName()
              + "."
              + method
              + " aan; dat is geen openbare methode van "
              + type.getSimpleName());
    }
  }

  /** A delegate or listener belongs to its process and element: where the product's own models put it. */
  private void usedBean(String file, String element, String process, String bean) {
    beanPlaces.computeIfAbsent(bean, b -> new TreeSet<>()).add(process + "/" + element);
    if (reference == null) {
      return;
    }
    Set<String> places = reference.beanPlaces().getOrDefault(bean, Set.of());
    if (!places.contains(process + "/" + element)) {
      problem(
          file,
          element,
          "${"
              + bean
              + "} hoort bij "
              + (places.isEmpty() ? "geen enkele stap" : String.join(", ", places))
              + " en mag nergens anders staan (een taak van het project doet alleen het werk van haar eigen stap)");
    }
  }

  // --- what the product's own models allow a deployment to change
  // ---------------------------------------

  /**
   * The shape of the product's own models (bpmn/ as built): where each delegate and listener stands, how each
   * process may start, which input parameters each step has, and each model's history time to live. A deployment
   * may change texts, forms, periods, criteria and the like, not move code to another step or process.
   */
  public record Reference(
      Map<String, Set<String>> beanPlaces,
      Map<String, Set<String>> startKinds,
      Map<String, Set<String>> inputParameters,
      Map<String, Integer> historyDays) {}

  /** The reference of these models (the product's own bpmn/). */
  public static Reference referenceOf(
      Map<String, byte[]> models,
      Map<String, Class<?>> beans,
      Function<String, Set<String>> variables) {
    var checks = new ModelChecks(models, form -> true, decision -> true, beans, variables);
    checks.run();
    return new Reference(
        Map.copyOf(checks.beanPlaces),
        Map.copyOf(checks.startKinds),
        Map.copyOf(checks.inputParameters),
        Map.copyOf(checks.historyDays));
  }

  /** Checks against the product's own models as well: see {@link Reference}. */
  public ModelChecks against(Reference reference) {
    this.reference = reference;
    return this;
  }

  private void checkStartKinds(String file, Process process) {
    Set<String> kinds = new TreeSet<>();
    for (StartEvent start : process.getChildElementsByType(StartEvent.class)) {
      kinds.add(startKind(start));
    }
    startKinds.put(process.getId(), kinds);
    if (reference == null || !reference.startKinds().containsKey(process.getId())) {
      return;
    }
    Set<String> allowed = reference.startKinds().get(process.getId());
    for (StartEvent start : process.getChildElementsByType(StartEvent.class)) {
      String kind = startKind(start);
      if (!allowed.contains(kind)) {
        problem(
            file,
            start.getId(),
            "start "
                + describe(kind)
                + "; "
                + process.getId()
                + " start alleen "
                + allowed.stream().map(ModelChecks::describe).collect(Collectors.joining(" of ")));
      }
    }
  }

  private static String startKind(StartEvent start) {
    if (start.getEventDefinitions().isEmpty()) {
      return "hand";
    }
    var definition = start.getEventDefinitions().iterator().next();
    if (definition instanceof MessageEventDefinition message) {
      return "bericht " + (message.getMessage() == null ? "?" : message.getMessage().getName());
    }
    if (definition instanceof TimerEventDefinition) {
      return "timer";
    }
    return definition.getElementType().getTypeName();
  }

  private static String describe(String kind) {
    return switch (kind) {
      case "hand" -> "met de hand (of aangeroepen)";
      case "timer" -> "op een timer";
      default -> "op " + kind;
    };
  }

  private void checkInputParameters(String file, String process, FlowNode node) {
    if (node.getExtensionElements() == null) {
      return;
    }
    Set<String> names = new TreeSet<>();
    for (var io :
        node.getExtensionElements()
            .getElementsQuery()
            .filterByType(CamundaInputOutput.class)
            .list()) {
      io.getCamundaInputParameters().forEach(parameter -> names.add(parameter.getCamundaName()));
    }
    if (names.isEmpty()) {
      return;
    }
    inputParameters.put(process + "/" + node.getId(), names);
    if (reference == null) {
      return;
    }
    Set<String> allowed =
        reference.inputParameters().getOrDefault(process + "/" + node.getId(), Set.of());
    Set<String> extra = new TreeSet<>(names);
    extra.removeAll(allowed);
    if (!extra.isEmpty()) {
      problem(
          file,
          node.getId(),
          "invoerparameter(s) "
              + String.join(", ", extra)
              + " horen niet bij deze stap"
              + (allowed.isEmpty() ? "" : " (wel: " + String.join(", ", allowed) + ")"));
    }
  }

  void checkHistoryTimeToLive(String file, String key, String value) {
    Integer days = days(value);
    if (value != null && days == null) {
      problem(
          file,
          key,
          "camunda:historyTimeToLive '"
              + value
              + "' is geen aantal dagen; schrijf bijvoorbeeld 3650");
      return;
    }
    if (days == null) {
      return;
    }
    historyDays.put(key, days);
    Integer floor = reference == null ? null : reference.historyDays().get(key);
    if (floor != null && days < floor) {
      problem(
          file,
          key,
          "de bewaartermijn (camunda:historyTimeToLive) is "
              + days
              + " dagen; voor "
              + key
              + " is dat ten minste "
              + floor
              + " dagen");
    }
  }

  private static Integer days(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String plain = value.strip();
    try {
      if (plain.matches("\\d{1,6}")) {
        return Integer.valueOf(plain);
      }
      if (plain.matches("P\\d{1,6}D")) {
        return Integer.valueOf(plain.substring(1, plain.length() - 1));
      }
    } catch (NumberFormatException tooLarge) {
      return null;
    }
    return null;
  }

  /** A timer that repeats fires at most every quarter of an hour: the reminder round's own rhythm. */
  private void checkTimerCycle(String file, String element, String cycle) {
    if (cycle == null || cycle.isBlank() || EXPRESSION.matcher(cycle).find()) {
      return;
    }
    String text = cycle.strip();
    Duration shortest;
    try {
      shortest = text.startsWith("R") ? repeatingInterval(text) : cronInterval(text);
    } catch (Exception unreadable) {
      problem(
          file,
          element,
          "timercyclus '"
              + text
              + "' is niet te lezen: schrijf een cron-uitdrukking (0 0/15 * * * ?) of "
              + "een herhaling in ISO 8601 (R/PT15M)");
      return;
    }
    if (shortest.compareTo(MIN_TIMER_CYCLE) < 0) {
      problem(
          file,
          element,
          "timercyclus '"
              + text
              + "' loopt vaker dan eens per "
              + MIN_TIMER_CYCLE.toMinutes()
              + " minuten; dat is het kortste dat dit product toestaat");
    }
  }

  private static Duration repeatingInterval(String text) {
    String[] parts = text.split("/");
    String period = parts[parts.length - 1].startsWith("P") ? parts[parts.length - 1] : parts[1];
    if (period.contains("T") || !period.matches("P\\d+[YMWD].*")) {
      return Duration.parse(period);
    }
    Period calendar = Period.parse(period);
    return Duration.ofDays(calendar.toTotalMonths() * 28 + calendar.getDays());
  }

  private static Duration cronInterval(String text) throws ParseException {
    var timer = CronTimer.parse(text);
    Date moment = new Date(1_767_225_600_000L); // 1 January 2026
    Duration shortest = Duration.ofDays(3650);
    for (int i = 0; i < 200; i++) {
      Date next = timer.getDueDate(moment);
      if (next == null) {
        break;
      }
      Duration gap = Duration.between(moment.toInstant(), next.toInstant());
      if (i > 0 && gap.compareTo(shortest) < 0) {
        shortest = gap;
      }
      moment = next;
    }
    return shortest;
  }

  /** What the XML parser found, not the wrapper's "SAXException while parsing input stream". */
  static String deepestMessage(Throwable failure) {
    String message = failure.getMessage();
    for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null) {
        message = cause.getMessage();
      }
    }
    return message;
  }

  void checkIds(String file, List<String> ids) {
    ids.stream()
        .filter(id -> id != null && GENERATED_ID.matcher(id).matches())
        .forEach(
            id ->
                problem(
                    file,
                    id,
                    "heeft nog een gegenereerde id: geef het een naam die zegt wat het is"));
  }
}
