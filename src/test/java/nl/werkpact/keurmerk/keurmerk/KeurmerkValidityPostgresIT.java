package nl.werkpact.keurmerk.keurmerk;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import nl.werkpact.keurmerk.keurmerk.process.KeurmerkValidityProcess;
import nl.werkpact.keurmerk.mail.MailOutbox;
import nl.werkpact.keurmerk.support.EngineRest;
import nl.werkpact.keurmerk.support.IntegrationTest;
import nl.werkpact.keurmerk.support.TestUsers;
import nl.werkpact.keurmerk.support.Unique;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reminders on real PostgreSQL, queued by a round of the KeurmerkReminders process and sent by the dispatcher to a real
 * SMTP server: every e-mail exactly once.
 */
class KeurmerkValidityPostgresIT extends IntegrationTest {

  /** KvK numbers of this class: from 80,000,000 up, apart from the other tests' random ones. */
  @Autowired JdbcClient jdbc;

  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired KeurmerkService keurmerken;
  @Autowired TestRestTemplate restTemplate;
  @Autowired MailOutbox outbox;

  @AfterEach
  void realTimeAgain() throws Exception {
    ClockUtil.reset();
    if (!SMTP.isRunning()) {
      SMTP.start();
    }
  }

  @Test
  void thousandRemindersDueAtTheSameMomentEachArriveExactlyOnce() throws Exception {
    int count = 1000;
    String batch = "b" + Unique.suffix();
    // Valid until 80 days from now: the first reminder (90 days before) is due at once for all of
    // them.
    LocalDate validUntil = LocalDate.now().plusDays(80);
    for (int i = 0; i < count; i++) {
      long keurmerkId = awardedKeurmerk(batch + "-" + i, validUntil);
      startValidity(keurmerkId);
    }
    runReminderRound();

    // Awarded 21 months ago, so the membership reminder (a month before the first year ends) is
    // overdue as well:
    // two reminders per keurmerk, each of which must arrive exactly once.
    String recipientSuffix = "@" + batch + ".example";
    awaitUntil(
        Duration.ofMinutes(4),
        () -> sentTo(recipientSuffix) >= 2L * count && pendingFor(recipientSuffix) == 0);
    Thread.sleep(500); // anything sent twice would arrive now

    var perRecipient =
        Arrays.stream(SMTP.getReceivedMessages())
            .filter(m -> recipient(m).endsWith(recipientSuffix))
            .collect(
                Collectors.groupingBy(
                    KeurmerkValidityPostgresIT::recipient,
                    Collectors.mapping(
                        KeurmerkValidityPostgresIT::subjectKind, Collectors.toList())));
    assertThat(perRecipient).hasSize(count);
    assertThat(perRecipient.values())
        .allSatisfy(kinds -> assertThat(kinds).containsExactlyInAnyOrder("renewal", "membership"));
    assertThat(
            jdbc.sql(
                    "SELECT status, COUNT(*) FROM correspondence WHERE recipient LIKE ? GROUP BY status")
                .param("%" + recipientSuffix)
                .query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2))
                .list())
        .containsExactly("SENT=" + 2 * count);
    assertThat(runtimeService.createIncidentQuery().count()).isZero();
  }

  @Test
  void smtpDownRetriesThenWaitsForAPersonAndOneResendLaterSendsEachEmailExactlyOnce()
      throws Exception {
    String tag = "s" + Unique.suffix();
    long keurmerkId = awardedKeurmerk(tag, LocalDate.now().plusDays(80));
    // The dispatcher tries, records why, tries again after the retry delays (1 s and 2 s in these
    // tests) and then
    // gives up: the e-mail waits for a person. The process never waited for it.
    String processInstanceId = startWhileSmtpIsDownUntilTheDispatcherGivesUp(keurmerkId, tag);

    var row =
        jdbc.sql(
                "SELECT id, attempts, last_error FROM correspondence WHERE recipient = ? AND template = ?")
            .params(recipientFor(tag), KeurmerkLifecycle.MAIL_RENEWAL_REMINDER)
            .query()
            .singleRow();
    assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(3);
    assertThat((String) row.get("last_error")).isNotBlank();
    assertThat(
            jdbc.sql(
                    "SELECT kind FROM correspondence_event WHERE correspondence_id = ? ORDER BY id")
                .param(row.get("id"))
                .query(String.class)
                .list())
        .containsExactly("QUEUED", "FAILED", "FAILED", "GAVE_UP");
    long mailId = ((Number) row.get("id")).longValue();
    assertThat(outbox.needingAPerson(1000)).extracting(c -> c.id()).contains(mailId);
    // Cockpit shows each waiting e-mail as an incident of the keurmerk's validity period, naming
    // the e-mail and where
    // to fix it; no job failed.
    var incidents =
        runtimeService.createIncidentQuery().processInstanceId(processInstanceId).list();
    assertThat(incidents)
        .hasSize(2)
        .allSatisfy(incident -> assertThat(incident.getIncidentType()).isEqualTo("werkpactEmail"));
    assertThat(incidents)
        .filteredOn(incident -> incident.getConfiguration().equals("correspondence:" + mailId))
        .singleElement()
        .satisfies(
            incident ->
                assertThat(incident.getIncidentMessage())
                    .startsWith("E-mail " + mailId + " aan " + recipientFor(tag))
                    .contains("kon na 3 pogingen niet verzonden worden")
                    .endsWith("(/beheer/e-mail)."));
    assertThat(
            managementService
                .createJobQuery()
                .processInstanceId(processInstanceId)
                .withException()
                .count())
        .isZero();

    // SMTP is back; the operator puts every e-mail that waits back in the queue (Beheer, E-mail).
    long started = System.nanoTime();
    assertThat(outbox.resendAll("itadmin")).isGreaterThanOrEqualTo(2);
    awaitUntil(
        Duration.ofSeconds(30),
        () -> pendingFor("@" + tag + ".example") == 0 && sentTo("@" + tag + ".example") >= 2);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("a resend goes out within seconds")
        .isLessThan(Duration.ofSeconds(10));
    assertThat(runtimeService.createIncidentQuery().processInstanceId(processInstanceId).count())
        .as("resolved by the resend")
        .isZero();
    Thread.sleep(500); // anything sent twice would arrive now
    assertThat(
            Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> recipient(m).equals(recipientFor(tag)))
                .map(KeurmerkValidityPostgresIT::subjectKind))
        .containsExactlyInAnyOrder("renewal", "membership");
  }

  @Test
  void aKeurmerkWhoseEmailWaitsForAPersonCanStillBeWithdrawnAndTheEmailStaysOnTheList()
      throws Exception {
    TestUsers.ensure(identityService, "itvalcommissie", PASSWORD, "keurmerkcommissie");
    String tag = "i" + Unique.suffix();
    long keurmerkId = awardedKeurmerk(tag, LocalDate.now().plusDays(80));
    String processInstanceId = startWhileSmtpIsDownUntilTheDispatcherGivesUp(keurmerkId, tag);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(processInstanceId).count())
        .isEqualTo(2);

    // The incidents of the e-mails do not hold the process: the committee ends the period, and its
    // incidents go with it.
    var withdrawn =
        new EngineRest(restTemplate, "itvalcommissie", PASSWORD)
            .post(
                "/werkpact/keurmerken/" + keurmerken.get(keurmerkId).number() + "/intrekking",
                Map.of("reden", "Geen werkplekken meer."));
    assertThat(withdrawn.getStatusCode().value()).as("%s", withdrawn.getBody()).isEqualTo(200);
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(processInstanceId)
                .singleResult())
        .isNull();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(processInstanceId).count())
        .isZero();
    assertThat(outbox.needingAPerson(1000))
        .extracting(c -> c.recipient())
        .contains(recipientFor(tag));
    outbox.resendAll("itadmin");
    awaitUntil(Duration.ofSeconds(30), () -> pendingFor("@" + tag + ".example") == 0);
  }

  /**
   * Starts the keurmerk's validity period while the SMTP server is away, until the dispatcher has given up on both
   * reminders; the server is back afterwards (an e-mail given up on waits for a person, it is not tried again).
   */
  private String startWhileSmtpIsDownUntilTheDispatcherGivesUp(long keurmerkId, String tag)
      throws Exception {
    SMTP.stop();
    try {
      String processInstanceId = startValidity(keurmerkId);
      runReminderRound();
      // Given up, and told in Cockpit: the incident of each e-mail follows its FAILED record, a
      // moment later.
      awaitUntil(
          Duration.ofSeconds(60),
          () ->
              gaveUp(tag)
                  && runtimeService
                          .createIncidentQuery()
                          .processInstanceId(processInstanceId)
                          .incidentType("werkpactEmail")
                          .count()
                      == 2);
      return processInstanceId;
    } finally {
      SMTP.start();
    }
  }

  private boolean gaveUp(String tag) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM correspondence WHERE recipient = ? AND status = 'FAILED' AND next_attempt_at IS NULL")
            .param(recipientFor(tag))
            .query(Long.class)
            .single()
        == 2;
  }

  @Test
  void theCommitteeWithdrawsAKeurmerkByItsNumberWithAReasonAndNobodyElseCan() {
    TestUsers.ensure(identityService, "itvalcommissie", PASSWORD, "keurmerkcommissie");
    TestUsers.ensure(identityService, "itvalauditor", PASSWORD, "auditors");
    String tag = "w" + Unique.suffix();
    // Awarded yesterday: no reminder is due, so no job runs alongside the withdrawal.
    long keurmerkId = awardedKeurmerk(tag, LocalDate.now().plusYears(2).minusDays(1));
    String processInstanceId = startValidity(keurmerkId);
    String number = keurmerken.get(keurmerkId).number();
    String path = "/werkpact/keurmerken/" + number + "/intrekking";
    var committee = new EngineRest(restTemplate, "itvalcommissie", PASSWORD);

    var byAuditor =
        new EngineRest(restTemplate, "itvalauditor", PASSWORD)
            .post(path, Map.of("reden", "Geen werkplekken meer."));
    var withoutReason = committee.post(path, Map.of());
    var unknownNumber =
        committee.post("/werkpact/keurmerken/SW-1999-9999/intrekking", Map.of("reden", "x"));
    // The generic message route is closed to the committee: it could stop reminders or the expiry
    // with any message.
    var genericMessage =
        committee.post(
            "/message",
            Map.of(
                "messageName",
                KeurmerkValidityProcess.MESSAGE_KEURMERK_WITHDRAWN,
                "businessKey",
                String.valueOf(keurmerkId),
                "processVariables",
                Map.of(
                    KeurmerkValidityProcess.Vars.WITHDRAWAL_REASON,
                    Map.of("value", "Geen werkplekken meer."))));
    assertThat(byAuditor.getStatusCode().value()).isEqualTo(403);
    assertThat(withoutReason.getStatusCode().value()).isEqualTo(400);
    assertThat((String) withoutReason.getBody().get("message"))
        .isEqualTo("Reden van intrekking is verplicht.");
    assertThat(unknownNumber.getStatusCode().value()).isEqualTo(400);
    assertThat((String) unknownNumber.getBody().get("message"))
        .startsWith("Keurmerknummer SW-1999-9999 is onbekend.");
    assertThat(genericMessage.getStatusCode().value()).isEqualTo(403);
    assertThat(keurmerken.get(keurmerkId).status()).isEqualTo(KeurmerkStatus.ACTIVE);

    var byCommittee =
        committee.post(
            "/werkpact/keurmerken/" + number.toLowerCase() + "/intrekking",
            Map.of("reden", "Geen werkplekken meer."));

    assertThat(byCommittee.getStatusCode().value()).as("%s", byCommittee.getBody()).isEqualTo(200);
    assertThat(byCommittee.getBody()).containsEntry("status", "WITHDRAWN");
    assertThat(keurmerken.get(keurmerkId).status()).isEqualTo(KeurmerkStatus.WITHDRAWN);
    // The period ended with the withdrawal (its e-mail queued with it): no reminder or expiry can
    // follow.
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(processInstanceId)
                .singleResult())
        .isNull();
    assertThat(managementService.createJobQuery().processInstanceId(processInstanceId).count())
        .isZero();
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM correspondence WHERE concerns_type = 'KEURMERK' AND concerns_id = ? AND template = 'keurmerk-withdrawn'")
                .param(keurmerkId)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  /** An employer with a keurmerk awarded a while ago; written directly, the audit is not what is tested here. */
  private long awardedKeurmerk(String tag, LocalDate validUntil) {
    OffsetDateTime now = OffsetDateTime.now();
    String kvk = Unique.kvk();
    long employerId =
        jdbc.sql(
                """
            INSERT INTO employer (name, kvk_number, address, municipality, contact_person, contact_email, created_at, updated_at)
            VALUES (?, ?, 'Markt 1', 'Schiedam', 'Contact', ?, ?, ?) RETURNING id""")
            .params("Werkgever " + tag, kvk, recipientFor(tag), now, now)
            .query(Long.class)
            .single();
    long auditId =
        jdbc.sql(
                "INSERT INTO audit (employer_id, status, requested_at) VALUES (?, 'AWARDED', ?) RETURNING id")
            .params(employerId, now)
            .query(Long.class)
            .single();
    return keurmerken.award(employerId, auditId, validUntil.plusDays(1).minusYears(2)).id();
  }

  private String startValidity(long keurmerkId) {
    Keurmerk keurmerk = keurmerken.get(keurmerkId);
    String processInstanceId =
        runtimeService
            .createMessageCorrelation(KeurmerkValidityProcess.MESSAGE_KEURMERK_AWARDED)
            .tenantId(nl.werkpact.keurmerk.support.TestUsers.REGION)
            .processInstanceBusinessKey(keurmerk.number())
            .setVariables(
                KeurmerkValidityProcess.startVariables(
                    keurmerk, keurmerken.membershipOf(keurmerkId)))
            .correlateStartMessage()
            .getId();
    keurmerken.bindValidityInstance(keurmerkId, processInstanceId); // as the award does
    return processInstanceId;
  }

  /** "s123" gives contact@s123.example; "b123-7" gives contact7@b123.example. */
  private static String recipientFor(String tag) {
    int dash = tag.indexOf('-');
    return dash < 0
        ? "contact@" + tag + ".example"
        : "contact" + tag.substring(dash + 1) + "@" + tag.substring(0, dash) + ".example";
  }

  private long sentTo(String suffix) {
    return Arrays.stream(SMTP.getReceivedMessages())
        .map(KeurmerkValidityPostgresIT::recipient)
        .filter(r -> r.endsWith(suffix))
        .count();
  }

  private long pendingFor(String suffix) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM correspondence WHERE recipient LIKE ? AND status <> 'SENT'")
        .param("%" + suffix)
        .query(Long.class)
        .single();
  }

  private static String subjectKind(MimeMessage message) {
    try {
      return message.getSubject().startsWith("Herinnering: keurmerk")
          ? "renewal"
          : message.getSubject().startsWith("Uw gratis lidmaatschap")
              ? "membership"
              : message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String recipient(MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
