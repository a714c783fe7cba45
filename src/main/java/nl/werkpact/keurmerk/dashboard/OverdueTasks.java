package nl.werkpact.keurmerk.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import nl.werkpact.keurmerk.web.SiteSettings;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** "Wat is te laat": the open user tasks past their due date, the latest first, each with its link in Tasklist. */
@Component
public class OverdueTasks {

  /** One late task: whose, which, due when, how many days late, who holds it and where to open it. */
  public record Late(
      String employer, String task, LocalDate due, long daysLate, String holder, String url) {}

  private final TaskService tasks;
  private final Clock clock;
  private final SiteSettings site;

  public OverdueTasks(TaskService tasks, Clock clock, SiteSettings site) {
    this.tasks = tasks;
    this.clock = clock;
    this.site = site;
  }

  public List<Late> late() {
    LocalDate today = LocalDate.now(clock);
    return tasks
        .createTaskQuery()
        .active()
        .dueBefore(Date.from(clock.instant()))
        .orderByDueDate()
        .asc()
        .listPage(0, 500)
        .stream()
        .map(task -> late(task, today))
        .toList();
  }

  private Late late(Task task, LocalDate today) {
    LocalDate due = task.getDueDate().toInstant().atZone(clock.getZone()).toLocalDate();
    Object employer = tasks.getVariable(task.getId(), "employerName");
    String holder =
        task.getAssignee() != null
            ? task.getAssignee()
            : String.join(
                ", ",
                tasks.getIdentityLinksForTask(task.getId()).stream()
                    .filter(link -> link.getGroupId() != null)
                    .map(link -> "groep " + link.getGroupId())
                    .toList());
    return new Late(
        employer == null ? "" : employer.toString(),
        task.getName(),
        due,
        ChronoUnit.DAYS.between(due, today),
        holder,
        site.page("/camunda/app/tasklist/default/#/?task=" + task.getId()));
  }
}
