package nl.werkpact.keurmerk.identity;

import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Groups and Tasklist filters, created at start-up in every profile when missing. Filters hold no
 * expressions (expressions in stored queries are switched off): one per role's candidate group, plus all
 * tasks the user may see.
 */
@Component
@Order(1)
class IdentitySetup {

  private final IdentityService identity;
  private final FilterService filters;
  private final TaskService tasks;

  IdentitySetup(IdentityService identity, FilterService filters, TaskService tasks) {
    this.identity = identity;
    this.filters = filters;
    this.tasks = tasks;
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
    createFilter("Taken accountmanagers", Groups.ACCOUNTMANAGERS, -10);
    createFilter("Taken auditoren", Groups.AUDITORS, -9);
    createFilter("Taken keurmerkcommissie", Groups.KEURMERKCOMMISSIE, -8);
    createFilter("Alle taken", null, 0);
  }

  private void createFilter(String name, String candidateGroup, int priority) {
    if (filters.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Filter filter = filters.newTaskFilter(name);
    TaskQuery taskQuery = tasks.createTaskQuery();
    if (candidateGroup != null) {
      taskQuery.taskCandidateGroup(candidateGroup).includeAssignedTasks();
    }
    filter.setQuery(taskQuery);
    filter.setProperties(Map.of("priority", priority, "description", name, "refresh", true));
    filters.saveFilter(filter);
  }
}
