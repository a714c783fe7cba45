package nl.werkpact.keurmerk.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import nl.werkpact.keurmerk.common.Database;
import nl.werkpact.keurmerk.region.RegionScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.NonTransientDataAccessException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds, beside the engine: no process job waits for a mail server.
 *
 * <p>Each of its threads (three per node by default) claims a batch of due e-mails for a while (the lease, committed at
 * once), then talks to the mail server holding no database connection and no row lock, over one SMTP connection for the
 * whole batch, and records each e-mail's outcome in a short transaction of its own right after the server answered.
 * The threads' conversations run side by side, but the end of an e-mail's DATA waits until no other e-mail of the node
 * is accepted and not yet recorded ({@link MailConnection.AcceptWindow}; an operator may allow more,
 * {@code unrecorded-at-most}). So:
 * <ul>
 *   <li>each e-mail is delivered on its own: a refused or failing e-mail never holds up another;</li>
 *   <li>an e-mail goes out twice only if a node dies between the server's acceptance and that commit (the window SMTP
 *       leaves), so at most one per crash; a claim outlives the longest conversation (it is extended while a batch
 *       runs), and a SENT that cannot be recorded because the database is away is retried until it can, before
 *       anything else is sent;</li>
 *   <li>a dead node's claims run out after the lease (40 s by default) and another node sends them;</li>
 *   <li>a refusal for good (5xx, malformed address) makes the e-mail UNDELIVERABLE at once and tells the
 *       accountmanager; a passing failure (4xx, timeout, no connection) is FAILED with the reason and tried again
 *       after a growing delay; after the last one it waits for a person (Beheer, E-mail).</li>
 * </ul>
 */
public class MailDispatcher implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(MailDispatcher.class);

  static {
    // Jakarta Mail looks its stream provider up with a ServiceLoader scan of every jar for each
    // message it builds
    // (the profile of the lifecycle benchmark: 8 % of all work). Named here, it is instantiated
    // directly.
    System.getProperties()
        .putIfAbsent(
            "jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
  }

  /**
   * How the dispatcher runs; {@code werkpact.mail.dispatcher.*}. {@code unrecordedAtMost}: how many e-mails of this node
   * may be accepted by the server and not yet recorded as sent, so the most a crash of the node can send twice (1).
   */
  public record Settings(
      int threads,
      int batchSize,
      Duration lease,
      Duration idlePoll,
      List<Duration> retryDelays,
      String node,
      int unrecordedAtMost) {

    public static Settings defaults() {
      return new Settings(
          3,
          25,
          Duration.ofSeconds(40),
          Duration.ofSeconds(1),
          List.of(
              Duration.ofSeconds(30),
              Duration.ofMinutes(2),
              Duration.ofMinutes(10),
              Duration.ofMinutes(30),
              Duration.ofHours(1),
              Duration.ofHours(2)),
          defaultNode(),
          1);
    }

    public Settings withNode(String name) {
      return new Settings(threads, batchSize, lease, idlePoll, retryDelays, name, unrecordedAtMost);
    }

    public Settings withRetryDelays(List<Duration> delays) {
      return new Settings(threads, batchSize, lease, idlePoll, delays, node, unrecordedAtMost);
    }

    static String defaultNode() {
      return ManagementFactory.getRuntimeMXBean().getName();
    }
  }

  /** What one batch did. */
  public record Batch(int claimed, int sent, int failed, int undeliverable) {
    static final Batch EMPTY = new Batch(0, 0, 0, 0);
  }

  private final CorrespondenceRepository correspondence;
  private final JavaMailSender sender;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final Clock timing;
  private final MailMessages messages;
  private final WaitingMail waiting;
  private final OutboxSignal signal;
  private final Settings settings;

  /** PostgreSQL: a claim skips the rows another node locked, and a SENT is recorded in one statement. */
  private final boolean onPostgres;

  private final AtomicLong batches = new AtomicLong();
  private final List<Thread> workers = new ArrayList<>();

  /** Shared by this node's threads: one e-mail at a time (by default) between the server's acceptance and its record. */
  private final MailConnection.AcceptWindow window;

  private volatile boolean running;

  /**
   * @param messages how an e-mail of the outbox is built for the wire (sender, attachments)
   * @param waiting who is told when an e-mail waits for a person
   * @param clock what the records say happened follows it (the engine's clock, which a demo or test may move)
   * @param timing what claims, leases and retries follow (the database's clock in the app)
   */
  public MailDispatcher(
      CorrespondenceRepository correspondence,
      PlatformTransactionManager transactionManager,
      DataSource dataSource,
      MailMessages messages,
      WaitingMail waiting,
      Clock clock,
      Clock timing,
      OutboxSignal signal,
      Settings settings) {
    this.correspondence = correspondence;
    this.sender = messages.sender();
    this.transaction = new TransactionTemplate(transactionManager);
    this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.timing = timing;
    this.messages = messages;
    this.waiting = waiting;
    this.signal = signal;
    this.settings = settings;
    this.window = new MailConnection.AcceptWindow(settings.unrecordedAtMost());
    this.onPostgres = Database.isPostgres(dataSource);
  }

  public Settings settings() {
    return settings;
  }

  /**
   * Seconds this node's e-mails spent between the server's acceptance and their SENT record, summed since start. Its
   * rate near 1 means the node sends as fast as the accept window lets it (docs/email.md).
   */
  public double acceptWindowSeconds() {
    return window.heldSeconds();
  }

  /** E-mails that went through the accept window since start (sent, or refused after their last line). */
  public long acceptWindowEmails() {
    return window.passed();
  }

  /**
   * The time claims, leases and retries follow: in the app the database's (clock/DatabaseClock), which every node
   * shares, so a node whose own clock is off takes over no live claim. What the records say happened (sent at, the
   * history) follows the engine's clock, which a demo or a test may move; an e-mail queued at a moved clock is due now.
   */
  OffsetDateTime timingNow() {
    return OffsetDateTime.now(timing);
  }

  // --- one batch ---

  /** This node's hold on the e-mails of one batch, until its lease runs out; extended while the batch runs. */
  private final class Claim {
    final String token = settings.node() + "#" + batches.incrementAndGet();
    final OffsetDateTime from = timingNow();
    OffsetDateTime until = from.plus(settings.lease());
  }

  /** Claims and sends one batch of due e-mails over {@code connection}; the threads call it, and so do tests. */
  public Batch drainOnce(MailConnection connection) {
    Claim claim = new Claim();
    List<Correspondence> claimed =
        transaction.execute(
            s ->
                correspondence.claim(
                    claim.token, claim.from, claim.until, settings.batchSize(), onPostgres));
    return send(claimed, claim, connection);
  }

  /** Sends every due e-mail until none is left, over one connection; for tests and benchmarks that drive it by hand. */
  public int drainAll() {
    int sent = 0;
    try (MailConnection connection = MailConnection.to(sender, window)) {
      for (Batch batch = drainOnce(connection);
          batch.claimed() > 0;
          batch = drainOnce(connection)) {
        sent += batch.sent();
        if (connection.lost) {
          break;
        }
      }
    }
    return sent;
  }

  /** An operator put these e-mails back in the queue or closed them: whatever showed them as waiting is told. */
  void noLongerWaiting(Collection<Long> ids) {
    waiting.noLongerWaiting(ids);
  }

  /**
   * Sends this one e-mail now if it is due and no other dispatcher holds it (an operator's "send again"); answers its
   * status afterwards.
   */
  CorrespondenceStatus sendNow(long id) {
    Claim claim = new Claim();
    List<Correspondence> claimed =
        transaction.execute(s -> correspondence.claimOne(claim.token, id, claim.from, claim.until));
    if (claimed.isEmpty()) {
      // A sending thread (this node's or another's) took it first: its outcome is the answer, not
      // "still waiting".
      return awaitOutcome(id, Duration.ofSeconds(10));
    }
    // Claimed in the caller's region (only its e-mail can be claimed); sent and recorded as the
    // dispatcher's own work,
    // which records by the ids it claimed.
    RegionScope.run(
        RegionScope.ALL,
        () -> {
          try (MailConnection connection = MailConnection.to(sender, window)) {
            send(claimed, claim, connection);
          }
        });
    return correspondence.findById(id).map(Correspondence::status).orElseThrow();
  }

  /** The e-mail's status once it is no longer waiting to be sent, or as it is when that takes longer than {@code patience}. */
  private CorrespondenceStatus awaitOutcome(long id, Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    CorrespondenceStatus status =
        correspondence.findById(id).map(Correspondence::status).orElseThrow();
    while (status == CorrespondenceStatus.PENDING && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        break;
      }
      status = correspondence.findById(id).map(Correspondence::status).orElseThrow();
    }
    return status;
  }

  private Batch send(List<Correspondence> claimed, Claim claim, MailConnection connection) {
    if (claimed.isEmpty()) {
      return Batch.EMPTY;
    }
    int sent = 0;
    int failed = 0;
    int undeliverable = 0;
    for (Correspondence mail : claimed) {
      // A conversation can take up to three timeouts; never start one that could outlive the claim.
      OffsetDateTime now = timingNow();
      if (Duration.between(now, claim.until).compareTo(settings.lease().dividedBy(2)) < 0) {
        OffsetDateTime extended = now.plus(settings.lease());
        Integer stillOurs =
            transaction.execute(s -> correspondence.extendClaim(claim.token, extended));
        if (stillOurs == null || stillOurs == 0) {
          break;
        }
        claim.until = extended;
      }
      MimeMessage message;
      try {
        message = messages.build(mail);
      } catch (MessagingException | RuntimeException e) {
        // The e-mail cannot be built now (its attachment's record is missing, a template changed):
        // try again later.
        failed++;
        recordFailure(mail, "Het bericht kon niet worden opgemaakt: " + describe(e));
        continue;
      }
      try {
        try {
          connection.send(message);
        } catch (MessagingException | RuntimeException e) {
          Optional<String> refusal = SmtpRefusals.permanent(e);
          if (refusal.isPresent()) {
            undeliverable++;
            recordUndeliverable(mail, refusal.get());
            continue;
          }
          failed++;
          recordFailure(mail, describe(e));
          if (connection.lost) {
            break;
          }
          continue;
        }
        sent++;
        if (onPostgres) {
          durably(
              () ->
                  correspondence.recordSentInOneStatement(
                      mail.id(), OffsetDateTime.now(clock), settings.node()),
              false);
        } else {
          durably(
              () ->
                  correspondence.recordSent(mail.id(), OffsetDateTime.now(clock), settings.node()));
        }
      } finally {
        // Recorded: the next e-mail of this node may be accepted (at most one, by default, is ever
        // accepted and not yet
        // recorded).
        connection.leaveWindow();
      }
    }
    if (sent + failed + undeliverable < claimed.size()) {
      // What was claimed and not tried goes back to the queue at once (every outcome recorded above
      // cleared its claim).
      durably(() -> correspondence.release(claim.token));
    }
    return new Batch(claimed.size(), sent, failed, undeliverable);
  }

  private void recordFailure(Correspondence mail, String reason) {
    int attempt = mail.attempts() + 1;
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime retryAt =
        attempt <= settings.retryDelays().size()
            ? timingNow().plus(settings.retryDelays().get(attempt - 1))
            : null;
    String error = CorrespondenceRepository.abbreviate(reason, 2000);
    String what = "kon na " + attempt + " pogingen niet verzonden worden: " + error;
    durably(
        () -> {
          correspondence.recordFailed(mail.id(), error, now, retryAt, settings.node());
          if (retryAt == null) {
            waiting.tellWatchers(mail, what, now, timingNow());
          }
        });
    if (retryAt == null) {
      waiting.showInCockpit(mail, what);
      LOG.warn(
          "E-mail {} ({}) to {} not sent after {} attempts; it waits for a person (Beheer, E-mail): {}",
          mail.id(),
          mail.template(),
          mail.recipient(),
          attempt,
          reason);
    } else {
      LOG.info(
          "E-mail {} ({}) to {} not sent, tried again from {}: {}",
          mail.id(),
          mail.template(),
          mail.recipient(),
          retryAt,
          reason);
    }
  }

  private void recordUndeliverable(Correspondence mail, String refusal) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    String error = CorrespondenceRepository.abbreviate(refusal, 2000);
    String what = "is door de mailserver geweigerd: " + error;
    durably(
        () -> {
          correspondence.recordUndeliverable(mail.id(), error, now, settings.node());
          waiting.tellWatchers(mail, what, now, timingNow());
        });
    waiting.showInCockpit(mail, what);
    LOG.warn(
        "E-mail {} ({}) to {} is undeliverable, the mail server refused it for good: {}",
        mail.id(),
        mail.template(),
        mail.recipient(),
        refusal);
  }

  /**
   * Runs a short transaction until it commits. After the mail server accepted an e-mail, its SENT must be recorded
   * before anything else is sent; while the database is away this thread waits for it instead of moving on.
   */
  private void durably(Runnable work) {
    durably(work, true);
  }

  /** {@code inTransaction} false: the work is one statement, atomic by itself. */
  private void durably(Runnable work, boolean inTransaction) {
    long pause = 200;
    while (true) {
      try {
        if (inTransaction) {
          transaction.executeWithoutResult(s -> work.run());
        } else {
          work.run();
        }
        return;
      } catch (RuntimeException e) {
        if (e instanceof NonTransientDataAccessException
            && !(e instanceof DataAccessResourceFailureException)) {
          throw e; // a fault in the statement, not the database being away: trying again will not
          // help
        }
        if (!running && Thread.currentThread().isInterrupted()) {
          LOG.error(
              "Stopped before this could be recorded; an e-mail that went out may go out once more: {}",
              e.toString());
          throw e;
        }
        LOG.warn(
            "Database not available to record an e-mail's outcome, trying again in {} ms: {}",
            pause,
            e.toString());
        try {
          Thread.sleep(pause);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
        }
        pause = Math.min(pause * 2, 5000);
      }
    }
  }

  private static String describe(Throwable e) {
    Throwable shown = e;
    while (shown.getMessage() == null && shown.getCause() != null) {
      shown = shown.getCause();
    }
    String text =
        shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage().strip();
    Throwable cause = shown.getCause();
    if (cause != null && cause.getMessage() != null && !text.contains(cause.getMessage())) {
      text += " (" + cause.getMessage().strip() + ")";
    }
    return text;
  }

  // --- the threads ---

  @Override
  public void start() {
    signal.reset();
    running = true;
    for (int i = 1; i <= settings.threads(); i++) {
      Thread worker = new Thread(this::work, "mail-dispatcher-" + i);
      worker.setDaemon(true);
      workers.add(worker);
      worker.start();
    }
    LOG.info(
        "E-mail dispatcher {} started: {} threads, {} e-mails per SMTP connection and claim, claims of {} s, at most {} e-mail(s) "
            + "accepted and not yet recorded",
        settings.node(),
        settings.threads(),
        settings.batchSize(),
        settings.lease().toSeconds(),
        settings.unrecordedAtMost());
  }

  private void work() {
    MailConnection connection = MailConnection.to(sender, window);
    long pause = 0;
    boolean databaseAway = false;
    while (running) {
      try {
        long seen = signal.generation();
        Batch batch = drainOnce(connection);
        if (databaseAway) {
          LOG.info("E-mail dispatcher reaches the database again");
          databaseAway = false;
        }
        pause = 0;
        if (batch.claimed() == 0) {
          connection.close();
          signal.awaitAfter(seen, settings.idlePoll());
        } else if (connection.lost) {
          // The mail server is away or broke off: let it breathe before the next connection.
          connection.close();
          connection = MailConnection.to(sender, window);
          signal.sleep(Duration.ofSeconds(2));
        }
      } catch (RuntimeException e) {
        if (!databaseAway) {
          LOG.warn("E-mail dispatcher cannot reach the database, trying again: {}", e.toString());
          databaseAway = true;
        }
        connection.close();
        pause = Math.min(Math.max(pause * 2, 250), 5000);
        signal.sleep(Duration.ofMillis(pause));
      }
    }
    connection.close();
  }

  @Override
  public void stop() {
    running = false;
    signal.wakeAll();
    for (Thread worker : workers) {
      try {
        worker.join(Duration.ofSeconds(35).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    workers.clear();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stops before the engine and the data source, after the web layer. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 2000;
  }
}
