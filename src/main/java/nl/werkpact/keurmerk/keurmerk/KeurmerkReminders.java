package nl.werkpact.keurmerk.keurmerk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.keurmerk.KeurmerkLifecycle.Reminder;
import nl.werkpact.keurmerk.keurmerk.KeurmerkRepository.ReminderCandidate;
import nl.werkpact.keurmerk.mail.MailOutbox;
import nl.werkpact.keurmerk.mail.MailRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reminders of every keurmerk at once (the KeurmerkReminders process, every quarter of an hour): each reminder
 * whose moment has come ({@link ReminderSchedule}) for an ACTIVE keurmerk that is still valid, and that was not queued
 * before, goes into the outbox: the employer's e-mail and, for a renewal reminder, the accountmanager's copy.
 *
 * <p>One sweep instead of one engine job per keurmerk: a storm of thousands of reminders that fall due on the same
 * morning costs a few queries per chunk of keurmerken, not a job, a lock and a commit each. Each chunk is its own
 * transaction, so the dispatcher starts sending while the sweep goes on, and a sweep that stops halfway (a crash, the
 * database away) leaves nothing half done: the next one goes on where it stopped. An e-mail's dedup key is the
 * record of its reminder, so two sweeps at the same time, or a sweep beside a running instance of an older model
 * version with its own reminder timers, still queue each reminder once.
 */
@Service
public class KeurmerkReminders {

  private static final Logger LOG = LoggerFactory.getLogger(KeurmerkReminders.class);
  static final int CHUNK = 200;

  private final KeurmerkRepository keurmerken;
  private final MailOutbox mail;
  private final PlatformTransactionManager transactionManager;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  public KeurmerkReminders(
      KeurmerkRepository keurmerken,
      MailOutbox mail,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.keurmerken = keurmerken;
    this.mail = mail;
    this.transactionManager = transactionManager;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** What one step of a round did: the keurmerken it queued per kind, and whether every due reminder is queued now. */
  public record Progress(Map<Reminder, Integer> queued, boolean complete) {}

  /**
   * Queues every reminder due now that was not queued yet, however long that takes; answers how many of each kind.
   *
   * @param accountmanagers the e-mail address of the accountmanager of each of these employers (those that have one)
   */
  public Map<Reminder, Integer> queueDue(
      ReminderSchedule schedule, Function<Collection<Long>, Map<Long, String>> accountmanagers) {
    return queueDue(schedule, accountmanagers, null).queued();
  }

  /**
   * One step of a round: queues due reminders chunk by chunk until none is left or {@code budget} is spent, and no
   * chunk waits longer than half the budget (on a row lock, say). What is left the round's next step queues: a step
   * stays well inside the job executor's lock, so the engine never takes a running round for a dead one.
   *
   * @param budget how long this step may go on starting chunks; {@code null}: until every due reminder is queued
   */
  public Progress queueDue(
      ReminderSchedule schedule,
      Function<Collection<Long>, Map<Long, String>> accountmanagers,
      Duration budget) {
    long deadline = budget == null ? Long.MAX_VALUE : System.nanoTime() + budget.toNanos();
    TransactionTemplate chunkTransaction =
        budget == null ? ownTransaction : bounded(budget.dividedBy(2));
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, Dates.AMSTERDAM);
    Map<Reminder, Integer> queued = new EnumMap<>(Reminder.class);
    int[] emails = new int[1];
    boolean complete = true;
    kinds:
    for (Reminder reminder : Reminder.values()) {
      int count = 0;
      long after = 0;
      while (true) {
        if (System.nanoTime() > deadline) {
          complete = false;
          queued.put(reminder, count);
          break kinds;
        }
        List<ReminderCandidate> chunk =
            keurmerken.reminderCandidates(
                reminder == Reminder.MEMBERSHIP_END,
                dedupKeyPrefix(reminder),
                today,
                schedule.latestDateDueAt(reminder, now),
                after,
                CHUNK);
        if (chunk.isEmpty()) {
          break;
        }
        after = chunk.get(chunk.size() - 1).id();
        List<ReminderCandidate> due =
            chunk.stream().filter(c -> isDue(schedule, reminder, c, now)).toList();
        if (!due.isEmpty()) {
          try {
            count += queueChunk(chunkTransaction, reminder, due, accountmanagers, emails);
          } catch (TransientDataAccessException | TransactionTimedOutException waitedTooLong) {
            LOG.info(
                "A chunk of {} reminders waited too long ({}); the round's next step queues it",
                reminder,
                waitedTooLong.getClass().getSimpleName());
            complete = false;
            queued.put(reminder, count);
            break kinds;
          }
        }
        if (chunk.size() < CHUNK) {
          break;
        }
      }
      queued.put(reminder, count);
    }
    if (emails[0] > 0) {
      LOG.info(
          "Reminders queued: {} e-mails, for keurmerken per kind {}{}",
          emails[0],
          queued,
          complete ? "" : "; the round goes on");
    }
    return new Progress(queued, complete);
  }

  private TransactionTemplate bounded(Duration timeout) {
    var template = new TransactionTemplate(transactionManager);
    template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    template.setTimeout((int) Math.max(1, timeout.toSeconds()));
    return template;
  }

  /**
   * When the next reminder not yet queued falls due after {@code now} (the demo clock steps to it). Only the first few
   * keurmerken by date are looked at: one whose keurmerk ends before its reminder's moment is skipped, as the round does.
   */
  public Optional<Instant> nextDue(ReminderSchedule schedule, Instant now) {
    LocalDate today = LocalDate.ofInstant(now, Dates.AMSTERDAM);
    Optional<Instant> next = Optional.empty();
    for (Reminder reminder : Reminder.values()) {
      LocalDate earliest = today.plus(schedule.before(reminder)).minusDays(4);
      for (ReminderCandidate keurmerk :
          keurmerken.upcomingReminderCandidates(
              reminder == Reminder.MEMBERSHIP_END, dedupKeyPrefix(reminder), today, earliest, 20)) {
        Optional<Instant> due =
            dueAt(schedule, reminder, keurmerk)
                .filter(at -> at.isAfter(now) && at.isBefore(expiry(keurmerk)));
        if (due.isPresent() && (next.isEmpty() || due.get().isBefore(next.get()))) {
          next = due;
        }
      }
    }
    return next;
  }

  private static Instant expiry(ReminderCandidate keurmerk) {
    return keurmerk.validUntil().plusDays(1).atStartOfDay(Dates.AMSTERDAM).toInstant();
  }

  static boolean isDue(
      ReminderSchedule schedule, Reminder reminder, ReminderCandidate keurmerk, Instant now) {
    return dueAt(schedule, reminder, keurmerk).filter(due -> !due.isAfter(now)).isPresent();
  }

  /** When this keurmerk's reminder falls due; empty when it has no such date or the import passed it over. */
  private static Optional<Instant> dueAt(
      ReminderSchedule schedule, Reminder reminder, ReminderCandidate keurmerk) {
    LocalDate about =
        reminder == Reminder.MEMBERSHIP_END ? keurmerk.membershipUntil() : keurmerk.validUntil();
    if (about == null) {
      return Optional.empty();
    }
    Instant due = schedule.dueAt(reminder, about);
    boolean passedOver =
        keurmerk.remindersFrom() != null && due.isBefore(keurmerk.remindersFrom().toInstant());
    return passedOver ? Optional.empty() : Optional.of(due);
  }

  /** One chunk in a transaction of its own; a reminder queued meanwhile by another sweep makes it start over once. */
  private int queueChunk(
      TransactionTemplate transaction,
      Reminder reminder,
      List<ReminderCandidate> due,
      Function<Collection<Long>, Map<Long, String>> accountmanagers,
      int[] emails) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.execute(
            status -> {
              Map<Long, String> copies =
                  reminder == Reminder.MEMBERSHIP_END
                      ? Map.of()
                      : accountmanagers.apply(
                          due.stream().map(ReminderCandidate::employerId).distinct().toList());
              List<MailRequest> requests = new ArrayList<>();
              for (ReminderCandidate keurmerk : due) {
                requests.addAll(
                    requests(
                        reminder,
                        keurmerk.id(),
                        model(keurmerk),
                        keurmerk.contactEmail(),
                        copies.get(keurmerk.employerId()),
                        keurmerk.validityProcessInstanceId()));
              }
              emails[0] += mail.enqueueAll(requests);
              return due.size();
            });
      } catch (DuplicateKeyException raced) {
        if (attempt == 3) {
          throw raced;
        }
      }
    }
  }

  /** The employer's reminder and, for a renewal reminder, the accountmanager's copy; each at most once. */
  static void queue(
      MailOutbox mail,
      Reminder reminder,
      long keurmerkId,
      Map<String, Object> model,
      String employerEmail,
      String accountmanagerEmail,
      String processInstanceId) {
    requests(reminder, keurmerkId, model, employerEmail, accountmanagerEmail, processInstanceId)
        .forEach(mail::enqueue);
  }

  private static List<MailRequest> requests(
      Reminder reminder,
      long keurmerkId,
      Map<String, Object> model,
      String employerEmail,
      String accountmanagerEmail,
      String processInstanceId) {
    String key = dedupKeyPrefix(reminder) + keurmerkId;
    List<MailRequest> requests = new ArrayList<>();
    requests.add(
        new MailRequest(
            template(reminder),
            employerEmail,
            model,
            KeurmerkLifecycle.CONCERNS,
            keurmerkId,
            processInstanceId,
            key));
    if (reminder != Reminder.MEMBERSHIP_END
        && accountmanagerEmail != null
        && !accountmanagerEmail.isBlank()) {
      requests.add(
          new MailRequest(
              KeurmerkLifecycle.MAIL_RENEWAL_REMINDER_ACCOUNTMANAGER,
              accountmanagerEmail,
              model,
              KeurmerkLifecycle.CONCERNS,
              keurmerkId,
              processInstanceId,
              key + ":accountmanager"));
    }
    return requests;
  }

  static String template(Reminder reminder) {
    return reminder == Reminder.MEMBERSHIP_END
        ? KeurmerkLifecycle.MAIL_MEMBERSHIP_REMINDER
        : KeurmerkLifecycle.MAIL_RENEWAL_REMINDER;
  }

  /** The employer's reminder e-mail about keurmerk {@code id} has the dedup key of this prefix and the id. */
  static String dedupKeyPrefix(Reminder reminder) {
    return template(reminder) + ":" + reminder.name() + ":";
  }

  private static Map<String, Object> model(ReminderCandidate keurmerk) {
    var model =
        KeurmerkLifecycle.model(
            keurmerk.employerName(),
            keurmerk.contactPerson(),
            keurmerk.contactEmail(),
            keurmerk.kvkNumber(),
            keurmerk.number(),
            keurmerk.validUntil(),
            keurmerk.membershipUntil());
    model.put(
        "renewalUnderway",
        renewalUnderway(
            keurmerk.runningAuditStatus(),
            keurmerk.runningAuditRequestedAt(),
            keurmerk.runningAuditPlannedDate()));
    return model;
  }

  /**
   * Where the employer's running (renewal) audit stands, in one Dutch sentence for the reminder and the
   * accountmanager's copy; {@code null} when no audit runs, and the reminder then asks to request one.
   */
  static String renewalUnderway(
      String auditStatus, OffsetDateTime requestedAt, LocalDate plannedDate) {
    if (auditStatus == null) {
      return null;
    }
    String requested =
        requestedAt == null
            ? "De verlengingsaudit is aangevraagd"
            : "De verlengingsaudit is aangevraagd op "
                + Dates.dutch(requestedAt.atZoneSameInstant(Dates.AMSTERDAM).toLocalDate());
    return switch (auditStatus) {
      case "PLANNING" -> requested + "; de auditor spreekt nog een datum met u af.";
      case "PLANNED" ->
          requested
              + (plannedDate == null
                  ? " en gepland."
                  : " en gepland op " + Dates.dutch(plannedDate) + ".");
      case "AWAITING_COMMITTEE" ->
          "De verlengingsaudit is uitgevoerd; de keurmerkcommissie besluit binnenkort.";
      default -> requested + ".";
    };
  }
}
