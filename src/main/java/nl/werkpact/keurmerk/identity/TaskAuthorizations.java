package nl.werkpact.keurmerk.identity;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * No authorization row per task where the task's group holds READ_TASK and TASK_WORK on the task's process definition
 * ({@link RoleAuthorizations}). Camunda's default writes one row per candidate group and assignee of every task, and its
 * task query then checks each open task against all of them: with 10,000 open tasks a group's task list took seconds.
 * With grants per definition it checks a handful of rows. Tasks of a definition without such a grant (models from
 * before the committee and the ceremony had processes of their own) keep Camunda's rows per task. A region's group
 * ({@link RegionalGroups}) counts as its role.
 */
public final class TaskAuthorizations extends DefaultAuthorizationProvider {

  private static final AuthorizationEntity[] NONE = new AuthorizationEntity[0];

  @Override
  public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
    return worksOnDefinition(task, groupId)
        ? NONE
        : super.newTaskGroupIdentityLink(task, groupId, type);
  }

  @Override
  public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
    return worksOnDefinition(task, groupId)
        ? NONE
        : super.deleteTaskGroupIdentityLink(task, groupId, type);
  }

  @Override
  public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
    return coveredByDefinition(task) ? NONE : super.newTaskAssignee(task, oldAssignee, newAssignee);
  }

  @Override
  public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
    return coveredByDefinition(task) ? NONE : super.newTaskOwner(task, oldOwner, newOwner);
  }

  @Override
  public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
    return coveredByDefinition(task) ? NONE : super.newTaskUserIdentityLink(task, userId, type);
  }

  @Override
  public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
    return coveredByDefinition(task) ? NONE : super.deleteTaskUserIdentityLink(task, userId, type);
  }

  private static boolean worksOnDefinition(Task task, String groupId) {
    String key = processKey(task);
    return key != null
        && groupId != null
        && RoleAuthorizations.worksOnDefinition(RegionalGroups.rightsOf(groupId), key);
  }

  /** A user works on the task through a group's grant: every candidate group of the task holds the definition. */
  private static boolean coveredByDefinition(Task task) {
    String key = processKey(task);
    List<String> groups = candidateGroups(task);
    return key != null
        && !groups.isEmpty()
        && groups.stream()
            .allMatch(
                group -> RoleAuthorizations.worksOnDefinition(RegionalGroups.rightsOf(group), key));
  }

  private static String processKey(Task task) {
    if (task instanceof TaskEntity entity && entity.getProcessDefinition() != null) {
      return entity.getProcessDefinition().getKey();
    }
    return null;
  }

  private static List<String> candidateGroups(Task task) {
    if (!(task instanceof TaskEntity entity) || entity.getTaskDefinition() == null) {
      return List.of();
    }
    return RegionalGroups.candidateGroupsOf(entity.getTaskDefinition());
  }
}
