package nl.werkpact.keurmerk.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import nl.werkpact.keurmerk.common.ForbiddenException;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.models.ProcessCatalog;
import nl.werkpact.keurmerk.web.RefusalLogFilter;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's own gate: every command a user sends, through REST, Tasklist, Cockpit or the Java API, ends
 * here before it runs, so the answer does not depend on the route or on how a URL is spelled.
 *
 * <ul>
 *   <li><b>Deny by default for what Camunda bundles into broad permissions.</b> Starting at an activity,
 *       moving instances, resolving or delegating tasks, job due dates and retries, signals, raw message
 *       events, variable endpoints and batches are for administrators only.</li>
 *   <li><b>What a user may submit is the input of the form at hand</b> ({@code START_INPUTS},
 *       {@code TASK_INPUTS}, {@code MESSAGE_INPUTS} in each {@code *Process} class). A shown, read-only value
 *       sent back unchanged is dropped; anything else is refused with a Dutch message and nothing is stored.</li>
 *   <li><b>No expressions in task queries or filters</b>, nested {@code orQueries} included (the engine's own
 *       switch does not look inside them).</li>
 *   <li><b>Refusals reach the user as one Dutch sentence</b>: a refusal thrown anywhere inside the command
 *       (a listener, a delegate) is unwrapped from the engine's exception; a lost race or a value the database
 *       cannot store becomes a Dutch refusal instead of an SQL error.</li>
 * </ul>
 *
 * Only the outermost command of a call is checked: what our own delegates and listeners do inside it is the
 * system acting, and calls without an authenticated user (the job executor, start-up) are the system too.
 */
final class CommandGuard extends CommandInterceptor {

  static final String ADMIN_ONLY = "Deze handeling is voorbehouden aan beheerders";

  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);
  private static final Logger LOG = LoggerFactory.getLogger(CommandGuard.class);

  /** How a refusal names the commands a user may meet in the webapps; any other is refused without a name. */
  private static final Map<String, String> DESCRIPTIONS =
      Map.ofEntries(
          Map.entry(
              "StartProcessInstanceAtActivitiesCmd", "een proces bij een bepaalde stap starten"),
          Map.entry(
              "ModifyProcessInstanceCmd", "een lopend proces naar een andere stap verplaatsen"),
          Map.entry(
              "ModifyProcessInstanceAsyncCmd",
              "een lopend proces naar een andere stap verplaatsen"),
          Map.entry(
              "ProcessInstanceModificationCmd",
              "lopende processen naar een andere stap verplaatsen"),
          Map.entry("RestartProcessInstancesCmd", "beëindigde processen herstarten"),
          Map.entry("ResolveTaskCmd", "een taak afronden namens een ander (resolve)"),
          Map.entry("DelegateTaskCmd", "een taak delegeren"),
          Map.entry("HandleTaskBpmnErrorCmd", "een taak met een foutcode afbreken"),
          Map.entry("HandleTaskEscalationCmd", "een taak escaleren"),
          Map.entry("MessageEventReceivedCmd", "een bericht aan een wachtende stap sturen"),
          Map.entry("SignalEventReceivedCmd", "signalen versturen"),
          Map.entry("SignalCmd", "een wachtende stap een signaal geven"),
          Map.entry("SetTaskVariablesCmd", "procesgegevens rechtstreeks wijzigen"),
          Map.entry("SetExecutionVariablesCmd", "procesgegevens rechtstreeks wijzigen"),
          Map.entry("PatchTaskVariablesCmd", "procesgegevens rechtstreeks wijzigen"),
          Map.entry("PatchExecutionVariablesCmd", "procesgegevens rechtstreeks wijzigen"),
          Map.entry("RemoveTaskVariablesCmd", "procesgegevens rechtstreeks verwijderen"),
          Map.entry("RemoveExecutionVariablesCmd", "procesgegevens rechtstreeks verwijderen"),
          Map.entry("ExecuteJobsCmd", "een geplande stap nu uitvoeren"),
          Map.entry("SetJobDuedateCmd", "het moment van een geplande stap wijzigen"),
          Map.entry("SetJobRetriesCmd", "herhaalpogingen van een geplande stap wijzigen"),
          Map.entry("SuspendJobDefinitionCmd", "geplande stappen opschorten"),
          Map.entry("SuspendJobCmd", "een geplande stap opschorten"),
          Map.entry("SuspendProcessDefinitionCmd", "een proces opschorten"),
          Map.entry("SuspendProcessInstanceCmd", "een lopend proces opschorten"),
          Map.entry(
              "UpdateProcessDefinitionHistoryTimeToLiveCmd",
              "de bewaartermijn van een proces wijzigen"),
          Map.entry(
              "UpdateDecisionDefinitionHistoryTimeToLiveCmd",
              "de bewaartermijn van een beslistabel wijzigen"),
          Map.entry("DeleteProcessInstanceCmd", "een lopend proces verwijderen"),
          Map.entry("DeleteProcessInstancesCmd", "lopende processen verwijderen"),
          Map.entry("CreateUserCmd", "gebruikers aanmaken"),
          Map.entry("SaveUserCmd", "gebruikers wijzigen"),
          Map.entry("SaveAuthorizationCmd", "rechten wijzigen"),
          Map.entry("CreateCaseInstanceCmd", "een case starten"),
          Map.entry("FetchExternalTasksCmd", "externe taken ophalen"));

  private final ProcessCatalog catalog;
  private final ProcessEngineConfigurationImpl engine;
  private final SubmittedInput input;

  CommandGuard(ProcessCatalog catalog, ProcessEngineConfigurationImpl engine) {
    this.catalog = catalog;
    this.engine = engine;
    this.input = new SubmittedInput(catalog, this::system);
    RefusalLogFilter.install();
  }

  @Override
  public <T> T execute(Command<T> command) {
    int[] depth = DEPTH.get();
    if (depth[0] > 0) {
      depth[0]++;
      try {
        return next.execute(command);
      } finally {
        depth[0]--;
      }
    }
    Authentication user = engine.getIdentityService().getCurrentAuthentication();
    depth[0]++;
    try {
      refuseExpressions(command, user != null && user.getUserId() != null);
      if (user != null && user.getUserId() != null) {
        check(command, user);
        @SuppressWarnings("unchecked")
        T answer = (T) withoutContactData(next.execute(command), user);
        return answer;
      }
      return next.execute(command);
    } catch (RuntimeException failure) {
      if (user == null) {
        throw failure;
      }
      RuntimeException answer = EngineErrors.translate(failure);
      if (answer instanceof InvalidRequestException refusal) {
        LOG.info(
            "Refused {} for {}: {}",
            command.getClass().getSimpleName(),
            user.getUserId(),
            refusal.getMessage());
      }
      throw answer;
    } finally {
      depth[0]--;
      if (depth[0] == 0) {
        DEPTH.remove();
      }
    }
  }

  // --- what a user may do
  // ------------------------------------------------------------------------------

  private void check(Command<?> command, Authentication user) {
    boolean admin = isAdmin(user);
    if (!admin && !CommandAllowlist.allows(groupsOf(user), command.getClass())) {
      String what = DESCRIPTIONS.get(command.getClass().getSimpleName());
      throw new ForbiddenException(
          ADMIN_ONLY
              + (what == null
                  ? "; zij hoort niet bij het werk van uw rol"
                  : ": " + what + " hoort niet bij het werk van uw rol")
              + ". Er is niets gewijzigd.");
    }
    if (!admin) {
      narrow(command, user);
    }
    if (command instanceof CompleteTaskCmd) {
      input.checkTaskInput((String) field(command, "taskId"), map(field(command, "variables")));
    } else if (command instanceof SubmitTaskFormCmd) {
      input.checkTaskInput((String) field(command, "taskId"), map(field(command, "properties")));
    } else if (command instanceof StartProcessInstanceCmd
        || command instanceof StartProcessInstanceAtActivitiesCmd) {
      var builder = (ProcessInstantiationBuilderImpl) field(command, "instantiationBuilder");
      String key =
          builder.getProcessDefinitionKey() != null
              ? builder.getProcessDefinitionKey()
              : keyOf(builder.getProcessDefinitionId());
      input.checkStartInput(
          key, builder.getVariables(), command instanceof StartProcessInstanceAtActivitiesCmd);
    } else if (command instanceof SubmitStartFormCmd) {
      input.checkStartInput(
          keyOf((String) field(command, "processDefinitionId")),
          map(field(command, "variables")),
          false);
    } else if (command instanceof AbstractCorrelateMessageCmd) {
      input.checkMessage((MessageCorrelationBuilderImpl) field(command, "builder"), admin);
    }
  }

  /** What the allowlist lets through, narrowed to what the role's work needs. */
  private void narrow(Command<?> command, Authentication user) {
    if (command instanceof ClaimTaskCmd) {
      String claimant = (String) field(command, "userId");
      String taskId = (String) field(command, "taskId");
      if (claimant != null && !claimant.equals(user.getUserId())) {
        throw new ForbiddenException(
            "U kunt een taak alleen voor uzelf claimen. Er is niets gewijzigd.");
      }
      if (claimant == null) {
        giveBackOnlyOwn(taskId, user);
      }
    } else if (command instanceof AssignTaskCmd) {
      // Tasklist's "unclaim" sets the assignee to nobody; giving a task to someone is for admins.
      if (field(command, "userId") != null) {
        throw new ForbiddenException(
            ADMIN_ONLY
                + ": een taak aan iemand anders toewijzen hoort niet bij het werk van uw rol. "
                + "Claim haar zelf, of geef haar terug. Er is niets gewijzigd.");
      }
      giveBackOnlyOwn((String) field(command, "taskId"), user);
    } else if (command instanceof DeleteDeploymentCmd
        && Boolean.TRUE.equals(field(command, "cascade"))) {
      throw new ForbiddenException(
          "Een deployment verwijderen met alle lopende en afgeronde processen erbij (cascade) is "
              + "voorbehouden aan beheerders. Verwijder het zonder cascade; dat kan alleen als er geen processen meer van lopen. "
              + "Er is niets verwijderd.");
    }
  }

  private void giveBackOnlyOwn(String taskId, Authentication user) {
    if (taskId == null) {
      return;
    }
    String assignee =
        system(
            context -> {
              TaskEntity task = context.getTaskManager().findTaskById(taskId);
              return task == null ? null : task.getAssignee();
            });
    if (assignee != null && !assignee.equals(user.getUserId())) {
      throw new ForbiddenException(
          "Deze taak is aan een collega toegewezen; alleen die kan haar teruggeven. Er is niets gewijzigd.");
    }
  }

  /** The answer without the employers' contact data, for a user whose role does not read it. */
  private Object withoutContactData(Object result, Authentication user) {
    Set<String> contact = catalog.contactData();
    if (result == null
        || contact.isEmpty()
        || isAdmin(user)
        || groupsOf(user).contains(Groups.ACCOUNTMANAGERS)) {
      return result;
    }
    if (result instanceof List<?> list) {
      List<Object> kept = new ArrayList<>(list.size());
      for (Object item : list) {
        String name = variableName(item);
        if (name == null || !contact.contains(name)) {
          kept.add(item);
        }
      }
      return kept.size() == list.size() ? result : kept;
    }
    if (result instanceof VariableMap variables) {
      contact.forEach(variables::remove);
      return variables;
    }
    String name = variableName(result);
    return name != null && contact.contains(name) ? null : result;
  }

  private static String variableName(Object item) {
    if (item instanceof VariableInstance variable) {
      return variable.getName();
    }
    if (item instanceof HistoricVariableInstance variable) {
      return variable.getName();
    }
    if (item instanceof HistoricVariableUpdate update) {
      return update.getVariableName();
    }
    if (item instanceof HistoricFormField field) {
      return field.getFieldId();
    }
    return null;
  }

  private static List<String> groupsOf(Authentication user) {
    return user.getGroupIds() == null ? List.of() : user.getGroupIds();
  }

  private static boolean isAdmin(Authentication user) {
    return Groups.isAdmin(groupsOf(user));
  }

  // --- expressions in queries
  // --------------------------------------------------------------------------

  private void refuseExpressions(Command<?> command, boolean byUser) {
    if (command instanceof TaskQueryImpl query) {
      refuseExpressions(query);
    } else if (command instanceof SaveFilterCmd && byUser) {
      var filter = (Filter) field(command, "filter");
      if (filter != null && filter.getQuery() instanceof TaskQueryImpl query) {
        refuseExpressions(query);
      }
    } else if (command instanceof AbstractExecuteFilterCmd) {
      if (field(command, "extendingQuery") instanceof TaskQueryImpl query) {
        refuseExpressions(query);
      }
    }
  }

  private static void refuseExpressions(TaskQueryImpl query) {
    List<TaskQueryImpl> all = new ArrayList<>();
    all.add(query);
    if (query.getQueries() != null) {
      all.addAll(query.getQueries());
    }
    for (TaskQueryImpl part : all) {
      if (part.getExpressions() != null && !part.getExpressions().isEmpty()) {
        throw new InvalidRequestException(QueryExpressionGuard.MESSAGE);
      }
    }
  }

  // --- helpers
  // -----------------------------------------------------------------------------------------

  /** A look-up of our own, without the caller's authorization checks (it is the guard asking, not the user). */
  <T> T system(Function<CommandContext, T> lookup) {
    return engine
        .getCommandExecutorTxRequired()
        .execute(
            context -> {
              context.disableAuthorizationCheck();
              try {
                return lookup.apply(context);
              } finally {
                context.enableAuthorizationCheck();
              }
            });
  }

  private String keyOf(String processDefinitionId) {
    return processDefinitionId == null
        ? null
        : system(context -> keyOfDefinition(context, processDefinitionId));
  }

  static String keyOfDefinition(CommandContext context, String processDefinitionId) {
    try {
      return context
          .getProcessEngineConfiguration()
          .getDeploymentCache()
          .findDeployedProcessDefinitionById(processDefinitionId)
          .getKey();
    } catch (RuntimeException unknownDefinition) {
      return null; // the engine answers the command itself with "not found"
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof VariableMap variables ? variables : (Map<String, Object>) value;
  }

  private static Object field(Object target, String name) {
    return CommandFields.get(target, name);
  }
}
