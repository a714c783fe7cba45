package nl.werkpact.keurmerk.tasks;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The record of late tasks that were told (table {@code task_escalation}): one row per task, written in the same
 * transaction as its e-mails, so a task is escalated once however many rounds look at it.
 */
@Repository
public class TaskEscalations {

  /** A task that was escalated: when, and to whom (names and addresses, as the e-mails went). */
  public record Escalation(
      String taskId,
      String processInstanceId,
      String taskName,
      OffsetDateTime dueAt,
      OffsetDateTime escalatedAt,
      String recipients) {}

  private final JdbcClient jdbc;

  public TaskEscalations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Of these tasks, the ones already escalated. */
  public Set<String> escalated(Collection<String> taskIds) {
    if (taskIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        jdbc.sql("SELECT task_id FROM task_escalation WHERE task_id IN (:ids)")
            .param("ids", taskIds)
            .query(String.class)
            .list());
  }

  /** Records the escalation; a second one for the same task fails on the key (the caller's transaction rolls back). */
  public void record(Escalation escalation) {
    jdbc.sql(
            """
            INSERT INTO task_escalation (task_id, process_instance_id, task_name, due_at, escalated_at, recipients)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(
            escalation.taskId(),
            escalation.processInstanceId(),
            escalation.taskName(),
            escalation.dueAt(),
            escalation.escalatedAt(),
            escalation.recipients())
        .update();
  }

  public Optional<Escalation> of(String taskId) {
    return jdbc.sql("SELECT * FROM task_escalation WHERE task_id = ?")
        .param(taskId)
        .query(Escalation.class)
        .optional();
  }

  /** The escalations of these tasks (for a page that lists late work). */
  public List<Escalation> ofTasks(Collection<String> taskIds) {
    if (taskIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT * FROM task_escalation WHERE task_id IN (:ids)")
        .param("ids", taskIds)
        .query(Escalation.class)
        .list();
  }
}
