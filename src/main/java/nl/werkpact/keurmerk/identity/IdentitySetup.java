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
 * expressions but "Mijn taken"'s: per region one per role's regional group ({@link #regionFilters}, made by
 * {@link RegionTenants}), visible to that group, plus all tasks the user may see, and "Mijn taken" for everyone.
 */
@Component
@Order(1)
class IdentitySetup {

  static final String MY_TASKS = "Mijn taken";
  private static final String REGION = "region";
  private static final String ROLE = "role";

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
    // The role filters are per region (regionFilters): one for all regions counted every region's
    // tasks.
    removeNationalRoleFilters();
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

  /**
   * The region's filter per role with tasks: the tasks of the region's group of that role ({@link RegionalGroups}),
   * visible to that group and to the region's procesbeheerders. Found again by the region and role in its properties,
   * so that a renamed region keeps its filters (under the new name).
   */
  void regionFilters(String region, String regionName) {
    record RoleFilter(String role, String label, int priority) {}
    List<Filter> existing = filters.createTaskFilterQuery().list();
    for (RoleFilter wanted :
        List.of(
            new RoleFilter(Groups.ACCOUNTMANAGERS, "Taken accountmanagers", -10),
            new RoleFilter(Groups.AUDITORS, "Taken auditoren", -9),
            new RoleFilter(Groups.KEURMERKCOMMISSIE, "Taken keurmerkcommissie", -8))) {
      String group = RegionalGroups.of(wanted.role(), region);
      String name = wanted.label() + " · " + regionName;
      Filter filter =
          existing.stream()
              .filter(
                  f ->
                      f.getProperties() != null
                          && region.equals(f.getProperties().get(REGION))
                          && wanted.role().equals(f.getProperties().get(ROLE)))
              .findFirst()
              .orElse(null);
      if (filter == null) {
        filter = filters.newTaskFilter(name);
        filter.setQuery(tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks());
      }
      // new, or the region was renamed
      if (filter.getId() == null || !name.equals(filter.getName())) {
        filter.setName(name);
        filter.setProperties(
            Map.of(
                "priority",
                wanted.priority(),
                "description",
                wanted.label() + " van " + regionName,
                "refresh",
                true,
                REGION,
                region,
                ROLE,
                wanted.role()));
        filters.saveFilter(filter);
      }
      grantRead(filter, List.of(group, RegionalGroups.of(Groups.PROCESBEHEERDERS, region)));
    }
  }

  /** Until regions had groups of their own: one filter per role, over every region's tasks. */
  private void removeNationalRoleFilters() {
    for (String name :
        List.of("Taken accountmanagers", "Taken auditoren", "Taken keurmerkcommissie")) {
      filters
          .createFilterQuery()
          .filterName(name)
          .list()
          .forEach(f -> filters.deleteFilter(f.getId()));
    }
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
