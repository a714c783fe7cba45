package nl.werkpact.keurmerk.operations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.function.Supplier;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.mail.CorrespondenceRepository;
import nl.werkpact.keurmerk.mail.CorrespondenceStatus;
import nl.werkpact.keurmerk.mail.MailDispatcher;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an operator watches, for Prometheus ({@code /actuator/prometheus}, admins and procesbeheerders only): e-mails
 * by status, reminders sent, incidents, due and failed jobs, open tasks per group. Read from the database at each
 * scrape, so every node reports the same totals. Only the accept window's counters are this node's own.
 */
@Component
class WerkpactMetrics implements MeterBinder {

  /** The reminder e-mails (mail templates) of the validity period. */
  static final List<String> REMINDER_TEMPLATES =
      List.of("renewal-reminder", "renewal-reminder-accountmanager", "membership-reminder");

  private final JdbcClient jdbc;
  private final ManagementService management;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final CorrespondenceRepository correspondence;
  private final MailDispatcher dispatcher;

  WerkpactMetrics(
      JdbcClient jdbc,
      ManagementService management,
      RuntimeService runtime,
      TaskService tasks,
      CorrespondenceRepository correspondence,
      MailDispatcher dispatcher) {
    this.jdbc = jdbc;
    this.dispatcher = dispatcher;
    this.correspondence = correspondence;
    this.management = management;
    this.runtime = runtime;
    this.tasks = tasks;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (CorrespondenceStatus status : CorrespondenceStatus.values()) {
      gauge(
          registry,
          "werkpact.emails",
          "E-mails by status (PENDING: waiting to be sent)",
          () ->
              jdbc.sql("SELECT COUNT(*) FROM correspondence WHERE status = ?")
                  .param(status.name())
                  .query(Long.class)
                  .single(),
          "status",
          status.name());
    }
    gauge(
        registry,
        "werkpact.emails.waiting.for.person",
        "E-mails that did not go out and are not retried any more (Beheer, E-mail)",
        correspondence::countNeedingAPerson);
    gauge(
        registry,
        "werkpact.reminders.sent",
        "Reminder e-mails sent (renewal and membership)",
        () ->
            jdbc.sql(
                    "SELECT COUNT(*) FROM correspondence WHERE status = 'SENT' AND template IN (:templates)")
                .param("templates", REMINDER_TEMPLATES)
                .query(Long.class)
                .single());
    gauge(
        registry,
        "werkpact.incidents",
        "Open incidents (Cockpit shows them)",
        () -> runtime.createIncidentQuery().count());
    gauge(
        registry,
        "werkpact.jobs.due",
        "Jobs due now and not yet run",
        () -> management.createJobQuery().executable().count());
    gauge(
        registry,
        "werkpact.jobs.failed",
        "Jobs without retries left",
        () -> management.createJobQuery().noRetriesLeft().count());
    FunctionCounter.builder(
            "werkpact.email.accept.window.seconds", dispatcher, MailDispatcher::acceptWindowSeconds)
        .description(
            "This node: seconds its e-mails spent accepted by the server and not yet recorded; a rate near 1 means "
                + "the accept window limits sending (docs/email.md)")
        .register(registry);
    FunctionCounter.builder(
            "werkpact.email.accept.window.emails", dispatcher, MailDispatcher::acceptWindowEmails)
        .description("This node: e-mails through the accept window")
        .register(registry);
    for (String group :
        List.of(Groups.ACCOUNTMANAGERS, Groups.AUDITORS, Groups.KEURMERKCOMMISSIE)) {
      gauge(
          registry,
          "werkpact.tasks.open",
          "Open tasks per candidate group",
          () -> tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().count(),
          "group",
          group);
    }
  }

  private static void gauge(
      MeterRegistry registry,
      String name,
      String description,
      Supplier<Number> value,
      String... tags) {
    Gauge.builder(name, value)
        .description(description)
        .tags(tags)
        .strongReference(true)
        .register(registry);
  }
}
