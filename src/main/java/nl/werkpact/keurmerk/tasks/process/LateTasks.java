package nl.werkpact.keurmerk.tasks.process;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.convenant.Accountmanagers;
import nl.werkpact.keurmerk.employer.EmployerService;
import nl.werkpact.keurmerk.identity.RegionalGroups;
import nl.werkpact.keurmerk.mail.MailOutbox;
import nl.werkpact.keurmerk.mail.MailRequest;
import nl.werkpact.keurmerk.models.RegionTenant;
import nl.werkpact.keurmerk.tasks.TaskEscalations;
import nl.werkpact.keurmerk.tasks.TaskEscalations.Escalation;
import nl.werkpact.keurmerk.web.SiteSettings;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tasks past their due date (camunda:dueDate in the model) are told once: to the assignee, or to the members of the
 * task's candidate groups while nobody has it, and to the accountmanager of the employer it is about. Each task's
 * record ({@link TaskEscalations}) and its e-mails are written in one transaction of their own, so a task is escalated
 * once even when two rounds look at the same time, and one failing task does not hold back the others.
 */
@Component
public class LateTasks {

  private static final Logger LOG = LoggerFactory.getLogger(LateTasks.class);
  static final String MAIL_TASK_LATE = "task-late";
  private static final int PAGE = 200;

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final TaskEscalations escalations;
  private final StaffMembers staff;
  private final EmployerService employers;
  private final Accountmanagers accountmanagers;
  private final MailOutbox mail;
  private final SiteSettings site;
  private final Clock clock;
  private final TransactionTemplate ownTransaction;

  LateTasks(
      TaskService tasks,
      RuntimeService runtime,
      TaskEscalations escalations,
      StaffMembers staff,
      EmployerService employers,
      Accountmanagers accountmanagers,
      MailOutbox mail,
      SiteSettings site,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.escalations = escalations;
    this.staff = staff;
    this.employers = employers;
    this.accountmanagers = accountmanagers;
    this.mail = mail;
    this.site = site;
    this.clock = clock;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Escalates every open task whose due date has passed and that was not escalated before; answers how many. */
  public int escalateDue() {
    Date now = Date.from(clock.instant());
    int escalated = 0;
    for (int first = 0; ; first += PAGE) {
      List<Task> late =
          RegionTenant.inThisRegion(tasks.createTaskQuery())
              .active()
              .dueBefore(now)
              .orderByDueDate()
              .asc()
              .listPage(first, PAGE);
      Set<String> done = escalations.escalated(late.stream().map(Task::getId).toList());
      List<Task> fresh = late.stream().filter(task -> !done.contains(task.getId())).toList();
      Map<String, String> businessKeys = businessKeys(fresh);
      for (Task task : fresh) {
        try {
          if (Boolean.TRUE.equals(
              ownTransaction.execute(
                  status -> escalate(task, businessKeys.get(task.getProcessInstanceId()))))) {
            escalated++;
          }
        } catch (DuplicateKeyException anotherRoundWasFirst) {
          LOG.debug("Task {} was escalated by another round", task.getId());
        }
      }
      if (late.size() < PAGE) {
        break;
      }
    }
    if (escalated > 0) {
      LOG.info("{} late task(s) escalated", escalated);
    }
    return escalated;
  }

  private Map<String, String> businessKeys(List<Task> late) {
    Set<String> instances =
        late.stream()
            .map(Task::getProcessInstanceId)
            .filter(id -> id != null)
            .collect(Collectors.toSet());
    if (instances.isEmpty()) {
      return Map.of();
    }
    Map<String, String> keys = new HashMap<>();
    for (ProcessInstance instance :
        runtime.createProcessInstanceQuery().processInstanceIds(instances).list()) {
      if (instance.getBusinessKey() != null) {
        keys.put(instance.getId(), instance.getBusinessKey());
      }
    }
    return keys;
  }

  private boolean escalate(Task task, String businessKey) {
    Map<String, StaffMembers.Member> recipients = new LinkedHashMap<>();
    String holder;
    if (task.getAssignee() != null) {
      var assignee = staff.users(List.of(task.getAssignee())).get(task.getAssignee());
      holder = assignee == null ? task.getAssignee() : assignee.name();
      if (assignee != null) {
        recipients.put(assignee.userId(), assignee);
      }
    } else {
      List<String> groups = new ArrayList<>();
      List<String> users = new ArrayList<>();
      tasks
          .getIdentityLinksForTask(task.getId())
          .forEach(
              link -> {
                if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                  if (link.getGroupId() != null) {
                    groups.add(link.getGroupId());
                  } else if (link.getUserId() != null) {
                    users.add(link.getUserId());
                  }
                }
              });
      staff.users(users).values().forEach(member -> recipients.put(member.userId(), member));
      staff
          .ofGroups(groups, task.getTenantId())
          .forEach(member -> recipients.putIfAbsent(member.userId(), member));
      holder =
          groups.isEmpty()
              ? "niemand"
              : "de groep "
                  + RegionalGroups.shown(groups).stream()
                      .map(staff::groupName)
                      .collect(Collectors.joining(", "));
    }
    String accountmanagerId = null;
    if (businessKey != null) {
      var employer = employers.findByKvkNumber(businessKey);
      var accountmanager = employer.flatMap(e -> accountmanagers.of(e.id()));
      if (accountmanager.isPresent()) {
        accountmanagerId = accountmanager.get().userId();
        recipients.putIfAbsent(
            accountmanagerId,
            new StaffMembers.Member(
                accountmanagerId, accountmanager.get().name(), accountmanager.get().email()));
      }
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime due = task.getDueDate().toInstant().atZone(Dates.AMSTERDAM).toOffsetDateTime();
    List<StaffMembers.Member> told =
        recipients.values().stream().filter(member -> member.email() != null).toList();
    escalations.record(
        new Escalation(
            task.getId(),
            task.getProcessInstanceId(),
            task.getName(),
            due,
            now,
            told.isEmpty()
                ? "niemand met een e-mailadres"
                : told.stream()
                    .map(member -> member.name() + " <" + member.email() + ">")
                    .collect(Collectors.joining(", "))));
    for (StaffMembers.Member member : told) {
      Map<String, Object> model = new HashMap<>();
      model.put("recipientName", member.name());
      model.put("taskName", task.getName());
      model.put("dueDate", Dates.dutch(due.atZoneSameInstant(Dates.AMSTERDAM).toLocalDate()));
      model.put("daysLate", Math.max(1, Duration.between(due, now).toDays()));
      model.put("holder", holder);
      model.put("asAccountmanager", member.userId().equals(accountmanagerId));
      model.put("taskUrl", TaskAssignmentMail.taskUrl(site, task.getId()));
      mail.enqueue(
          new MailRequest(
              MAIL_TASK_LATE,
              member.email(),
              model,
              TaskAssignmentMail.CONCERNS,
              0,
              task.getProcessInstanceId(),
              MAIL_TASK_LATE + ":" + task.getId() + ":" + member.userId()));
    }
    return true;
  }
}
