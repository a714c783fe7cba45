package nl.werkpact.keurmerk.guard;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.werkpact.keurmerk.identity.Groups;

/**
 * The engine commands a role's work needs; for a user who is not an administrator, every other command is refused
 * before it runs ({@link CommandGuard}). Camunda 7.24 has some three hundred commands; a list of what is forbidden
 * could never be complete, so this is the list of what is allowed, by the command's class. SECURITY.md shows it as
 * a table; {@code CommandAllowlistIT} runs every command class of the engine and the webapps through the guard as
 * each role and proves that everything outside this list is refused, so an engine upgrade that adds a command
 * cannot slip through.
 *
 * <p>Allowed is not yet permitted: the engine's own authorization checks still apply, and some allowed commands
 * are narrowed by {@link CommandGuard} (claiming only for oneself, the form's inputs only, no cascading deletion).
 * The project's own operations ({@code nl.werkpact.keurmerk}) check their callers themselves.
 */
public final class CommandAllowlist {

  /** Reading and doing one's own tasks in Tasklist, starting what the role may start: every staff role. */
  static final Set<String> TASKLIST =
      Set.of(
          // queries, under the engine's authorization checks
          "TaskQueryImpl",
          "ProcessDefinitionQueryImpl",
          "FilterQueryImpl",
          "DbUserQueryImpl",
          "DbGroupQueryImpl",
          "CreateUserQueryCmd",
          "CreateGroupQueryCmd",
          "UserOperationLogQueryImpl",
          // filters (Tasklist's left column), the logged-in user
          "GetFilterCmd",
          "ExecuteFilterCountCmd",
          "ExecuteFilterListCmd",
          "ExecuteFilterListPageCmd",
          "ExecuteFilterSingleResultCmd",
          "AuthorizationCheckCmd",
          "IsIdentityServiceReadOnlyCmd",
          "GetPasswordPolicyCmd",
          "CheckPassword",
          // a task and its form, a start form, the diagram
          "GetIdentityLinksForTaskCmd",
          "GetTaskFormCmd",
          "GetTaskFormVariablesCmd",
          "GetDeployedTaskFormCmd",
          "GetFormKeyCmd",
          "GetStartFormCmd",
          "GetStartFormVariablesCmd",
          "GetDeployedStartFormCmd",
          "GetDeployedProcessDefinitionCmd",
          "GetDeploymentProcessModelCmd",
          "GetDeploymentProcessDiagramLayoutCmd",
          "GetCamundaFormDefinitionCmd",
          "GetTaskCommentsCmd",
          // the work itself: claim or give back (for oneself only; AssignTaskCmd only to nobody:
          // Tasklist's unclaim), complete with the form's inputs, start, request an audit
          "ClaimTaskCmd",
          "AssignTaskCmd",
          "CompleteTaskCmd",
          "SubmitTaskFormCmd",
          "StartProcessInstanceCmd",
          "SubmitStartFormCmd",
          "CorrelateMessageCmd");

  /** The procesbeheerder: Cockpit's views (read), Camunda Modeler's deployments, and preparing a migration. */
  static final Set<String> PROCESS_OWNER =
      Set.of(
          // deployments (ModelDeploymentCheck checks each model; DeleteDeploymentCmd without
          // cascade only)
          "DeployCmd",
          "DeleteDeploymentCmd",
          "DeploymentQueryImpl",
          "GetDeploymentResourcesCmd",
          "GetDeploymentResourceNamesCmd",
          "GetDeploymentResourceCmd",
          "GetDeploymentResourceForIdCmd",
          // definitions and their models
          "DecisionDefinitionQueryImpl",
          "DecisionRequirementsDefinitionQueryImpl",
          "CaseDefinitionQueryImpl",
          "GetDeploymentBpmnModelInstanceCmd",
          "GetStaticCalledProcessDefinitionCmd",
          "GetDeploymentDmnModelInstanceCmd",
          "GetDeploymentDecisionDefinitionCmd",
          "GetDeploymentDecisionModelCmd",
          "GetDeploymentDecisionDiagramCmd",
          "GetDeploymentDecisionRequirementsDefinitionCmd",
          "GetDeploymentDecisionRequirementsModelCmd",
          // running instances, incidents, jobs: to look at
          "ProcessDefinitionStatisticsQueryImpl",
          "ActivityStatisticsQueryImpl",
          "DeploymentStatisticsQueryImpl",
          "ProcessInstanceQueryImpl",
          "ExecutionQueryImpl",
          "IncidentQueryImpl",
          "JobQueryImpl",
          "JobDefinitionQueryImpl",
          "GetActivityInstanceCmd",
          "FindActiveActivityIdsCmd",
          "GetJobExceptionStacktraceCmd",
          "TaskCountByCandidateGroupCmd",
          // variables: without the employers' contact data (CommandGuard leaves it out of the
          // answer)
          "VariableInstanceQueryImpl",
          "GetExecutionVariablesCmd",
          // history
          "HistoricProcessInstanceQueryImpl",
          "HistoricActivityInstanceQueryImpl",
          "HistoricTaskInstanceQueryImpl",
          "HistoricVariableInstanceQueryImpl",
          "HistoricDetailQueryImpl",
          "HistoricIncidentQueryImpl",
          "HistoricJobLogQueryImpl",
          "HistoricDecisionInstanceQueryImpl",
          "GetHistoricJobLogExceptionStacktraceCmd",
          // a migration plan, checked and carried out by the project's own MigrationResource
          "CreateMigrationPlanCmd");

  /** Per group: what its members may run. A user in several groups may run what any of them may. */
  static final Map<String, Set<String>> BY_GROUP = byGroup();

  private static Map<String, Set<String>> byGroup() {
    Map<String, Set<String>> groups = new LinkedHashMap<>();
    groups.put(Groups.ACCOUNTMANAGERS, TASKLIST);
    groups.put(Groups.AUDITORS, TASKLIST);
    groups.put(Groups.KEURMERKCOMMISSIE, TASKLIST);
    Set<String> owner = new TreeSet<>(TASKLIST);
    owner.addAll(PROCESS_OWNER);
    groups.put(Groups.PROCESBEHEERDERS, Set.copyOf(owner));
    return Map.copyOf(groups);
  }

  private CommandAllowlist() {}

  /** Whether a member of these groups (not an administrator) may run this command at all. */
  static boolean allows(Collection<String> groups, Class<?> command) {
    if (isOwnCode(command)) {
      return true;
    }
    if (!command.getName().startsWith("org.camunda.bpm.")) {
      return false;
    }
    String name = command.getSimpleName();
    for (String group : groups) {
      Set<String> allowed = BY_GROUP.get(group);
      if (allowed != null && allowed.contains(name)) {
        return true;
      }
    }
    return false;
  }

  /** The project's own operations: they check who calls them (the dossier, withdrawal, e-mail, migration pages). */
  static boolean isOwnCode(Class<?> command) {
    return command.getName().startsWith("nl.werkpact.keurmerk.");
  }

  /** What members of this group may run (class names); empty for a group that is no role. */
  public static Set<String> allowed(String group) {
    return BY_GROUP.getOrDefault(group, Set.of());
  }

  /** Every name in the lists, for the test that each one still names a class of the engine. */
  public static Set<String> allNames() {
    Set<String> all = new TreeSet<>();
    BY_GROUP.values().forEach(all::addAll);
    return all;
  }
}
