package nl.werkpact.keurmerk.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import nl.werkpact.keurmerk.identity.AsSystem;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;

/**
 * Moves running instances of older process versions to the latest one. Keurmerk instances run for two years,
 * so models change under them.
 *
 * <p>The plan maps equal activities, plus explicit mappings for renamed ids from
 * {@code bpmn/migration-mappings.properties} ({@code ProcessKey.Old_Id=New_Id}). An element mapped to nothing
 * ({@code ProcessKey.Old_Id=}) was removed on purpose: a token waiting there ends before the instance moves, provided
 * the instance still waits somewhere else (its work is done elsewhere now). Timers keep their due dates,
 * unless the new model changed a timer's definition; then the timers are recomputed. Every instance is tried on
 * its own and the report says per instance whether it can move and why not; without confirmation the attempt is
 * rolled back, with confirmation it is committed. An instance that cannot move stays as it was.
 */
public class InstanceMigration {

  static final String MAPPINGS = "bpmn/migration-mappings.properties";

  private final ProcessEngineConfigurationImpl engine;
  private final RuntimeService runtime;
  private final RepositoryService repository;

  public InstanceMigration(ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
    this.runtime = engine.getRuntimeService();
    this.repository = engine.getRepositoryService();
  }

  public record VersionCount(int version, String processDefinitionId, long instances) {}

  public record InstanceResult(
      String processInstanceId,
      String businessKey,
      boolean migratable,
      boolean migrated,
      String reason) {}

  public record SourceReport(
      int version,
      String processDefinitionId,
      List<String> planProblems,
      boolean timersRecomputed,
      List<InstanceResult> instances) {}

  public record Report(
      String processKey, int targetVersion, boolean confirmed, List<SourceReport> sources) {

    public long migrated() {
      return sources.stream()
          .flatMap(s -> s.instances().stream())
          .filter(InstanceResult::migrated)
          .count();
    }

    public long refused() {
      return sources.stream()
          .flatMap(s -> s.instances().stream())
          .filter(i -> !i.migratable())
          .count();
    }
  }

  /** How many instances run on which version. */
  public List<VersionCount> overview(String processKey) {
    return RegionTenant.inThisRegion(
            repository.createProcessDefinitionQuery().processDefinitionKey(processKey))
        .orderByProcessDefinitionVersion()
        .asc()
        .list()
        .stream()
        .map(
            d ->
                new VersionCount(
                    d.getVersion(),
                    d.getId(),
                    runtime.createProcessInstanceQuery().processDefinitionId(d.getId()).count()))
        .toList();
  }

  /** Plans and, when {@code confirm}, performs the migration of every older version's instances to the latest. */
  public Report migrateToLatest(String processKey, boolean confirm) {
    ProcessDefinition target =
        RegionTenant.inThisRegion(
                repository
                    .createProcessDefinitionQuery()
                    .processDefinitionKey(processKey)
                    .latestVersion())
            .singleResult();
    if (target == null) {
      throw new IllegalArgumentException("Onbekend proces: " + processKey);
    }
    Map<String, String> renames = renames(processKey);
    List<SourceReport> sources = new ArrayList<>();
    for (VersionCount version : overview(processKey)) {
      if (version.version() == target.getVersion() || version.instances() == 0) {
        continue;
      }
      sources.add(migrateVersion(version, target, renames, removed(renames), confirm));
    }
    return new Report(processKey, target.getVersion(), confirm, sources);
  }

  private SourceReport migrateVersion(
      VersionCount source,
      ProcessDefinition target,
      Map<String, String> renames,
      List<String> removed,
      boolean confirm) {
    BpmnModelInstance sourceModel = repository.getBpmnModelInstance(source.processDefinitionId());
    BpmnModelInstance targetModel = repository.getBpmnModelInstance(target.getId());
    boolean timersChanged = timersChanged(sourceModel, targetModel);
    var builder =
        runtime
            .createMigrationPlan(source.processDefinitionId(), target.getId())
            .mapEqualActivities();
    renames.forEach(
        (from, to) -> {
          if (sourceModel.getModelElementById(from) != null
              && targetModel.getModelElementById(to) != null) {
            builder.mapActivities(from, to);
          }
        });
    if (timersChanged) {
      builder.updateEventTriggers();
    }
    MigrationPlan plan;
    try {
      plan = builder.build();
    } catch (MigrationPlanValidationException e) {
      List<String> problems = new ArrayList<>();
      e.getValidationReport()
          .getInstructionReports()
          .forEach(r -> problems.addAll(r.getFailures()));
      List<InstanceResult> instances =
          instancesOf(source).stream()
              .map(
                  pi ->
                      new InstanceResult(
                          pi.getId(),
                          pi.getBusinessKey(),
                          false,
                          false,
                          "Geen geldig migratieplan: " + String.join("; ", problems)))
              .toList();
      return new SourceReport(
          source.version(), source.processDefinitionId(), problems, timersChanged, instances);
    }
    List<InstanceResult> results = new ArrayList<>();
    for (ProcessInstance instance : instancesOf(source)) {
      results.add(migrateOne(plan, instance, removed, confirm));
    }
    return new SourceReport(
        source.version(), source.processDefinitionId(), List.of(), timersChanged, results);
  }

  /**
   * One instance, in a transaction of its own; rolled back unless confirmed. Tokens at elements removed on purpose end
   * first, in a transaction before it (Camunda cannot migrate in the same one): should the migration then fail, the
   * instance stays on its version without them, which is what removing them on purpose allows.
   */
  private InstanceResult migrateOne(
      MigrationPlan plan, ProcessInstance instance, List<String> removed, boolean confirm) {
    List<String> waiting = runtime.getActiveActivityIds(instance.getId());
    List<String> atRemoved = waiting.stream().filter(removed::contains).distinct().toList();
    if (!atRemoved.isEmpty() && waiting.stream().allMatch(removed::contains)) {
      return new InstanceResult(
          instance.getId(),
          instance.getBusinessKey(),
          false,
          false,
          "Wacht alleen op "
              + String.join(", ", atRemoved)
              + ", dat in de nieuwe versie niet meer bestaat; de instantie zou eindigen en blijft daarom op haar versie.");
    }
    String ending =
        atRemoved.isEmpty()
            ? ""
            : "; wachtend op "
                + String.join(", ", atRemoved)
                + ": vervalt in de nieuwe versie, beëindigd";
    if (!atRemoved.isEmpty()) {
      if (!confirm) {
        return new InstanceResult(
            instance.getId(),
            instance.getBusinessKey(),
            true,
            false,
            "kan worden gemigreerd" + ending);
      }
      // As the system: moving tokens is an admin's command (engine/CommandGuard), but this only
      // ends the tokens the
      // mapping file says were removed on purpose, for a procesbeheerder the endpoint has let in.
      AsSystem.run(
          engine.getIdentityService(),
          () -> {
            var modification = runtime.createProcessInstanceModification(instance.getId());
            atRemoved.forEach(modification::cancelAllForActivity);
            modification.execute(true, true);
          });
    }
    try {
      engine
          .getCommandExecutorTxRequired()
          .execute(
              context -> {
                runtime.newMigration(plan).processInstanceIds(instance.getId()).execute();
                if (!confirm) {
                  throw new DryRun();
                }
                return null;
              });
      return new InstanceResult(
          instance.getId(), instance.getBusinessKey(), true, true, "gemigreerd" + ending);
    } catch (DryRun dryRun) {
      return new InstanceResult(
          instance.getId(), instance.getBusinessKey(), true, false, "kan worden gemigreerd");
    } catch (MigratingProcessInstanceValidationException e) {
      List<String> reasons = new ArrayList<>(e.getValidationReport().getFailures());
      e.getValidationReport()
          .getActivityInstanceReports()
          .forEach(
              r -> reasons.add(r.getSourceScopeId() + ": " + String.join("; ", r.getFailures())));
      e.getValidationReport()
          .getTransitionInstanceReports()
          .forEach(
              r -> reasons.add(r.getSourceScopeId() + ": " + String.join("; ", r.getFailures())));
      return new InstanceResult(
          instance.getId(),
          instance.getBusinessKey(),
          false,
          false,
          String.join(" | ", reasons) + ending);
    }
  }

  /** Elements mapped to nothing: removed on purpose. */
  private static List<String> removed(Map<String, String> renames) {
    return renames.entrySet().stream()
        .filter(e -> e.getValue().isEmpty())
        .map(Map.Entry::getKey)
        .toList();
  }

  private List<ProcessInstance> instancesOf(VersionCount source) {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionId(source.processDefinitionId())
        .list();
  }

  /** Whether any timer with the same id has a different date, duration or cycle in the target. */
  private static boolean timersChanged(
      BpmnModelInstance sourceModel, BpmnModelInstance targetModel) {
    Map<String, String> source = timers(sourceModel);
    Map<String, String> target = timers(targetModel);
    return source.entrySet().stream()
        .anyMatch(
            e ->
                target.containsKey(e.getKey())
                    && !Objects.equals(e.getValue(), target.get(e.getKey())));
  }

  private static Map<String, String> timers(BpmnModelInstance model) {
    Map<String, String> timers = new TreeMap<>();
    for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
      String owner = ((BaseElement) timer.getParentElement()).getId();
      String definition =
          (timer.getTimeDate() != null ? "date:" + timer.getTimeDate().getTextContent() : "")
              + (timer.getTimeDuration() != null
                  ? "duration:" + timer.getTimeDuration().getTextContent()
                  : "")
              + (timer.getTimeCycle() != null
                  ? "cycle:" + timer.getTimeCycle().getTextContent()
                  : "");
      timers.put(owner, definition.strip());
    }
    return timers;
  }

  private static Map<String, String> renames(String processKey) {
    Properties properties = new Properties();
    try (InputStream in = InstanceMigration.class.getClassLoader().getResourceAsStream(MAPPINGS)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> renames = new TreeMap<>();
    String prefix = processKey + ".";
    properties.stringPropertyNames().stream()
        .filter(k -> k.startsWith(prefix))
        .forEach(k -> renames.put(k.substring(prefix.length()), properties.getProperty(k).strip()));
    return renames;
  }

  private static final class DryRun extends RuntimeException {
    DryRun() {
      super("dry run", null, false, false);
    }
  }
}
