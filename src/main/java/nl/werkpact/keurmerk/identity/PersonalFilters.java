package nl.werkpact.keurmerk.identity;

import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * "Mijn taken" for every user: a filter on the tasks assigned to that user, owned by and visible to that user
 * only. A generic filter would need the expression {@code currentUser()}, and expressions in stored queries
 * are switched off; so each user gets one of their own, at start-up and, for users added later in Admin,
 * within ten minutes.
 */
@Component
public class PersonalFilters {

  static final String NAME = "Mijn taken";

  private final IdentityService identity;
  private final FilterService filters;
  private final TaskService tasks;

  PersonalFilters(IdentityService identity, FilterService filters, TaskService tasks) {
    this.identity = identity;
    this.filters = filters;
    this.tasks = tasks;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(20)
  void atStartUp() {
    createMissing();
  }

  @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
  public void createMissing() {
    for (User user : identity.createUserQuery().list()) {
      if (filters.createFilterQuery().filterName(NAME).filterOwner(user.getId()).count() > 0) {
        continue;
      }
      var filter = filters.newTaskFilter(NAME);
      filter.setOwner(user.getId());
      filter.setQuery(tasks.createTaskQuery().taskAssignee(user.getId()));
      filter.setProperties(Map.of("priority", -20, "description", "Taken die aan mij zijn toegewezen", "refresh", true));
      // The engine grants a filter's owner every permission on it; nobody else gets any.
      filters.saveFilter(filter);
    }
  }
}
