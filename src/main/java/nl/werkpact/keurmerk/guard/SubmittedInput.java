package nl.werkpact.keurmerk.guard;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import nl.werkpact.keurmerk.common.ForbiddenException;
import nl.werkpact.keurmerk.common.FormValues;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import nl.werkpact.keurmerk.common.Texts;
import nl.werkpact.keurmerk.models.ProcessCatalog;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * What a user may submit: at a task, its form's fields; at a start, the process's start inputs; with a message, its
 * declared inputs; never a variable the process does not know, and a value the form shows but may not change only
 * unchanged. Refused in Dutch, naming the fields.
 */
final class SubmittedInput {

  /** The guard's own look-ups, without the caller's authorization checks. */
  interface SystemLookup {
    <T> T run(Function<CommandContext, T> lookup);
  }

  private final ProcessCatalog catalog;
  private final SystemLookup lookups;

  SubmittedInput(ProcessCatalog catalog, SystemLookup lookups) {
    this.catalog = catalog;
    this.lookups = lookups;
  }

  private record TaskInfo(String processKey, String taskKey, Map<String, Object> current) {}

  private <T> T system(Function<CommandContext, T> lookup) {
    return lookups.run(lookup);
  }

  void checkTaskInput(String taskId, Map<String, Object> submitted) {
    if (taskId == null || submitted == null || submitted.isEmpty()) {
      return;
    }
    TaskInfo task =
        system(
            context -> {
              TaskEntity entity = context.getTaskManager().findTaskById(taskId);
              if (entity == null || entity.getProcessDefinitionId() == null) {
                return null;
              }
              Map<String, Object> current = new HashMap<>();
              for (String name : submitted.keySet()) {
                current.put(name, entity.getVariable(name));
              }
              return new TaskInfo(
                  CommandGuard.keyOfDefinition(context, entity.getProcessDefinitionId()),
                  entity.getTaskDefinitionKey(),
                  current);
            });
    if (task == null) {
      return; // no such task, or not a process task: the engine gives its own answer
    }
    Optional<Set<String>> known = catalog.variables(task.processKey());
    if (known.isEmpty()) {
      return;
    }
    Set<String> inputs = catalog.taskInputs(task.processKey(), task.taskKey()).orElse(Set.of());
    checkInput(task.processKey(), submitted, known.get(), inputs, task.current(), "Bij deze taak");
  }

  void checkStartInput(String processKey, Map<String, Object> submitted, boolean atActivity) {
    Optional<Set<String>> known =
        processKey == null ? Optional.empty() : catalog.variables(processKey);
    if (known.isEmpty()) {
      return;
    }
    if (atActivity) {
      // Only administrators get here (repair): any variable of the process, nothing unknown.
      refuseUnknown(processKey, submitted == null ? Set.of() : submitted.keySet(), known.get());
      return;
    }
    Optional<Set<String>> inputs = catalog.startInputs(processKey);
    if (inputs.isEmpty()) {
      throw new ForbiddenException(
          "Het proces "
              + processKey
              + " start vanzelf (bijvoorbeeld bij de toekenning van een keurmerk) "
              + "en kan niet met de hand worden gestart.");
    }
    checkInput(
        processKey,
        submitted == null ? Map.of() : submitted,
        known.get(),
        inputs.get(),
        Map.of(),
        "Bij het starten van " + processKey);
  }

  void checkMessage(MessageCorrelationBuilderImpl message, boolean admin) {
    String name = message.getMessageName();
    Optional<String> processKey = name == null ? Optional.empty() : catalog.processReceiving(name);
    Optional<Set<String>> inputs = name == null ? Optional.empty() : catalog.messageInputs(name);
    if (!admin && inputs.isEmpty()) {
      throw new ForbiddenException(
          CommandGuard.ADMIN_ONLY
              + ": het bericht "
              + (name == null ? "zonder naam" : name)
              + " wordt alleen door het systeem zelf verstuurd.");
    }
    Map<String, Object> payload = new HashMap<>();
    if (message.getPayloadProcessInstanceVariables() != null) {
      payload.putAll(message.getPayloadProcessInstanceVariables());
    }
    Map<String, Object> scoped = new HashMap<>();
    if (message.getPayloadProcessInstanceVariablesLocal() != null) {
      scoped.putAll(message.getPayloadProcessInstanceVariablesLocal());
    }
    if (message.getPayloadProcessInstanceVariablesToTriggeredScope() != null) {
      scoped.putAll(message.getPayloadProcessInstanceVariablesToTriggeredScope());
    }
    if (processKey.isEmpty()) {
      return; // not one of our messages: the engine finds nothing to correlate
    }
    Set<String> known = catalog.variables(processKey.get()).orElse(Set.of());
    if (admin) {
      payload.putAll(scoped);
      refuseUnknown(processKey.get(), payload.keySet(), known);
      return;
    }
    if (!scoped.isEmpty()) {
      throw new InvalidRequestException(
          "Het bericht "
              + name
              + " kan alleen gegevens voor het hele proces meegeven ("
              + String.join(", ", inputs.get())
              + "). Er is niets opgeslagen.");
    }
    checkInput(processKey.get(), payload, known, inputs.get(), Map.of(), "Bij het bericht " + name);
  }

  private void checkInput(
      String processKey,
      Map<String, Object> submitted,
      Set<String> known,
      Set<String> inputs,
      Map<String, Object> current,
      String where) {
    refuseUnknown(processKey, submitted.keySet(), known);
    List<String> notInputs = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    for (String name : submitted.keySet()) {
      Object value = valueOf(submitted, name);
      if (value instanceof ObjectValue) {
        throw new InvalidRequestException(
            "Veld '" + name + "' moet tekst, een getal of een datum zijn. Er is niets opgeslagen.");
      }
      if (inputs.contains(name)) {
        if (value instanceof String text && Texts.hasForbiddenCharacters(text, true)) {
          throw new InvalidRequestException(
              Texts.refusal("Veld '" + name + "'") + " Er is niets opgeslagen.");
        }
      } else if (current.containsKey(name) && sameValue(current.get(name), value)) {
        unchanged.add(name);
      } else {
        notInputs.add(name);
      }
    }
    if (!notInputs.isEmpty()) {
      throw new InvalidRequestException(
          where
              + " kunt u alleen de velden van het formulier invullen ("
              + String.join(", ", new TreeSet<>(inputs))
              + "); niet: "
              + String.join(", ", new TreeSet<>(notInputs))
              + ". Er is niets opgeslagen.");
    }
    // A read-only field that the form sends back as it was shown: nothing to store.
    for (String name : unchanged) {
      try {
        submitted.remove(name);
      } catch (UnsupportedOperationException immutable) {
        // an immutable map from a Java caller; the value is the current one, so storing it changes
        // nothing
      }
    }
  }

  private static void refuseUnknown(
      String processKey, Collection<String> names, Set<String> known) {
    Set<String> unknown = new TreeSet<>();
    for (String name : names) {
      if (!known.contains(name)) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      throw new InvalidRequestException(
          "Onbekende gegevens voor proces "
              + processKey
              + ": "
              + String.join(", ", unknown)
              + ". Er is niets opgeslagen.");
    }
  }

  /** The submitted value; an object (JSON, XML, Java) stays an {@link ObjectValue}: no input field takes one. */
  private static Object valueOf(Map<String, Object> submitted, String name) {
    Object value =
        submitted instanceof VariableMap variables
            ? variables.getValueTyped(name)
            : submitted.get(name);
    if (value instanceof ObjectValue object) {
      return object;
    }
    return value instanceof TypedValue typed ? typed.getValue() : value;
  }

  /**
   * Whether a submitted value is the stored one as the form shows it: a form sends every field back as text, so a
   * figure stored as a number comes back as "12", "12.5" or "2.000", and a date as its ISO text.
   */
  static boolean sameValue(Object current, Object submitted) {
    if (Objects.equals(current, submitted)) {
      return true;
    }
    List<BigDecimal> a = numbers(current);
    List<BigDecimal> b = numbers(submitted);
    for (BigDecimal x : a) {
      for (BigDecimal y : b) {
        if (x.compareTo(y) == 0) {
          return true;
        }
      }
    }
    if (current instanceof Date date
        && submitted instanceof String text
        && text.strip().length() >= 10) {
      String iso = date.toInstant().atZone(ZoneId.systemDefault()).toLocalDateTime().toString();
      return iso.startsWith(text.strip()) || date.toInstant().toString().equals(text.strip());
    }
    return false;
  }

  /** The ways a value can be read as a number: as a Java number, as Dutch text (2.000), as plain text (12.5). */
  private static List<BigDecimal> numbers(Object value) {
    List<BigDecimal> readings = new ArrayList<>();
    if (value instanceof Number number) {
      try {
        readings.add(new BigDecimal(number.toString()));
      } catch (NumberFormatException notFinite) {
        // NaN or infinite: equal to nothing
      }
    } else if (value instanceof String text && !text.isBlank() && text.strip().length() <= 40) {
      try {
        readings.add(FormValues.amount("waarde", text));
      } catch (RuntimeException notDutch) {
        // not a Dutch figure
      }
      try {
        readings.add(new BigDecimal(text.strip()));
      } catch (NumberFormatException notPlain) {
        // not a plain figure
      }
    }
    return readings;
  }
}
