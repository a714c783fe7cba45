package nl.werkpact.keurmerk.identity;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Groups and Tasklist filters, created at start-up in every profile when missing. Filters hold no
 * expressions (expressions in stored queries are switched off): one per role's candidate group, visible to
 * that role, plus all tasks the user may see, and "Mijn taken" for everyone.
 */
@Component
@Order(1)
class IdentitySetup {

  static final String MY_TASKS = "Mijn taken";

  private final IdentityService identity;
  private final FilterService filters;
  private final TaskService tasks;
  private final AuthorizationService authorizations;

  IdentitySetup(
      IdentityService identity,
      FilterService filters,
      TaskService tasks,
      AuthorizationService authorizations) {
    this.identity = identity;
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(1)
  void setUp() {
    for (Groups.Role role : Groups.ALL) {
      if (identity.createGroupQuery().groupId(role.id()).count() == 0) {
        var group = identity.newGroup(role.id());
        group.setName(role.name());
        group.setType("WORKFLOW");
        identity.saveGroup(group);
      }
    }
    removePersonalFilters();
    createMyTasksFilter(
        List.of(
            Groups.ACCOUNTMANAGERS,
            Groups.AUDITORS,
            Groups.KEURMERKCOMMISSIE,
            Groups.PROCESBEHEERDERS));
    createFilter(
        "Taken accountmanagers",
        Groups.ACCOUNTMANAGERS,
        -10,
        List.of(Groups.ACCOUNTMANAGERS, Groups.PROCESBEHEERDERS));
    createFilter(
        "Taken auditoren", Groups.AUDITORS, -9, List.of(Groups.AUDITORS, Groups.PROCESBEHEERDERS));
    createFilter(
        "Taken keurmerkcommissie",
        Groups.KEURMERKCOMMISSIE,
        -8,
        List.of(Groups.KEURMERKCOMMISSIE, Groups.PROCESBEHEERDERS));
    // No criteria: shows every task the user may see, which authorization limits to its own and its
    // groups'.
    createFilter(
        "Alle taken die ik mag zien",
        null,
        0,
        List.of(
            Groups.ACCOUNTMANAGERS,
            Groups.AUDITORS,
            Groups.KEURMERKCOMMISSIE,
            Groups.PROCESBEHEERDERS));
  }

  /**
   * One "Mijn taken" for everybody: the tasks assigned to the logged-in user ({@code ${currentUser()}}). The one
   * expression in a stored query, written here by the system; no user can store one (engine/CommandGuard).
   */
  private void createMyTasksFilter(List<String> visibleTo) {
    Filter filter = filters.createFilterQuery().filterName(MY_TASKS).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(MY_TASKS);
      filter.setQuery(tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
      filter.setProperties(
          Map.of(
              "priority",
              -20,
              "description",
              "Taken die aan mij zijn toegewezen",
              "refresh",
              true));
      filters.saveFilter(filter);
    }
    grantRead(filter, visibleTo);
  }

  /** Until this version every user had a "Mijn taken" of their own; the admin saw all of them. */
  private void removePersonalFilters() {
    filters.createFilterQuery().filterName(MY_TASKS).list().stream()
        .filter(f -> f.getOwner() != null)
        .forEach(f -> filters.deleteFilter(f.getId()));
  }

  private void createFilter(
      String name, String candidateGroup, int priority, List<String> visibleTo) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(name);
      TaskQuery taskQuery = tasks.createTaskQuery();
      if (candidateGroup != null) {
        taskQuery.taskCandidateGroup(candidateGroup).includeAssignedTasks();
      }
      filter.setQuery(taskQuery);
      filter.setProperties(Map.of("priority", priority, "description", name, "refresh", true));
      filters.saveFilter(filter);
    }
    grantRead(filter, visibleTo);
  }

  private void grantRead(Filter filter, List<String> visibleTo) {
    for (String group : visibleTo) {
      if (authorizations
              .createAuthorizationQuery()
              .groupIdIn(group)
              .resourceType(Resources.FILTER)
              .resourceId(filter.getId())
              .count()
          == 0) {
        Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setGroupId(group);
        read.setResource(Resources.FILTER);
        read.setResourceId(filter.getId());
        read.addPermission(Permissions.READ);
        authorizations.saveAuthorization(read);
      }
    }
  }
}
