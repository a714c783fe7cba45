package nl.werkpact.keurmerk.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.identity.RegionalGroups;
import nl.werkpact.keurmerk.identity.StaffNames;
import nl.werkpact.keurmerk.models.RegionTenant;
import nl.werkpact.keurmerk.web.SiteSettings;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * "Wat is te laat": the open user tasks past their due date, the longest late first (at most {@value #SHOWN}), each
 * with its holder by full name or its groups by their Dutch names, and its link in Tasklist.
 */
@Component
public class OverdueTasks {

  static final int SHOWN = 200;

  /** One late task: whose, which, due when, how many days late, who holds it and where to open it. */
  public record Late(
      String employer, String task, LocalDate due, long daysLate, String holder, String url) {}

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final StaffNames staffNames;
  private final Clock clock;
  private final SiteSettings site;

  public OverdueTasks(
      TaskService tasks,
      RuntimeService runtime,
      IdentityService identity,
      StaffNames staffNames,
      Clock clock,
      SiteSettings site) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.identity = identity;
    this.staffNames = staffNames;
    this.clock = clock;
    this.site = site;
  }

  public List<Late> late() {
    LocalDate today = LocalDate.ofInstant(clock.instant(), Dates.AMSTERDAM);
    List<Task> late =
        RegionTenant.inThisRegion(tasks.createTaskQuery())
            .active()
            .dueBefore(Date.from(clock.instant()))
            .orderByDueDate()
            .asc()
            .listPage(0, SHOWN);
    if (late.isEmpty()) {
      return List.of();
    }
    Map<String, String> employerOf = new HashMap<>();
    for (VariableInstance variable :
        runtime
            .createVariableInstanceQuery()
            .variableName("employerName")
            .processInstanceIdIn(
                late.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new))
            .disableCustomObjectDeserialization()
            .list()) {
      if (variable.getValue() instanceof String name) {
        employerOf.putIfAbsent(variable.getProcessInstanceId(), name);
      }
    }
    var names = staffNames.of(late.stream().map(Task::getAssignee).toList());
    Map<String, String> groupNames = new HashMap<>();
    for (Group group : identity.createGroupQuery().list()) {
      groupNames.put(group.getId(), group.getName() == null ? group.getId() : group.getName());
    }
    return late.stream()
        .map(
            task -> {
              LocalDate due = LocalDate.ofInstant(task.getDueDate().toInstant(), Dates.AMSTERDAM);
              String holder =
                  task.getAssignee() != null
                      ? names.of(task.getAssignee())
                      : String.join(
                          ", ",
                          RegionalGroups.shown(
                                  tasks.getIdentityLinksForTask(task.getId()).stream()
                                      .map(link -> link.getGroupId())
                                      .filter(group -> group != null)
                                      .toList())
                              .stream()
                              .map(group -> "groep " + groupNames.getOrDefault(group, group))
                              .toList());
              return new Late(
                  employerOf.getOrDefault(task.getProcessInstanceId(), ""),
                  task.getName(),
                  due,
                  ChronoUnit.DAYS.between(due, today),
                  holder,
                  site.page("/camunda/app/tasklist/default/#/?task=" + task.getId()));
            })
        .toList();
  }
}
