package nl.werkpact.keurmerk.models;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;

/**
 * What the code declares about each process, read from its {@code *Process} class (PROCESS_KEY, MESSAGE_*
 * constants, and the nested Vars class): the variables it knows and the messages that reach it. The one place
 * that reads those classes, for the REST guard and the model checks alike.
 */
public final class ProcessCatalog {

  /** Where the product's code lives: the *Process classes and the beans models may call are found under it. */
  public static final String BASE_PACKAGE = "nl.werkpact.keurmerk";

  private final Map<String, Set<String>> variablesByProcess = new HashMap<>();
  private final Map<String, String> processByMessage = new HashMap<>();
  private final Set<String> decisionKeys = new TreeSet<>();
  private final Map<String, Set<String>> startInputs = new HashMap<>();
  private final Map<String, Map<String, Set<String>>> taskInputs = new HashMap<>();
  private final Map<String, Set<String>> messageInputs = new HashMap<>();
  private final Set<String> contactData = new TreeSet<>();

  public static ProcessCatalog scan(String basePackage) {
    var catalog = new ProcessCatalog();
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*\\.[A-Za-z]+Process")));
    try {
      for (var candidate : scanner.findCandidateComponents(basePackage)) {
        Class<?> type = Class.forName(candidate.getBeanClassName());
        String key = (String) type.getField("PROCESS_KEY").get(null);
        Set<String> variables = new TreeSet<>();
        for (Class<?> nested : type.getClasses()) {
          if (nested.getSimpleName().equals("Vars")) {
            variables.addAll(constants(nested, ""));
          }
        }
        catalog.variablesByProcess.put(key, variables);
        Set<String> start = staticField(type, "START_INPUTS");
        if (start != null) {
          catalog.startInputs.put(key, start);
        }
        Map<String, Set<String>> tasks = staticField(type, "TASK_INPUTS");
        catalog.taskInputs.put(key, tasks == null ? Map.of() : tasks);
        Map<String, Set<String>> messages = staticField(type, "MESSAGE_INPUTS");
        if (messages != null) {
          catalog.messageInputs.putAll(messages);
        }
        Set<String> contact = staticField(type, "CONTACT_DATA");
        if (contact != null) {
          catalog.contactData.addAll(contact);
        }
        catalog.decisionKeys.addAll(constants(type, "DECISION_"));
        for (String message : constants(type, "MESSAGE_")) {
          String earlier = catalog.processByMessage.put(message, key);
          if (earlier != null) {
            throw new IllegalStateException(
                "Message " + message + " is declared by both " + earlier + " and " + key);
          }
        }
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("A *Process class lacks PROCESS_KEY or is not readable", e);
    }
    return catalog;
  }

  @SuppressWarnings("unchecked")
  private static <T> T staticField(Class<?> type, String name) throws IllegalAccessException {
    try {
      return (T) type.getField(name).get(null);
    } catch (NoSuchFieldException absent) {
      return null;
    }
  }

  private static Set<String> constants(Class<?> type, String prefix) throws IllegalAccessException {
    Set<String> values = new TreeSet<>();
    for (Field field : type.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers())
          && field.getType() == String.class
          && field.getName().startsWith(prefix)) {
        values.add((String) field.get(null));
      }
    }
    return values;
  }

  /** The variables of a process, or empty when the process is not one of ours. */
  public Optional<Set<String>> variables(String processKey) {
    return Optional.ofNullable(variablesByProcess.get(processKey));
  }

  /** What a user may submit when starting the process by hand; empty when it cannot be started by hand. */
  public Optional<Set<String>> startInputs(String processKey) {
    return Optional.ofNullable(startInputs.get(processKey));
  }

  /** What a user may submit when completing this user task: its form's editable fields; empty if unknown. */
  public Optional<Set<String>> taskInputs(String processKey, String taskDefinitionKey) {
    return Optional.ofNullable(
        taskInputs.getOrDefault(processKey, Map.of()).get(taskDefinitionKey));
  }

  public Map<String, Map<String, Set<String>>> taskInputs() {
    return taskInputs;
  }

  /** The variables a message that users may send can carry; empty for a message only the system sends. */
  public Optional<Set<String>> messageInputs(String messageName) {
    return Optional.ofNullable(messageInputs.get(messageName));
  }

  public Set<String> messages() {
    return new TreeSet<>(processByMessage.keySet());
  }

  public Optional<String> processReceiving(String messageName) {
    return Optional.ofNullable(processByMessage.get(messageName));
  }

  /** Every variable of every process. */
  public Set<String> allVariables() {
    Set<String> all = new TreeSet<>();
    variablesByProcess.values().forEach(all::addAll);
    return all;
  }

  /** Variables that hold an employer's contact data (the {@code CONTACT_DATA} of the *Process classes). */
  public Set<String> contactData() {
    return Collections.unmodifiableSet(contactData);
  }

  public Set<String> decisionKeys() {
    return decisionKeys;
  }
}
