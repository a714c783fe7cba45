package nl.werkpact.keurmerk.keurmerk;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.convenant.Accountmanagers;
import nl.werkpact.keurmerk.keurmerk.process.KeurmerkRemindersProcess;
import nl.werkpact.keurmerk.keurmerk.process.ReminderMoments;
import nl.werkpact.keurmerk.mail.MailOutbox;
import nl.werkpact.keurmerk.region.RegionScope;
import nl.werkpact.keurmerk.support.IntegrationTest;
import nl.werkpact.keurmerk.support.TestUsers;
import nl.werkpact.keurmerk.support.Unique;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What a round of reminders queues, on PostgreSQL with the app's records and outbox, at moments of the test's choosing
 * (the round's own clock): each due reminder of an active keurmerk once, at 09:00 on its day, never one the go-live
 * import passed over, and once only when two rounds run at the same time.
 */
class KeurmerkRemindersIT extends IntegrationTest {

  /** KvK numbers of this class: from 90,000,000 up, apart from the other tests' ones. */
  @Autowired JdbcClient jdbc;

  @Autowired KeurmerkRepository repository;
  @Autowired MailOutbox outbox;
  @Autowired PlatformTransactionManager transactions;
  @Autowired Accountmanagers accountmanagers;
  @Autowired ReminderMoments moments;
  @Autowired ProcessEngineConfigurationImpl engine;
  @Autowired KeurmerkLifecycle lifecycle;

  private static final AtomicInteger NEXT_DAY = new AtomicInteger(20);

  private final ReminderSchedule schedule = ReminderSchedule.parse("P90D", "P30D", "P1M");

  /**
   * The day of the rounds: a little ahead, so nothing of this class is due on the real clock but the late reminder. On
   * the 28th at the latest: a membership that ends a month after the 29th, 30th or 31st (28 February, say) is reminded
   * a month before its end, which is days before this day, so "not yet due at 08:59" would not hold (a red run on a 31st).
   */
  private final LocalDate day = nextDay();

  /** Each test its own day, never another's: from 20 days ahead, day after day, skipping the 29th to the 31st. */
  private static LocalDate nextDay() {
    while (true) {
      LocalDate date = LocalDate.now(Dates.AMSTERDAM).plusDays(NEXT_DAY.getAndIncrement());
      if (date.getDayOfMonth() <= 28) {
        return date;
      }
    }
  }

  private final String tag = "r" + Unique.suffix();
  private int next;

  @BeforeEach
  void users() {
    ensureTestUsers();
  }

  @Test
  void eachDueReminderOfAnActiveKeurmerkIsQueuedOnceAt0900OnItsDay() throws Exception {
    long renewal = keurmerk(day.plusDays(90), day.plusDays(400), "ACTIVE", createdLongAgo(), true);
    long membership =
        keurmerk(day.plusDays(400), day.plusMonths(1), "ACTIVE", createdLongAgo(), false);
    long withdrawn =
        keurmerk(day.plusDays(90), day.plusMonths(1), "WITHDRAWN", createdLongAgo(), true);
    long lastDayPassed =
        keurmerk(day.minusDays(1), day.minusMonths(11), "ACTIVE", createdLongAgo(), true);

    round("08:59");
    assertThat(queued(renewal, membership, withdrawn, lastDayPassed)).isEmpty();

    round("09:00");
    assertThat(queued(renewal, membership, withdrawn, lastDayPassed))
        .containsExactlyInAnyOrder(
            "renewal-reminder:RENEWAL_FIRST:" + renewal,
            "renewal-reminder:RENEWAL_FIRST:" + renewal + ":accountmanager",
            "membership-reminder:MEMBERSHIP_END:" + membership);
    round("09:15");
    assertThat(queued(renewal, membership, withdrawn, lastDayPassed)).hasSize(3);

    // The e-mail goes out, about the keurmerk's validity period (where Cockpit shows it if it
    // cannot be delivered).
    assertThat(awaitMailTo(recipient(renewal)).getSubject()).startsWith("Herinnering: keurmerk");
    assertThat(
            jdbc.sql("SELECT process_instance_id FROM correspondence WHERE dedup_key = ?")
                .param("renewal-reminder:RENEWAL_FIRST:" + renewal)
                .query(String.class)
                .single())
        .as("the keurmerk's validity instance")
        .isEqualTo("vi-" + renewal);
  }

  @Test
  void aSuspendedKeurmerkGetsNoReminderUntilTheSuspensionIsLifted() {
    long renewal = keurmerk(day.plusDays(90), day.plusDays(400), "ACTIVE", createdLongAgo(), true);
    long suspension =
        jdbc.sql(
                """
                INSERT INTO keurmerk_suspension (keurmerk_id, reason, suspended_on, until_day, suspended_by, created_at)
                VALUES (?, 'Onderzoek naar een klacht', ?, NULL, 'itcommissie', ?) RETURNING id""")
            .params(renewal, day.minusDays(3), OffsetDateTime.now())
            .query(Long.class)
            .single();

    round("09:00");
    assertThat(queued(renewal)).as("paused while suspended").isEmpty();

    jdbc.sql("UPDATE keurmerk_suspension SET lifted_on = ?, lifted_by = 'itcommissie' WHERE id = ?")
        .params(day, suspension)
        .update();
    round("09:15");
    assertThat(queued(renewal))
        .as("the reminder that fell due comes once the suspension is lifted")
        .contains("renewal-reminder:RENEWAL_FIRST:" + renewal);
  }

  @Test
  void aReminderWhileTheRenewalAuditRunsSaysWhereItStandsInsteadOfAskingToRequestIt()
      throws Exception {
    long underway = keurmerk(day.plusDays(30), day.plusDays(400), "ACTIVE", createdLongAgo(), true);
    long employer =
        jdbc.sql("SELECT employer_id FROM keurmerk WHERE id = ?")
            .param(underway)
            .query(Long.class)
            .single();
    jdbc.sql(
            "INSERT INTO audit (employer_id, status, running_for_employer_id, renewal_of_keurmerk_id, requested_at, planned_date) VALUES (?, 'PLANNED', ?, ?, ?, ?)")
        .params(
            employer,
            employer,
            underway,
            day.minusDays(70).atTime(LocalTime.NOON).atZone(Dates.AMSTERDAM).toOffsetDateTime(),
            day.plusDays(12))
        .update();

    round("09:00");

    String employerText = body("renewal-reminder:RENEWAL_SECOND:" + underway);
    assertThat(employerText)
        .contains(
            "De verlengingsaudit is aangevraagd op "
                + Dates.dutch(day.minusDays(70))
                + " en gepland op "
                + Dates.dutch(day.plusDays(12))
                + ".")
        .contains("U hoeft niets meer aan te vragen")
        .doesNotContain("Vraag dan tijdig de verlengingsaudit aan");
    String copy = body("renewal-reminder:RENEWAL_SECOND:" + underway + ":accountmanager");
    assertThat(copy)
        .contains("De verlengingsaudit is aangevraagd op " + Dates.dutch(day.minusDays(70)))
        .doesNotContain("U vraagt die aan in de Takenlijst");
  }

  @Test
  void theAccountmanagerHearsOfAnExpiryAndAWithdrawalOfItsEmployersKeurmerk() {
    long expires = keurmerk(day.minusDays(1), day.plusDays(300), "ACTIVE", createdLongAgo(), true);
    long withdrawn =
        keurmerk(day.plusDays(200), day.plusDays(300), "ACTIVE", createdLongAgo(), true);
    long noAccountmanager =
        keurmerk(day.minusDays(1), day.plusDays(300), "ACTIVE", createdLongAgo(), false);

    lifecycle.expire(expires, "vi-" + expires);
    lifecycle.withdraw(withdrawn, "Geen extra werkplekken meer.", "vi-" + withdrawn);
    lifecycle.expire(noAccountmanager, "vi-" + noAccountmanager);

    assertThat(queued(expires))
        .containsExactlyInAnyOrder(
            "keurmerk-expired:" + expires, "keurmerk-expired:" + expires + ":accountmanager");
    assertThat(body("keurmerk-expired:" + expires + ":accountmanager"))
        .startsWith("Beste Test " + ACCOUNTMANAGER + ",")
        .contains("is niet verlengd");
    assertThat(body("keurmerk-expired:" + expires))
        .as("the employer's e-mail names its accountmanager and the Werkgeversservicepunt")
        .contains("Test " + ACCOUNTMANAGER + ", uw accountmanager")
        .contains("010 246 55 00");
    assertThat(body("keurmerk-withdrawn:" + withdrawn + ":accountmanager"))
        .contains("Reden: Geen extra werkplekken meer.");
    assertThat(queued(noAccountmanager)).containsExactly("keurmerk-expired:" + noAccountmanager);
  }

  private String body(String dedupKey) {
    return jdbc.sql("SELECT body_text FROM correspondence WHERE dedup_key = ?")
        .param(dedupKey)
        .query(String.class)
        .single();
  }

  @Test
  void
      aReminderWhoseMomentWasGoneWhenTheKeurmerkWasImportedIsPassedOverUnlessTheImportSendsThemLate() {
    // Valid until 60 days after the day: the first renewal reminder fell due 30 days before it, the
    // second is ahead.
    OffsetDateTime importedAfterTheFirst =
        day.minusDays(10).atTime(LocalTime.NOON).atZone(Dates.AMSTERDAM).toOffsetDateTime();
    long passedOver =
        keurmerk(day.plusDays(60), day.plusDays(300), "ACTIVE", importedAfterTheFirst, false);
    long sentLate = keurmerk(day.plusDays(60), day.plusDays(300), "ACTIVE", null, false);

    round("09:00");
    assertThat(queued(passedOver, sentLate))
        .containsExactly("renewal-reminder:RENEWAL_FIRST:" + sentLate);

    // Thirty days before the end, the second reminder goes to both.
    roundAt(day.plusDays(30), "09:00");
    assertThat(queued(passedOver, sentLate))
        .containsExactlyInAnyOrder(
            "renewal-reminder:RENEWAL_FIRST:" + sentLate,
            "renewal-reminder:RENEWAL_SECOND:" + sentLate,
            "renewal-reminder:RENEWAL_SECOND:" + passedOver);
  }

  @Test
  void twoRoundsAtTheSameTimeQueueEachReminderOnce() throws Exception {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 2 * KeurmerkReminders.CHUNK + 50; i++) {
      ids.add(keurmerk(day.plusDays(90), day.plusDays(400), "ACTIVE", createdLongAgo(), false));
    }

    var pool = Executors.newFixedThreadPool(2);
    try {
      // each as the round's delegate runs it: in the region of its process instance
      Callable<Object> round =
          () ->
              RegionScope.in(
                  TestUsers.REGION,
                  () -> {
                    round("09:00");
                    return null;
                  });
      for (var result : pool.invokeAll(List.of(round, round))) {
        result.get();
      }
    } finally {
      pool.shutdownNow();
    }

    List<String> keys = queued(ids.stream().mapToLong(Long::longValue).toArray());
    assertThat(keys).hasSize(ids.size()).doesNotHaveDuplicates();
  }

  /**
   * A round that lasts longer than the job executor's lock (30 s): here a row lock that another transaction holds for
   * 40 s on the very e-mail the round must queue, as a big storm or a slow database would make it last. The round goes
   * on in steps that each end well inside the lock, so the engine never takes it for a dead one and starts it again:
   * one round, no error in the log, one timer for the next round, the reminder queued once. A second round started
   * meanwhile (the next quarter of an hour) ends at once.
   */
  @Test
  void aRoundLongerThanTheJobLockRunsOnceInBoundedStepsAndLeavesOneTimer() throws Exception {
    long keurmerk =
        keurmerk(
            LocalDate.now(Dates.AMSTERDAM).plusDays(80),
            LocalDate.now(Dates.AMSTERDAM).plusMonths(6),
            "ACTIVE",
            null,
            false);
    String dedupKey = "renewal-reminder:RENEWAL_FIRST:" + keurmerk;
    Duration lock = Duration.ofMillis(engine.getJobExecutor().getLockTimeInMillis());
    var errors = new ErrorLog();
    var blocker = new CountDownLatch(1);
    var held = new CompletableFuture<Void>();
    Thread holder =
        new Thread(
            () -> holdTheRowOf(dedupKey, lock.plusSeconds(10), held, blocker), "row-lock-holder");
    holder.start();
    held.get(30, TimeUnit.SECONDS);
    try {
      var jobs = engine.getManagementService();
      var first = startRoundByItsTimer();
      awaitUntil(Duration.ofSeconds(30), () -> lease.holder().filter(first::equals).isPresent());
      String second = startRoundByItsTimer();
      awaitUntil(
          Duration.ofSeconds(30),
          () ->
              engine
                      .getHistoryService()
                      .createHistoricProcessInstanceQuery()
                      .processInstanceId(second)
                      .finished()
                      .count()
                  == 1);
      assertThat(
              engine
                  .getRuntimeService()
                  .createProcessInstanceQuery()
                  .processInstanceId(first)
                  .count())
          .as("the first round still at work when the second ended")
          .isEqualTo(1);

      awaitReminderRoundsDone();

      var history = engine.getHistoryService();
      var round =
          history.createHistoricProcessInstanceQuery().processInstanceId(first).singleResult();
      var steps =
          history
              .createHistoricActivityInstanceQuery()
              .processInstanceId(first)
              .activityId(KeurmerkRemindersProcess.Elements.TASK_QUEUE_DUE_REMINDERS)
              .list();
      assertThat(Duration.between(round.getStartTime().toInstant(), round.getEndTime().toInstant()))
          .as("the round's length")
          .isGreaterThan(lock);
      assertThat(steps)
          .as("its steps")
          .hasSizeGreaterThan(2)
          .allSatisfy(
              step ->
                  assertThat(Duration.ofMillis(step.getDurationInMillis()))
                      .as("one step's length")
                      .isLessThan(lock.dividedBy(2)));
      assertThat(
              jobs.createJobQuery()
                  .processDefinitionKey(KeurmerkRemindersProcess.PROCESS_KEY)
                  .tenantIdIn(nl.werkpact.keurmerk.support.TestUsers.REGION)
                  .count())
          .as("jobs of rounds left: the next round's timer")
          .isEqualTo(1);
      assertThat(
              jdbc.sql("SELECT COUNT(*) FROM correspondence WHERE dedup_key = ?")
                  .param(dedupKey)
                  .query(Long.class)
                  .single())
          .isEqualTo(1);
      assertThat(errors.lines()).as("errors logged meanwhile").isEmpty();
    } finally {
      blocker.countDown();
      holder.join();
      errors.close();
    }
  }

  @Autowired ReminderRoundLease lease;

  /** Fires the rounds' timer as the job executor would when it is due; answers the round it started. */
  private String startRoundByItsTimer() {
    var jobs = engine.getManagementService();
    var before =
        new HashSet<>(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(KeurmerkRemindersProcess.PROCESS_KEY)
                .tenantIdIn(nl.werkpact.keurmerk.support.TestUsers.REGION)
                .list()
                .stream()
                .map(p -> p.getId())
                .toList());
    var timer =
        jobs.createJobQuery()
            .processDefinitionKey(KeurmerkRemindersProcess.PROCESS_KEY)
            .tenantIdIn(nl.werkpact.keurmerk.support.TestUsers.REGION)
            .timers()
            .singleResult();
    jobs.executeJob(timer.getId());
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(KeurmerkRemindersProcess.PROCESS_KEY)
        .tenantIdIn(nl.werkpact.keurmerk.support.TestUsers.REGION)
        .orderByProcessInstanceStartTime()
        .desc()
        .list()
        .stream()
        .map(p -> p.getId())
        .filter(id -> !before.contains(id))
        .findFirst()
        .orElseThrow();
  }

  /** Another transaction inserts the e-mail the round will queue and keeps it open (its row locked) until {@code atLeast}. */
  private void holdTheRowOf(
      String dedupKey, Duration atLeast, CompletableFuture<Void> held, CountDownLatch released) {
    try (var connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (var insert =
          connection.prepareStatement(
              """
          INSERT INTO correspondence (dedup_key, recipient, template, subject, body_text, body_html, status, concerns_type, concerns_id,
                                      created_at, attempts, next_attempt_at, region_code)
          VALUES (?, 'x@example.org', 'renewal-reminder', 's', 't', 'h', 'PENDING', 'KEURMERK', 0, now(), 0, now(), 'mvs')""")) {
        insert.setString(1, dedupKey);
        insert.executeUpdate();
      }
      held.complete(null);
      released.await(atLeast.toMillis(), TimeUnit.MILLISECONDS);
      connection.rollback();
    } catch (Exception e) {
      held.completeExceptionally(e);
    }
  }

  @Autowired DataSource dataSource;

  /** The ERROR lines logged while it is open. */
  private static final class ErrorLog implements AutoCloseable {
    private final ch.qos.logback.classic.Logger root =
        (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    ErrorLog() {
      appender.start();
      root.addAppender(appender);
    }

    List<String> lines() {
      return appender.list.stream()
          .filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
          .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage())
          .toList();
    }

    @Override
    public void close() {
      root.detachAppender(appender);
    }
  }

  @Test
  void theDemoClockFindsTheNextReminderMomentWithTheDeployedModelsPeriods() {
    long renewal = keurmerk(day.plusDays(90), day.plusDays(400), "ACTIVE", createdLongAgo(), false);
    var due = day.atTime(ReminderSchedule.TIME).atZone(Dates.AMSTERDAM).toInstant();

    var next = moments.nextAfter(due.minusSeconds(3600));

    // Another test's keurmerk may fall due in between; none of this one's is queued yet.
    assertThat(next)
        .hasValueSatisfying(
            moment -> assertThat(moment).isAfter(due.minusSeconds(3600)).isBeforeOrEqualTo(due));
    assertThat(queued(renewal)).isEmpty();
  }

  @Test
  void theRoundsLeaveNoHistoryPileBehindThemInCockpit() {
    var round =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey(KeurmerkRemindersProcess.PROCESS_KEY)
            .tenantIdIn(nl.werkpact.keurmerk.support.TestUsers.REGION)
            .latestVersion()
            .singleResult();

    assertThat(round.getHistoryTimeToLive()).isEqualTo(30);
    assertThat(engine.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
    assertThat(engine.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
  }

  private void round(String time) {
    roundAt(day, time);
  }

  private void roundAt(LocalDate date, String time) {
    ZonedDateTime at = date.atTime(LocalTime.parse(time)).atZone(Dates.AMSTERDAM);
    new KeurmerkReminders(
            repository, outbox, transactions, Clock.fixed(at.toInstant(), Dates.AMSTERDAM))
        .queueDue(schedule, accountmanagers::emailsFor);
  }

  private static OffsetDateTime createdLongAgo() {
    return OffsetDateTime.now().minusYears(3);
  }

  /** The dedup keys of the e-mails queued about these keurmerken. */
  private List<String> queued(long... keurmerkIds) {
    List<Long> ids = Arrays.stream(keurmerkIds).boxed().toList();
    return jdbc.sql(
            "SELECT dedup_key FROM correspondence WHERE concerns_type = 'KEURMERK' AND concerns_id IN (:ids)")
        .param("ids", ids)
        .query(String.class)
        .list();
  }

  private String recipient(long keurmerkId) {
    return jdbc.sql(
            "SELECT e.contact_email FROM employer e JOIN keurmerk k ON k.employer_id = e.id WHERE k.id = ?")
        .param(keurmerkId)
        .query(String.class)
        .single();
  }

  /** A keurmerk written directly (the award is not what is tested here), with its membership, optionally its accountmanager. */
  private long keurmerk(
      LocalDate validUntil,
      LocalDate membershipUntil,
      String status,
      OffsetDateTime remindersFrom,
      boolean withAccountmanager) {
    OffsetDateTime now = OffsetDateTime.now();
    int n = next++;
    String kvk = Unique.kvk();
    long employerId =
        jdbc.sql(
                """
            INSERT INTO employer (name, kvk_number, address, municipality, contact_person, contact_email, created_at, updated_at)
            VALUES (?, ?, 'Markt 1', 'Schiedam', 'Contact', ?, ?, ?) RETURNING id""")
            .params(
                "Werkgever " + tag + "-" + n, kvk, "contact" + n + "@" + tag + ".example", now, now)
            .query(Long.class)
            .single();
    if (withAccountmanager) {
      jdbc.sql(
              "INSERT INTO convenant (employer_id, status, open_for_employer_id, registered_at, registered_by) VALUES (?, 'SIGNED', ?, ?, ?)")
          .params(employerId, employerId, now, ACCOUNTMANAGER)
          .update();
    }
    long auditId =
        jdbc.sql(
                "INSERT INTO audit (employer_id, status, requested_at) VALUES (?, 'AWARDED', ?) RETURNING id")
            .params(employerId, now)
            .query(Long.class)
            .single();
    long id =
        jdbc.sql(
                """
            INSERT INTO keurmerk (number, employer_id, audit_id, valid_from, valid_until, status, created_at, reminders_from)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
            .params(
                "RT-" + tag + "-" + n,
                employerId,
                auditId,
                validUntil.minusYears(2).plusDays(1),
                validUntil,
                status,
                now,
                remindersFrom)
            .query(Long.class)
            .single();
    jdbc.sql("UPDATE keurmerk SET validity_process_instance_id = ? WHERE id = ?")
        .params("vi-" + id, id)
        .update();
    jdbc.sql(
            "INSERT INTO membership (keurmerk_id, employer_id, valid_from, valid_until) VALUES (?, ?, ?, ?)")
        .params(id, employerId, validUntil.minusYears(2).plusDays(1), membershipUntil)
        .update();
    return id;
  }
}
