package nl.werkpact.keurmerk.tasks.process;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.mail.MailOutbox;
import nl.werkpact.keurmerk.mail.MailRequest;
import nl.werkpact.keurmerk.models.RegionTenant;
import nl.werkpact.keurmerk.tasks.StaffPreferences;
import nl.werkpact.keurmerk.web.SiteSettings;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The daily digest, for staff who switched it on at /mijn-instellingen (off by default): from 08:00 (Europe/Amsterdam)
 * one e-mail a day with the tasks of their groups that came in during the 24 hours before, newest first, each with its
 * link (at most {@value #LISTED}, the rest counted); no e-mail on a day without new tasks.
 */
@Component
public class DailyDigests {

  static final String MAIL_DAILY_DIGEST = "task-digest";
  static final LocalTime AT = LocalTime.of(8, 0);

  /** At most this many tasks by name, newest first; the rest are counted with a link to the Takenlijst. */
  static final int LISTED = 50;

  private final StaffPreferences preferences;
  private final IdentityService identity;
  private final TaskService tasks;
  private final StaffMembers staff;
  private final MailOutbox mail;
  private final SiteSettings site;
  private final Clock clock;

  DailyDigests(
      StaffPreferences preferences,
      IdentityService identity,
      TaskService tasks,
      StaffMembers staff,
      MailOutbox mail,
      SiteSettings site,
      Clock clock) {
    this.preferences = preferences;
    this.identity = identity;
    this.tasks = tasks;
    this.staff = staff;
    this.mail = mail;
    this.site = site;
    this.clock = clock;
  }

  /** Queues today's digests that are due and not queued yet; answers how many. */
  public int sendDue() {
    return sendDue(clock.instant());
  }

  /** As {@link #sendDue()}, at the moment given. */
  public int sendDue(Instant moment) {
    ZonedDateTime now = moment.atZone(Dates.AMSTERDAM);
    if (now.toLocalTime().isBefore(AT)) {
      return 0;
    }
    LocalDate today = now.toLocalDate();
    ZonedDateTime until = today.atTime(AT).atZone(Dates.AMSTERDAM);
    int sent = 0;
    for (String userId : preferences.dailyDigestUsers()) {
      String key = MAIL_DAILY_DIGEST + ":" + userId + ":" + today;
      if (mail.isQueued(key)) {
        continue;
      }
      // each region's round tells its own staff of its own tasks
      var region = nl.werkpact.keurmerk.region.RegionScope.region();
      if (region.isPresent()
          && identity
                  .createTenantQuery()
                  .tenantId(region.get())
                  .userMember(userId)
                  .includingGroupsOfUser(true)
                  .count()
              == 0) {
        continue;
      }
      var member = staff.users(List.of(userId)).get(userId);
      if (member == null || member.email() == null) {
        continue;
      }
      String[] groups =
          identity.createGroupQuery().groupMember(userId).list().stream()
              .map(Group::getId)
              .toArray(String[]::new);
      if (groups.length == 0) {
        continue;
      }
      var query =
          RegionTenant.inThisRegion(tasks.createTaskQuery())
              .taskCandidateGroupIn(List.of(groups))
              .includeAssignedTasks()
              .active()
              .taskCreatedAfter(Date.from(until.minusDays(1).toInstant()))
              .taskCreatedBefore(Date.from(until.toInstant()));
      long count = query.count();
      List<Task> fresh = query.orderByTaskCreateTime().desc().listPage(0, LISTED);
      if (fresh.isEmpty()) {
        continue;
      }
      List<Map<String, Object>> lines =
          fresh.stream()
              .map(
                  task -> {
                    Map<String, Object> line = new HashMap<>();
                    line.put("name", task.getName());
                    line.put(
                        "due",
                        task.getDueDate() == null
                            ? null
                            : Dates.dutch(
                                task.getDueDate()
                                    .toInstant()
                                    .atZone(Dates.AMSTERDAM)
                                    .toLocalDate()));
                    line.put("url", TaskAssignmentMail.taskUrl(site, task.getId()));
                    return line;
                  })
              .toList();
      Map<String, Object> model = new HashMap<>();
      model.put("recipientName", member.name());
      model.put("day", Dates.dutch(today));
      model.put("tasks", lines);
      model.put("count", count);
      model.put("more", count - lines.size());
      model.put("tasklistUrl", site.page("/camunda/app/tasklist/default/"));
      model.put("settingsUrl", site.page("/mijn-instellingen"));
      mail.enqueue(
          new MailRequest(
              MAIL_DAILY_DIGEST, member.email(), model, TaskAssignmentMail.CONCERNS, 0, null, key));
      sent++;
    }
    return sent;
  }
}
