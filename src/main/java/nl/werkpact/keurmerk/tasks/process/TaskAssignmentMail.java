package nl.werkpact.keurmerk.tasks.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.mail.MailOutbox;
import nl.werkpact.keurmerk.mail.MailRequest;
import nl.werkpact.keurmerk.web.SiteSettings;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Every user task, on assignment: the new assignee gets an e-mail with the task's name, its due date and a link to it
 * in the Takenlijst; not when they took the task themselves (claim), and once per task and person. Queued in the
 * transaction of the assignment, as every e-mail.
 */
@Component
public class TaskAssignmentMail implements TaskListener {

  public static final String MAIL_TASK_ASSIGNED = "task-assigned";

  /** The kind of record these e-mails are about: a task, not an employer's record (no dossier shows them). */
  public static final String CONCERNS = "TASK";

  private final MailOutbox mail;
  private final StaffMembers staff;
  private final SiteSettings site;

  TaskAssignmentMail(MailOutbox mail, StaffMembers staff, SiteSettings site) {
    this.mail = mail;
    this.staff = staff;
    this.site = site;
  }

  @Override
  public void notify(DelegateTask task) {
    String assignee = task.getAssignee();
    String by =
        Context.getCommandContext() == null
            ? null
            : Context.getCommandContext().getAuthenticatedUserId();
    if (assignee == null || assignee.equals(by)) {
      return;
    }
    var members = staff.users(by == null ? List.of(assignee) : List.of(assignee, by));
    var member = members.get(assignee);
    if (member == null || member.email() == null) {
      return;
    }
    Map<String, Object> model = new HashMap<>();
    model.put("recipientName", member.name());
    model.put("taskName", task.getName());
    model.put(
        "assignedBy", by == null ? null : members.containsKey(by) ? members.get(by).name() : by);
    model.put(
        "dueDate",
        task.getDueDate() == null
            ? null
            : Dates.dutch(task.getDueDate().toInstant().atZone(Dates.AMSTERDAM).toLocalDate()));
    model.put("taskUrl", taskUrl(site, task.getId()));
    mail.enqueue(
        new MailRequest(
            MAIL_TASK_ASSIGNED,
            member.email(),
            model,
            CONCERNS,
            0,
            task.getProcessInstanceId(),
            MAIL_TASK_ASSIGNED + ":" + task.getId() + ":" + assignee));
  }

  /** The task in Camunda's Tasklist (the Takenlijst), where the link in an e-mail opens it. */
  static String taskUrl(SiteSettings site, String taskId) {
    return site.page("/camunda/app/tasklist/default/#/?task=" + taskId);
  }
}
