package nl.werkpact.keurmerk.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.beans.Introspector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * The checks that {@code mvn verify} runs on bpmn/ and forms/, each problem naming the file and the element:
 * models parse, have a history time to live and a diagram, no generated ids, every delegate, bean, variable,
 * form and decision they refer to exists, every form field is a variable of its process, every user task has a
 * candidate group, and message names agree between models and code.
 */
final class ModelChecks {

  private static final Pattern GENERATED_ID = Pattern.compile("^[A-Za-z]+_[0-9][0-9a-z]{5,}$");
  private static final Pattern EXPRESSION_ROOT = Pattern.compile("[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");
  private static final Set<String> EXPRESSION_BUILTINS = Set.of("execution", "task", "true", "false", "null", "empty", "not",
      "and", "or", "authenticatedUserId", "currentUser", "currentUserGroups", "dateTime");

  private final Path bpmnDir;
  private final Path formsDir;
  private final Set<String> beanNames;
  private final Function<String, Set<String>> variablesOfProcess;
  private final Set<String> problems = new java.util.LinkedHashSet<>();
  private final Set<String> modelMessages = new TreeSet<>();

  ModelChecks(Path bpmnDir, Path formsDir, Set<String> beanNames, Function<String, Set<String>> variablesOfProcess) {
    this.bpmnDir = bpmnDir;
    this.formsDir = formsDir;
    this.beanNames = beanNames;
    this.variablesOfProcess = variablesOfProcess;
  }

  /** Names of the Spring beans in the application: what {@code ${name}} in a model may refer to. */
  static Set<String> applicationBeanNames(String basePackage) {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    Set<String> names = new TreeSet<>();
    for (var candidate : scanner.findCandidateComponents(basePackage)) {
      try {
        Class<?> type = Class.forName(candidate.getBeanClassName());
        Component component = type.getAnnotation(Component.class);
        names.add(component != null && !component.value().isEmpty() ? component.value() : Introspector.decapitalize(type.getSimpleName()));
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    return names;
  }

  List<String> run() throws IOException {
    try (Stream<Path> files = Files.list(bpmnDir)) {
      for (Path file : files.sorted().toList()) {
        if (file.toString().endsWith(".bpmn")) {
          checkBpmn(file);
        } else if (file.toString().endsWith(".dmn")) {
          checkDmn(file);
        }
      }
    }
    return List.copyOf(problems);
  }

  Set<String> messageNames() {
    return modelMessages;
  }

  private void problem(Path file, String element, String message) {
    problems.add(file.getFileName() + " " + element + ": " + message);
  }

  private void checkBpmn(Path file) throws IOException {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromFile(file.toFile());
    } catch (RuntimeException e) {
      problem(file, "(file)", "does not parse: " + e.getMessage());
      return;
    }
    String xml = Files.readString(file);
    model.getModelElementsByType(Message.class).forEach(m -> modelMessages.add(m.getName()));
    checkIds(file, model.getModelElementsByType(BaseElement.class).stream().map(BaseElement::getId).toList());
    Set<String> shapes = new TreeSet<>();
    model.getModelElementsByType(BpmnShape.class).forEach(s -> shapes.add(s.getBpmnElement().getId()));
    if (shapes.isEmpty()) {
      problem(file, "(file)", "has no diagram (BPMN DI): Camunda Modeler would show it empty");
    }
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.getCamundaHistoryTimeToLiveString() == null) {
        problem(file, process.getId(), "has no camunda:historyTimeToLive");
      }
      Set<String> variables = variablesOfProcess.apply(process.getId());
      if (variables == null) {
        problem(file, process.getId(), "has no variables class in the code (a *Process class with PROCESS_KEY and Vars)");
        variables = Set.of();
      }
      // One process per file (the file is named after it): every flow node, in sub-processes too, is its.
      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        checkNode(file, node, variables, shapes);
      }
      checkExpressions(file, process.getId(), xml, variables);
    }
  }

  private void checkNode(Path file, FlowNode node, Set<String> variables, Set<String> shapes) throws IOException {
    if (!shapes.isEmpty() && !shapes.contains(node.getId())) {
      problem(file, node.getId(), "has no shape in the diagram");
    }
    String formRef = node.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
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
    if (node instanceof BusinessRuleTask rule && rule.getCamundaDecisionRef() != null
        && !Files.exists(bpmnDir.resolve(rule.getCamundaDecisionRef() + ".dmn"))) {
      problem(file, rule.getId(), "refers to decision '" + rule.getCamundaDecisionRef() + "', which has no bpmn/" + rule.getCamundaDecisionRef() + ".dmn");
    }
    String type = node.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "class");
    if (type != null) {
      try {
        Class.forName(type);
      } catch (ClassNotFoundException e) {
        problem(file, node.getId(), "refers to class " + type + ", which does not exist");
      }
    }
    if (node instanceof StartEvent && node.getParentElement() instanceof Process && formRef == null
        && ((StartEvent) node).getEventDefinitions().isEmpty()) {
      problem(file, node.getId(), "plain start event without a start form: Tasklist users could not start it properly");
    }
  }

  /** Every ${name...} names a Spring bean or a variable of the process. */
  private void checkExpressions(Path file, String processId, String xml, Set<String> variables) {
    Matcher matcher = EXPRESSION_ROOT.matcher(xml);
    while (matcher.find()) {
      String root = matcher.group(1);
      if (!beanNames.contains(root) && !variables.contains(root) && !EXPRESSION_BUILTINS.contains(root)) {
        problem(file, processId, "expression refers to '" + root + "', which is neither a bean nor a variable of the process");
      }
    }
  }

  private void checkForm(Path file, String elementId, String formId, Set<String> variables) throws IOException {
    Path form = formsDir.resolve(formId + ".form");
    if (!Files.exists(form)) {
      problem(file, elementId, "refers to form '" + formId + "', but forms/" + formId + ".form does not exist");
      return;
    }
    JsonNode json = new ObjectMapper().readTree(form.toFile());
    if (!formId.equals(json.path("id").asText())) {
      problem(form, "(file)", "JSON id '" + json.path("id").asText() + "' differs from the file name");
    }
    for (JsonNode component : json.path("components")) {
      String key = component.path("key").asText(null);
      if (key != null && !variables.contains(key)) {
        problem(form, component.path("id").asText(key), "field key '" + key + "' is a variable the process never reads or writes");
      }
    }
  }

  private void checkDmn(Path file) {
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromFile(file.toFile());
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
  }

  private void checkIds(Path file, List<String> ids) {
    ids.stream().filter(id -> id != null && GENERATED_ID.matcher(id).matches())
        .forEach(id -> problem(file, id, "keeps a generated id: give it a name that says what it is"));
  }
}
