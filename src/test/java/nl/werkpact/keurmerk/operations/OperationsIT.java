package nl.werkpact.keurmerk.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import nl.werkpact.keurmerk.convenant.ConvenantService;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.mail.CorrespondenceRepository;
import nl.werkpact.keurmerk.mail.MailTemplates;
import nl.werkpact.keurmerk.mail.RefusedEmails;
import nl.werkpact.keurmerk.support.IntegrationTest;
import nl.werkpact.keurmerk.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;

/** What an operator and a container platform see: health probes, metrics, and that nothing else is public. */
class OperationsIT extends IntegrationTest {

  private static final String ADMIN = "itadmin";
  private static final String ADMIN_PASSWORD = "Integratie-Beheer-2026!";

  @Autowired TestRestTemplate rest;
  @Autowired CorrespondenceRepository correspondence;
  @Autowired MailTemplates templates;
  @Autowired PlatformTransactionManager transactions;
  @Autowired DataSource dataSource;

  @Test
  void healthIsPublicButShowsOnlyItsStatus() {
    for (String probe :
        new String[] {
          "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"
        }) {
      ResponseEntity<String> answer = rest.getForEntity(probe, String.class);
      assertThat(answer.getStatusCode().value()).as(probe).isEqualTo(200);
      assertThat(answer.getBody())
          .as(probe)
          .startsWith("{\"status\":\"UP\"")
          .doesNotContain("components", "details", "postgres", "smtp");
    }
  }

  @Test
  void operatorsSeeWhatReadinessIsMadeOfAndTheSmtpServerAsInformation() {
    String readiness =
        rest.withBasicAuth(ADMIN, ADMIN_PASSWORD)
            .getForObject("/actuator/health/readiness", String.class);
    String health =
        rest.withBasicAuth(ADMIN, ADMIN_PASSWORD).getForObject("/actuator/health", String.class);

    assertThat(readiness)
        .contains("\"db\"", "\"processEngine\"", "\"jobExecutor\"", "\"readinessState\"")
        .doesNotContain("\"smtp\"");
    assertThat(health).contains("\"smtp\"").contains("127.0.0.1:" + SMTP.getSmtp().getPort());
  }

  @Test
  void metricsAreForAdminsAndProcessOwnersOnly() {
    TestUsers.ensure(identityService, "itopsauditor", PASSWORD, Groups.AUDITORS);
    TestUsers.ensure(identityService, "itopsbeheer", PASSWORD, Groups.PROCESBEHEERDERS);

    assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode().value())
        .isEqualTo(401);
    assertThat(rest.getForEntity("/actuator/env", String.class).getStatusCode().value())
        .isEqualTo(401);
    assertThat(
            rest.withBasicAuth("itopsauditor", PASSWORD)
                .getForEntity("/actuator/prometheus", String.class)
                .getStatusCode()
                .value())
        .isEqualTo(403);
    ResponseEntity<String> metrics =
        rest.withBasicAuth("itopsbeheer", PASSWORD)
            .getForEntity("/actuator/prometheus", String.class);

    assertThat(metrics.getStatusCode().value()).isEqualTo(200);
    assertThat(metrics.getBody())
        .contains(
            "werkpact_emails{status=\"SENT\"}",
            "werkpact_emails{status=\"FAILED\"}",
            "werkpact_emails_waiting_for_person ",
            "werkpact_reminders_sent ",
            "werkpact_incidents ",
            "werkpact_jobs_due ",
            "werkpact_jobs_failed ",
            "werkpact_tasks_open{group=\"accountmanagers\"}",
            "werkpact_tasks_open{group=\"keurmerkcommissie\"}",
            "werkpact_email_accept_window_seconds_total ",
            "werkpact_email_accept_window_emails_total ");
    // Not exposed at all, for operators neither: the environment holds secrets.
    assertThat(
            rest.withBasicAuth(ADMIN, ADMIN_PASSWORD)
                .getForEntity("/actuator/env", String.class)
                .getStatusCode()
                .value())
        .isEqualTo(404);
  }

  @Autowired ConvenantService convenants;

  @Test
  void anUndeliverableEmailIsSentAgainToACorrectedAddressByThoseWhoMay() throws Exception {
    TestUsers.ensure(identityService, "itopsaccount", PASSWORD, Groups.ACCOUNTMANAGERS);
    TestUsers.ensure(identityService, "itopsauditor2", PASSWORD, Groups.AUDITORS);
    String tag = String.valueOf(System.nanoTime());
    long id =
        RefusedEmails.refusedToNewEmployer(
            convenants,
            correspondence,
            templates,
            transactions,
            "itopsaccount",
            "Terug BV",
            "onbekend." + tag + "@bedrijf.example");
    String path = "/engine-rest/werkpact/correspondentie/" + id + "/opnieuw";
    var corrected = Map.of("adres", "ria." + tag + "@bedrijf.example");

    assertThat(
            rest.withBasicAuth("itopsauditor2", PASSWORD)
                .postForEntity(path, corrected, String.class)
                .getStatusCode()
                .value())
        .isEqualTo(403);
    var refused =
        rest.withBasicAuth("itopsaccount", PASSWORD)
            .postForEntity(path, Map.of("adres", "ria bij bedrijf"), String.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).contains("Adres is geen geldig e-mailadres");
    var resent =
        rest.withBasicAuth("itopsaccount", PASSWORD).postForEntity(path, corrected, String.class);

    assertThat(resent.getStatusCode().value()).as(resent.getBody()).isEqualTo(200);
    // Sent at once, or by the dispatcher a moment later when it was busy: wait for the e-mail
    // itself.
    assertThat(awaitMailTo("ria." + tag + "@bedrijf.example").getSubject()).contains("Terug BV");
  }

  @Test
  void theAppsDatabaseConnectionsSortATaskListOfThousandsInMemory() throws Exception {
    // PostgreSQL's default of 4 MB sorts Tasklist's list of 10,000 open tasks on disk
    // (docs/performance.md).
    try (Connection connection = dataSource.getConnection();
        Statement sql = connection.createStatement();
        var setting = sql.executeQuery("SHOW work_mem")) {
      setting.next();
      assertThat(setting.getString(1)).isEqualTo("16MB");
    }
  }

  @Test
  void withoutItsDatabaseTheAppIsAliveButNotReady() throws Exception {
    // As the database's superuser, from another database: the app's connections end and no new one
    // is accepted.
    try (Connection superuser = POSTGRES.getDatabase("postgres", "template1").getConnection();
        Statement sql = superuser.createStatement()) {
      sql.execute("ALTER DATABASE postgres WITH ALLOW_CONNECTIONS false");
      try {
        sql.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'postgres'");

        ResponseEntity<String> readiness =
            rest.getForEntity("/actuator/health/readiness", String.class);
        ResponseEntity<String> liveness =
            rest.getForEntity("/actuator/health/liveness", String.class);

        assertThat(readiness.getStatusCode().value()).isEqualTo(503);
        assertThat(readiness.getBody()).isEqualTo("{\"status\":\"DOWN\"}");
        assertThat(liveness.getStatusCode().value()).isEqualTo(200);
      } finally {
        sql.execute("ALTER DATABASE postgres WITH ALLOW_CONNECTIONS true");
      }
    }
    awaitReady();
  }

  /** Back to ready once the database accepts connections again (waits on the state, at most a minute). */
  private void awaitReady() throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
    while (rest.getForEntity("/actuator/health/readiness", String.class).getStatusCode().value()
        != 200) {
      assertThat(Instant.now()).as("ready again after the database came back").isBefore(deadline);
      Thread.sleep(200);
    }
  }
}
