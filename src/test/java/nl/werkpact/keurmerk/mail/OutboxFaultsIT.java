package nl.werkpact.keurmerk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import nl.werkpact.keurmerk.clock.DatabaseClock;
import nl.werkpact.keurmerk.support.ScriptedSmtpServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The outbox under faults, on a real PostgreSQL of its own (so it can be restarted) and a real SMTP server that answers
 * what the test says and counts what it accepted per e-mail. Each test drains a storm and asserts what arrived: every
 * e-mail (none lost), duplicates (at most one per crash, none otherwise), and how soon sending resumed.
 */
class OutboxFaultsIT {

  private static Path dataDirectory;
  private static int port;
  private static EmbeddedPostgres postgres;
  private static HikariDataSource dataSource;
  private static JdbcClient jdbc;

  private ScriptedSmtpServer smtp;
  private final List<MailDispatcher> running = new ArrayList<>();

  @BeforeAll
  static void startPostgres() throws IOException {
    dataDirectory = Files.createTempDirectory("outbox-faults-pg");
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    postgres = startPostgresAgain();
    dataSource = OutboxNode.dataSource(url());
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    // as the app's own data access: the storm below is queued as a region's work
    jdbc =
        JdbcClient.create(
            new org.springframework.jdbc.core.JdbcTemplate(
                new nl.werkpact.keurmerk.region.RegionDataSource(dataSource)));
  }

  private static EmbeddedPostgres startPostgresAgain() throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(dataDirectory)
        .setCleanDataDirectory(false)
        .setPort(port)
        .setServerConfig("fsync", "off")
        .start();
  }

  private static String url() {
    return "jdbc:postgresql://localhost:" + port + "/postgres";
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    dataSource.close();
    postgres.close();
    FileSystemUtils.deleteRecursively(dataDirectory);
  }

  @BeforeEach
  void setUp() {
    smtp = new ScriptedSmtpServer();
    jdbc.sql("DELETE FROM correspondence_event").update();
    jdbc.sql("DELETE FROM correspondence").update();
  }

  @AfterEach
  void tearDown() {
    running.forEach(MailDispatcher::stop);
    smtp.close();
  }

  private MailDispatcher start(
      String node, MailDispatcher.Settings settings, Duration smtpTimeout) {
    var dispatcher =
        OutboxNode.dispatcher(
            dataSource, OutboxNode.smtp(smtp.port(), smtpTimeout), settings.withNode(node));
    dispatcher.start();
    running.add(dispatcher);
    return dispatcher;
  }

  private static MailDispatcher.Settings quickRetries() {
    return MailDispatcher.Settings.defaults()
        .withRetryDelays(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1)));
  }

  /** {@code count} e-mails due now, as a storm of reminders leaves them. */
  private static void storm(int count, String prefix) {
    nl.werkpact.keurmerk.region.RegionScope.run(
        nl.werkpact.keurmerk.support.TestUsers.REGION, () -> queueStorm(count, prefix));
  }

  private static void queueStorm(int count, String prefix) {
    var repository = new CorrespondenceRepository(jdbc);
    var rendered =
        new RenderedMail(
            "Herinnering: keurmerk verloopt",
            "Beste werkgever, ...",
            "<p>Beste werkgever, ...</p>");
    OffsetDateTime now = OffsetDateTime.now();
    var transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    for (int from = 0; from < count; from += 500) {
      int start = from;
      transactions.executeWithoutResult(
          s -> {
            for (int i = start; i < Math.min(count, start + 500); i++) {
              repository.insert(
                  new MailRequest(
                      "renewal-reminder",
                      prefix + i + "@werkgever.example",
                      Map.of(),
                      "KEURMERK",
                      i,
                      null,
                      prefix + ":" + i),
                  rendered,
                  now,
                  now);
            }
          });
    }
  }

  private long count(String status) {
    return jdbc.sql("SELECT COUNT(*) FROM correspondence WHERE status = ?")
        .param(status)
        .query(Long.class)
        .single();
  }

  private static void await(Duration limit, String what, BooleanSupplier condition)
      throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("Not reached within " + limit + ": " + what);
      }
      Thread.sleep(100);
    }
  }

  @Test
  void aNodesThreadsTalkSideBySideButNoEmailIsAcceptedWhileAnotherAwaitsItsRecord()
      throws Exception {
    storm(600, "window");
    var worst = new AtomicLong();
    // Whenever the server is about to accept an e-mail, every e-mail it accepted before must be
    // recorded as sent: a
    // crash can then duplicate only the one being accepted.
    smtp.beforeAccepting(
        key -> {
          long acceptedBefore = smtp.acceptedTotal();
          long recorded =
              jdbc.sql("SELECT COUNT(*) FROM correspondence WHERE status = 'SENT'")
                  .query(Long.class)
                  .single();
          worst.accumulateAndGet(acceptedBefore - recorded, Math::max);
        });
    start("window-node", MailDispatcher.Settings.defaults(), Duration.ofSeconds(10));

    await(Duration.ofMinutes(2), "all sent", () -> count("SENT") == 600);

    assertThat(MailDispatcher.Settings.defaults().threads()).isGreaterThan(1);
    assertThat(smtp.connections()).as("conversations side by side").isGreaterThan(1);
    assertThat(worst.get())
        .as("e-mails accepted and not yet recorded when the next was accepted")
        .isZero();
    assertThat(smtp.duplicates()).isZero();
  }

  @Test
  void twoNodesDrainOneStormAndEveryEmailArrivesOnce() throws Exception {
    storm(2000, "two");
    start("node-a", MailDispatcher.Settings.defaults(), Duration.ofSeconds(10));
    start("node-b", MailDispatcher.Settings.defaults(), Duration.ofSeconds(10));

    await(Duration.ofMinutes(3), "all sent", () -> count("SENT") == 2000);

    assertThat(smtp.acceptedTotal()).isEqualTo(2000);
    assertThat(smtp.duplicates()).isZero();
    var byNode =
        jdbc.sql(
                "SELECT actor, COUNT(*) FROM correspondence_event WHERE kind = 'SENT' GROUP BY actor")
            .query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2))
            .list();
    assertThat(byNode).as("both nodes sent: %s", byNode).hasSize(2);
    assertThat(smtp.connections()).as("connections shared by many e-mails").isLessThan(400);
  }

  /**
   * One node's clock five minutes ahead of the other's. Judged by each node's own clock (as the outbox once did), the
   * fast node takes over the slow node's live claims and sends their e-mails a second time: the fault is real. Judged by
   * the database's clock (as the app builds its dispatcher), the same skew sends every e-mail once.
   */
  @Test
  void aNodeWhoseClockRunsFiveMinutesAheadTakesOverNoLiveClaimOfAnother() throws Exception {
    Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(5));
    smtp.beforeAccepting(
        key ->
            pause(
                Duration.ofMillis(2))); // each conversation takes a moment, as a real relay's does
    storm(1000, "own-clocks");
    startWith("slow-node", Clock.systemUTC(), Clock.systemUTC());
    startWith("fast-node", ahead, ahead);
    await(
        Duration.ofMinutes(3),
        "all sent by nodes on their own clocks",
        () -> count("SENT") == 1000);
    long duplicatesOnOwnClocks = smtp.duplicates();
    running.forEach(MailDispatcher::stop);
    running.clear();
    assertThat(duplicatesOnOwnClocks)
        .as("duplicates when each node judges leases by its own clock")
        .isPositive();
    LoggerFactory.getLogger(OutboxFaultsIT.class)
        .info(
            "Clock skew of 5 minutes, leases judged by each node's own clock: {} of 1000 "
                + "e-mails sent twice",
            duplicatesOnOwnClocks);

    smtp.close();
    setUp();
    smtp.beforeAccepting(key -> pause(Duration.ofMillis(2)));
    storm(1000, "database-clock");
    startWith("slow-node", Clock.systemUTC(), new DatabaseClock(dataSource));
    startWith("fast-node", ahead, new DatabaseClock(dataSource));
    await(
        Duration.ofMinutes(3),
        "all sent by nodes on the database's clock",
        () -> count("SENT") == 1000);

    assertThat(smtp.acceptedTotal()).isEqualTo(1000);
    assertThat(smtp.duplicates())
        .as("duplicates with the database's clock (%d on own clocks)", duplicatesOnOwnClocks)
        .isZero();
    var byNode =
        jdbc.sql(
                "SELECT actor, COUNT(*) FROM correspondence_event WHERE kind = 'SENT' GROUP BY actor")
            .query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2))
            .list();
    assertThat(byNode).as("both nodes sent: %s", byNode).hasSize(2);
  }

  private MailDispatcher startWith(String node, Clock own, Clock timing) {
    var dispatcher =
        OutboxNode.dispatcher(
            dataSource,
            OutboxNode.smtp(smtp.port(), Duration.ofSeconds(10)),
            MailDispatcher.Settings.defaults().withNode(node),
            own,
            timing);
    dispatcher.start();
    running.add(dispatcher);
    return dispatcher;
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aNodeKilledMidStormLosesNothingAndItsClaimsGoOutWithinAMinute() throws Exception {
    storm(3000, "kill");
    Process node =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-cp",
                System.getProperty("java.class.path"),
                OutboxNode.class.getName(),
                url(),
                String.valueOf(smtp.port()),
                "doomed-node")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      await(Duration.ofMinutes(2), "the doomed node sends", () -> smtp.acceptedTotal() >= 300);
    } finally {
      node.destroyForcibly().waitFor(); // kill -9: no shutdown hook, claims left behind
    }
    long killed = System.nanoTime();
    long claimedByTheDead =
        jdbc.sql(
                "SELECT COUNT(*) FROM correspondence WHERE claimed_by LIKE 'doomed-node#%' AND status <> 'SENT'")
            .query(Long.class)
            .single();

    start("restarted-node", MailDispatcher.Settings.defaults(), Duration.ofSeconds(10));
    await(Duration.ofMinutes(3), "all sent", () -> count("SENT") == 3000);
    Duration toFinish = Duration.ofNanos(System.nanoTime() - killed);
    String lastSent =
        jdbc.sql(
                "SELECT MAX(occurred_at) FROM correspondence_event WHERE kind = 'SENT' AND actor = 'restarted-node'")
            .query(String.class)
            .single();

    assertThat(smtp.acceptedByKey()).hasSize(3000); // none lost
    assertThat(smtp.duplicates())
        .as("at most the one in the accept-before-commit window")
        .isLessThanOrEqualTo(1);
    // The dead node's claims run out after the 40 s lease and go out then; the rest goes out
    // meanwhile.
    assertThat(toFinish)
        .as("%s claims of the dead node; last sent %s", claimedByTheDead, lastSent)
        .isLessThan(Duration.ofSeconds(60 + 30));
    System.out.printf(
        "kill -9: %d claims of the dead node, all 3000 sent %.1f s after the kill, %d duplicate(s)%n",
        claimedByTheDead, toFinish.toMillis() / 1000.0, smtp.duplicates());
  }

  @Test
  void aPostgresRestartMidStormRecoversWithoutAnAppRestart() throws Exception {
    storm(2000, "restart");
    start("node-a", MailDispatcher.Settings.defaults(), Duration.ofSeconds(10));
    await(Duration.ofMinutes(2), "sending started", () -> smtp.acceptedTotal() >= 300);

    postgres.close();
    int acceptedWhileDown = smtp.acceptedTotal();
    Thread.sleep(
        2000); // down for a while: the dispatcher keeps trying without a restart of its own
    postgres = startPostgresAgain();
    long back = System.nanoTime();
    await(
        Duration.ofSeconds(60),
        "sending resumed",
        () -> smtp.acceptedTotal() > acceptedWhileDown + 10);
    Duration toResume = Duration.ofNanos(System.nanoTime() - back);
    await(Duration.ofMinutes(3), "all sent", () -> count("SENT") == 2000);

    assertThat(smtp.acceptedByKey()).hasSize(2000);
    assertThat(smtp.duplicates())
        .as("a SENT that could not be recorded is recorded once the database is back")
        .isZero();
    assertThat(toResume).isLessThan(Duration.ofSeconds(60));
    System.out.printf(
        "PostgreSQL restart: sending resumed %.1f s after the database was back, 0 lost, %d duplicates%n",
        toResume.toMillis() / 1000.0, smtp.duplicates());
  }

  @Test
  void smtpTryingLaterForTheWholeRetryCycleThenBackSendsEachOnceAfterAResend() throws Exception {
    storm(200, "later");
    smtp.mode(ScriptedSmtpServer.Mode.TRY_LATER);
    var dispatcher = start("node-a", quickRetries(), Duration.ofSeconds(10));
    await(
        Duration.ofMinutes(1),
        "all gave up",
        () ->
            jdbc.sql(
                        "SELECT COUNT(*) FROM correspondence WHERE status = 'FAILED' AND next_attempt_at IS NULL")
                    .query(Long.class)
                    .single()
                == 200);
    assertThat(smtp.acceptedTotal()).isZero();
    assertThat(jdbc.sql("SELECT MIN(attempts) FROM correspondence").query(Integer.class).single())
        .isEqualTo(3);

    smtp.mode(ScriptedSmtpServer.Mode.ACCEPT);
    var outbox =
        new MailOutbox(
            new CorrespondenceRepository(jdbc),
            new MailTemplates(),
            dispatcher,
            new OutboxSignal(),
            new DataSourceTransactionManager(dataSource),
            Clock.systemUTC());
    long resent = System.nanoTime();
    assertThat(outbox.resendAll("petra")).isEqualTo(200);
    await(Duration.ofSeconds(30), "all sent", () -> count("SENT") == 200);

    assertThat(Duration.ofNanos(System.nanoTime() - resent)).isLessThan(Duration.ofSeconds(10));
    assertThat(smtp.acceptedTotal()).isEqualTo(200);
    assertThat(smtp.duplicates()).isZero();
  }

  @Test
  void oneRefusedAddressAmongGoodOnesIsUndeliverableAtOnceAndHoldsUpNothing() throws Exception {
    storm(300, "refuse");
    smtp.refuse("refuse150@werkgever.example");
    start("node-a", MailDispatcher.Settings.defaults(), Duration.ofSeconds(10));

    await(
        Duration.ofMinutes(1),
        "all done",
        () -> count("SENT") == 299 && count("UNDELIVERABLE") == 1);

    var refused =
        jdbc.sql("SELECT attempts, last_error FROM correspondence WHERE status = 'UNDELIVERABLE'")
            .query()
            .singleRow();
    assertThat(refused.get("attempts")).isEqualTo(1);
    assertThat((String) refused.get("last_error")).contains("550 5.1.1");
    assertThat(smtp.acceptedTotal()).isEqualTo(299);
    assertThat(smtp.duplicates()).isZero();
  }

  @Test
  void aHangingServerTimesOutEachAttemptAndWhenItAnswersAgainEveryEmailGoesOutOnce()
      throws Exception {
    storm(20, "hang");
    smtp.mode(ScriptedSmtpServer.Mode.SILENT);
    start("node-a", quickRetries(), Duration.ofMillis(500));

    await(Duration.ofSeconds(30), "timeouts recorded", () -> count("FAILED") >= 2);
    assertThat(
            jdbc.sql("SELECT last_error FROM correspondence WHERE status = 'FAILED'")
                .query(String.class)
                .list())
        .allSatisfy(error -> assertThat(error).containsIgnoringCase("timed out"));
    long silentEnded = System.nanoTime();
    smtp.mode(ScriptedSmtpServer.Mode.ACCEPT);

    await(Duration.ofSeconds(60), "all sent", () -> count("SENT") == 20);
    assertThat(smtp.acceptedTotal()).isEqualTo(20);
    assertThat(smtp.duplicates()).isZero();
    System.out.printf(
        "Hanging SMTP: all 20 sent %.1f s after it answered again%n",
        (System.nanoTime() - silentEnded) / 1e9);
  }
}
