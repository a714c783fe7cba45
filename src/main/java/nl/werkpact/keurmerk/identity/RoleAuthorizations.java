package nl.werkpact.keurmerk.identity;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.TASK_ASSIGN;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.TASK_WORK;
// TASK_ASSIGN lets Tasklist's "unclaim" give a task back; engine/CommandGuard allows assigning to
// nobody only, and only
// for the task's own assignee, so nobody parks a task on someone else.
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_TASK;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * What each role may do, as Camunda authorizations (group grants). The role matrix in SECURITY.md is this
 * table in words; {@code RoleMatrixIT} walks it through the REST API.
 *
 * <p>Task rights are granted per process definition (READ_TASK and TASK_WORK), never per task: each model holds the
 * work of one group (Convenant and KeurmerkCeremony: accountmanagers; KeurmerkAudit: auditors; KeurmerkDecision: the
 * committee), so a group sees and does its own tasks and no other group's, and the engine checks a task list against
 * a handful of grants instead of one row per open task ({@link TaskAuthorizations}).
 */
public final class RoleAuthorizations {

  public static final String TASKLIST = "tasklist";
  public static final String COCKPIT = "cockpit";
  public static final String ADMIN = "admin";
  static final String ANY = "*";

  /** Process keys; kept as strings so this table can be read without the process packages. */
  static final String CONVENANT = "Convenant";

  static final String KEURMERK_AUDIT = "KeurmerkAudit";
  static final String KEURMERK_VALIDITY = "KeurmerkValidity";
  static final String KEURMERK_WITHDRAWAL = "KeurmerkWithdrawal";
  static final String KEURMERK_DECISION = "KeurmerkDecision";
  static final String KEURMERK_CEREMONY = "KeurmerkCeremony";

  public record Grant(
      String groupId, Resource resource, String resourceId, Permission... permissions) {}

  public static List<Grant> grants() {
    var grants = new ArrayList<>(roleGrants());
    // Admins: engine administrators (engine/EngineSecurityPlugin) and, for the webapps' access
    // checks, every
    // permission on every resource, as Camunda grants its own camunda-admin group.
    for (Resource resource : Resources.values()) {
      grants.add(new Grant(Groups.ADMINS, resource, ANY, ALL));
    }
    return grants;
  }

  private static List<Grant> roleGrants() {
    return List.of(
        // Accountmanagers: Tasklist; start a convenant and work on its tasks; request an audit (not
        // work on it);
        // plan the ceremony.
        new Grant(Groups.ACCOUNTMANAGERS, APPLICATION, TASKLIST, ACCESS),
        new Grant(
            Groups.ACCOUNTMANAGERS,
            PROCESS_DEFINITION,
            CONVENANT,
            READ,
            ProcessDefinitionPermissions.CREATE_INSTANCE,
            READ_TASK,
            TASK_WORK,
            TASK_ASSIGN),
        new Grant(
            Groups.ACCOUNTMANAGERS,
            PROCESS_DEFINITION,
            KEURMERK_AUDIT,
            READ,
            ProcessDefinitionPermissions.CREATE_INSTANCE),
        new Grant(
            Groups.ACCOUNTMANAGERS,
            PROCESS_DEFINITION,
            KEURMERK_CEREMONY,
            READ,
            READ_TASK,
            TASK_WORK,
            TASK_ASSIGN),
        new Grant(Groups.ACCOUNTMANAGERS, PROCESS_DEFINITION, KEURMERK_VALIDITY, READ),
        new Grant(Groups.ACCOUNTMANAGERS, PROCESS_INSTANCE, ANY, CREATE),
        // Auditors: Tasklist and the audit process's tasks (planning and the audit itself).
        new Grant(Groups.AUDITORS, APPLICATION, TASKLIST, ACCESS),
        new Grant(
            Groups.AUDITORS,
            PROCESS_DEFINITION,
            KEURMERK_AUDIT,
            READ,
            READ_TASK,
            TASK_WORK,
            TASK_ASSIGN),
        // Keurmerkcommissie: Tasklist, the decision's tasks; the audit and validity processes to
        // read.
        new Grant(Groups.KEURMERKCOMMISSIE, APPLICATION, TASKLIST, ACCESS),
        new Grant(Groups.KEURMERKCOMMISSIE, PROCESS_DEFINITION, KEURMERK_AUDIT, READ),
        new Grant(
            Groups.KEURMERKCOMMISSIE,
            PROCESS_DEFINITION,
            KEURMERK_DECISION,
            READ,
            READ_TASK,
            TASK_WORK,
            TASK_ASSIGN),
        // Withdrawing a keurmerk is a dedicated operation (KeurmerkWithdrawalResource), not a
        // permission on the
        // validity instances: with UPDATE_INSTANCE the committee could move timers and send any
        // message.
        new Grant(Groups.KEURMERKCOMMISSIE, PROCESS_DEFINITION, KEURMERK_VALIDITY, READ),
        // ... in Tasklist: Proces starten > Keurmerk intrekken (by number, with the reason), then
        // its confirmation task, which shows whose keurmerk it is.
        new Grant(
            Groups.KEURMERKCOMMISSIE,
            PROCESS_DEFINITION,
            KEURMERK_WITHDRAWAL,
            READ,
            ProcessDefinitionPermissions.CREATE_INSTANCE,
            READ_TASK,
            TASK_WORK,
            TASK_ASSIGN),
        new Grant(Groups.KEURMERKCOMMISSIE, PROCESS_INSTANCE, ANY, CREATE),
        // Procesbeheerders: Cockpit and Tasklist, deploy models, run and migrate instances, read
        // history.
        new Grant(Groups.PROCESBEHEERDERS, APPLICATION, COCKPIT, ACCESS),
        new Grant(Groups.PROCESBEHEERDERS, APPLICATION, TASKLIST, ACCESS),
        new Grant(Groups.PROCESBEHEERDERS, DEPLOYMENT, ANY, ALL),
        // Oversee, repair and migrate instances; not work on other roles' tasks (no TASK_WORK,
        // UPDATE_TASK).
        new Grant(
            Groups.PROCESBEHEERDERS,
            PROCESS_DEFINITION,
            ANY,
            READ,
            UPDATE,
            ProcessDefinitionPermissions.READ_INSTANCE,
            ProcessDefinitionPermissions.UPDATE_INSTANCE,
            ProcessDefinitionPermissions.MIGRATE_INSTANCE,
            ProcessDefinitionPermissions.READ_HISTORY,
            ProcessDefinitionPermissions.READ_TASK,
            ProcessDefinitionPermissions.RETRY_JOB,
            ProcessDefinitionPermissions.SUSPEND,
            ProcessDefinitionPermissions.SUSPEND_INSTANCE),
        new Grant(Groups.PROCESBEHEERDERS, DECISION_DEFINITION, ANY, ALL),
        new Grant(Groups.PROCESBEHEERDERS, DECISION_REQUIREMENTS_DEFINITION, ANY, ALL),
        new Grant(
            Groups.PROCESBEHEERDERS,
            PROCESS_INSTANCE,
            ANY,
            READ,
            UPDATE,
            ProcessInstancePermissions.RETRY_JOB,
            ProcessInstancePermissions.SUSPEND),
        new Grant(Groups.PROCESBEHEERDERS, HISTORIC_PROCESS_INSTANCE, ANY, ALL),
        new Grant(Groups.PROCESBEHEERDERS, HISTORIC_TASK, ANY, ALL),
        // Cockpit's "Human Tasks" page counts open tasks per group: reading tasks, never working on
        // them.
        new Grant(Groups.PROCESBEHEERDERS, Resources.TASK, ANY, READ));
  }

  /**
   * Whether a group reads and works on the tasks of a process definition through its grant on the definition. Only
   * tasks of a definition a group does not hold so (tasks of models from before the split) get rows per task.
   */
  public static boolean worksOnDefinition(String groupId, String processKey) {
    return roleGrants().stream()
        .anyMatch(
            grant ->
                grant.groupId().equals(groupId)
                    && grant.resource() == PROCESS_DEFINITION
                    && grant.resourceId().equals(processKey)
                    && Arrays.asList(grant.permissions()).contains(READ_TASK));
  }

  private RoleAuthorizations() {}
}
