package nl.werkpact.keurmerk.keurmerk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import nl.werkpact.keurmerk.audit.AuditFigures;
import nl.werkpact.keurmerk.audit.AuditOutcome;
import nl.werkpact.keurmerk.audit.AuditRepository;
import nl.werkpact.keurmerk.audit.AuditService;
import nl.werkpact.keurmerk.audit.AuditSettings;
import nl.werkpact.keurmerk.convenant.ConvenantRepository;
import nl.werkpact.keurmerk.convenant.ConvenantService;
import nl.werkpact.keurmerk.employer.EmployerRepository;
import nl.werkpact.keurmerk.employer.EmployerService;
import nl.werkpact.keurmerk.keurmerk.KeurmerkLifecycle.Reminder;
import nl.werkpact.keurmerk.mail.CorrespondenceRepository;
import nl.werkpact.keurmerk.mail.MailOutbox;
import nl.werkpact.keurmerk.support.Fixtures;
import nl.werkpact.keurmerk.support.InMemoryDatabase;
import nl.werkpact.keurmerk.support.Outboxes;
import org.junit.jupiter.api.Test;

/** Renewal, reminders, expiry and withdrawal of keurmerken, on H2, with the clock where the test wants it. */
class KeurmerkLifecycleTest {

  private final InMemoryDatabase db = new InMemoryDatabase();
  private AuditService audits;
  private KeurmerkService keurmerken;
  private KeurmerkLifecycle lifecycle;
  private CorrespondenceRepository correspondence;
  private MailOutbox outbox;

  private Clock clock;

  private void at(String isoInstant) {
    clock = InMemoryDatabase.clockAt(isoInstant);
    var employers =
        new EmployerService(new EmployerRepository(db.jdbc), Fixtures.municipalities(), clock);
    correspondence = new CorrespondenceRepository(db.jdbc);
    outbox = Outboxes.queueOnly(db, clock);
    var convenants =
        new ConvenantService(new ConvenantRepository(db.jdbc), employers, outbox, clock);
    keurmerken = new KeurmerkService(new KeurmerkRepository(db.jdbc, clock), clock);
    lifecycle =
        new KeurmerkLifecycle(new KeurmerkRepository(db.jdbc, clock), employers, outbox, clock);
    audits =
        new AuditService(
            new AuditRepository(db.jdbc),
            employers,
            convenants,
            keurmerken,
            outbox,
            clock,
            AuditSettings.defaults(),
            new nl.werkpact.keurmerk.keurmerk.KeurmerkLinks(
                new nl.werkpact.keurmerk.web.SiteSettings("https://keurmerk.example")));
    if (employers.findByKvkNumber("90000001").isEmpty()) {
      var registration = convenants.registerIntent(Fixtures.employer("90000001"), "anna", "pi-c");
      convenants.recordIntake(
          registration.convenantId(), LocalDate.parse(isoInstant.substring(0, 10)), "Intake", 1);
      convenants.recordSigning(
          registration.convenantId(),
          LocalDate.parse(isoInstant.substring(0, 10)),
          "J. Verbeek",
          "pi-c");
    }
  }

  private Keurmerk audited(AuditOutcome outcome) {
    long id = audits.request("90000001", "anna", "pi-a", "KeurmerkCriteria:1:test").auditId();
    audits.plan(id, LocalDate.now(clock), "Bram Jansen");
    audits.recordFigures(id, new AuditFigures(40, 3, 1, 2, BigDecimal.ZERO, "Goed.", null), "bram");
    audits.recordCriteria(id, outcome, "reden", "KeurmerkCriteria:1:x", 1);
    audits.decide(id, outcome, null, "dirk");
    if (outcome == AuditOutcome.TOEKENNEN) {
      return audits.award(id, null, "pi-a");
    }
    audits.reject(id, "pi-a");
    return null;
  }

  @Test
  void aRenewalStartsTheDayAfterTheCurrentKeurmerkEndsWithoutGapOrOverlap() {
    at("2026-01-10T10:00:00Z");
    Keurmerk first = audited(AuditOutcome.TOEKENNEN);
    at("2027-11-01T10:00:00Z");

    Keurmerk renewal = audited(AuditOutcome.TOEKENNEN);

    assertThat(first.validUntil()).isEqualTo(LocalDate.of(2028, 1, 9));
    assertThat(renewal.validFrom()).isEqualTo(LocalDate.of(2028, 1, 10));
    assertThat(renewal.validUntil()).isEqualTo(LocalDate.of(2030, 1, 9));
    assertThat(keurmerken.get(first.id()).status()).isEqualTo(KeurmerkStatus.RENEWED);
    assertThat(keurmerken.membershipOf(renewal.id()).validFrom())
        .isEqualTo(LocalDate.of(2028, 1, 10));
    // The e-mail says it is a renewal, and which keurmerk it follows.
    assertThat(correspondence.findByConcerns("AUDIT", renewal.auditId()))
        .extracting(c -> c.subject())
        .containsExactly(
            "Verlengd: Bakkerij De Korenschoof blijft partner in sociaal ondernemen (keurmerk "
                + renewal.number()
                + ")");
    assertThat(correspondence.findByConcerns("AUDIT", renewal.auditId()).get(0).bodyText())
        .contains("is verlengd: keurmerk " + renewal.number() + " volgt " + first.number() + " op");
    // The employer holds a current keurmerk on the last day of the first and on the first day of
    // the renewal.
    at("2028-01-09T22:00:00Z");
    assertThat(keurmerken.isCurrentHolder(first.employerId())).isTrue();
    at("2028-01-10T10:00:00Z");
    assertThat(keurmerken.isCurrentHolder(first.employerId())).isTrue();
  }

  @Test
  void aRenewalAuditOpensSixMonthsBeforeTheKeurmerkEnds() {
    at("2026-01-10T10:00:00Z");
    Keurmerk first = audited(AuditOutcome.TOEKENNEN);
    at("2027-07-09T10:00:00Z");

    assertThatThrownBy(() -> audits.request("90000001", "anna", "pi-b", "KeurmerkCriteria:1:test"))
        .hasMessage(
            "Keurmerk "
                + first.number()
                + " is geldig tot en met 9 januari 2028; de verlengingsaudit kan vanaf 10 juli 2027 worden aangevraagd.");
    assertThat(db.count("audit")).isEqualTo(1);

    at("2027-07-10T10:00:00Z");
    assertThat(audits.request("90000001", "anna", "pi-b", "KeurmerkCriteria:1:test").auditId())
        .isPositive();
  }

  @Test
  void aRenewalAwardedAfterTheKeurmerkExpiredStartsOnTheAwardDate() {
    at("2026-01-10T10:00:00Z");
    Keurmerk first = audited(AuditOutcome.TOEKENNEN);
    at("2027-12-01T10:00:00Z");
    long renewalAudit =
        audits.request("90000001", "anna", "pi-b", "KeurmerkCriteria:1:test").auditId();
    at("2028-01-10T00:00:00Z");
    lifecycle.expire(first.id(), "pi-v");
    at("2028-01-26T10:00:00Z");
    audits.plan(renewalAudit, LocalDate.of(2028, 1, 20), "Bram Jansen");
    audits.recordFigures(
        renewalAudit, new AuditFigures(40, 3, 1, 2, BigDecimal.ZERO, "Goed.", null), "bram");
    audits.recordCriteria(renewalAudit, AuditOutcome.TOEKENNEN, "reden", "KeurmerkCriteria:1:x", 1);
    audits.decide(renewalAudit, AuditOutcome.TOEKENNEN, null, "dirk");

    Keurmerk renewal = audits.award(renewalAudit, null, "pi-b");

    // Not backdated to before the employer was told the keurmerk expired: the register shows the
    // gap.
    assertThat(renewal.validFrom()).isEqualTo(LocalDate.of(2028, 1, 26));
    assertThat(renewal.validUntil()).isEqualTo(LocalDate.of(2030, 1, 25));
    assertThat(keurmerken.get(first.id()).status()).isEqualTo(KeurmerkStatus.EXPIRED);
    assertThat(keurmerken.membershipOf(renewal.id()).validFrom())
        .isEqualTo(LocalDate.of(2028, 1, 26));
  }

  @Test
  void afterAWithdrawalANewAuditWaitsAsAfterARejection() {
    at("2026-01-10T10:00:00Z");
    Keurmerk first = audited(AuditOutcome.TOEKENNEN);
    at("2026-06-01T10:00:00Z");
    lifecycle.withdraw(first.id(), "Geen extra werkplekken meer.", "pi-v");

    at("2026-11-30T10:00:00Z");
    assertThatThrownBy(() -> audits.request("90000001", "anna", "pi-b", "KeurmerkCriteria:1:test"))
        .hasMessage(
            "Het keurmerk van KvK-nummer 90000001 is op 1 juni 2026 ingetrokken; een nieuwe audit kan vanaf 1 december 2026 worden aangevraagd.");

    at("2026-12-01T10:00:00Z");
    assertThat(audits.request("90000001", "anna", "pi-b", "KeurmerkCriteria:1:test").auditId())
        .isPositive();
  }

  @Test
  void aRejectedRenewalLetsTheKeurmerkRunOut() {
    at("2026-01-10T10:00:00Z");
    Keurmerk first = audited(AuditOutcome.TOEKENNEN);
    at("2027-11-01T10:00:00Z");
    audited(AuditOutcome.AFWIJZEN);
    assertThat(keurmerken.get(first.id()).status()).isEqualTo(KeurmerkStatus.ACTIVE);

    at("2028-01-10T00:00:00Z");
    lifecycle.expire(first.id(), "pi-v");

    assertThat(keurmerken.get(first.id()).status()).isEqualTo(KeurmerkStatus.EXPIRED);
    assertThat(keurmerken.isCurrentHolder(first.employerId())).isFalse();
    assertThat(correspondence.findByConcerns("KEURMERK", first.id()))
        .extracting(c -> c.subject())
        .containsExactly("Keurmerk " + first.number() + " van Bakkerij De Korenschoof is verlopen");
  }

  @Test
  void remindersGoToTheEmployerWithACopyToTheAccountmanagerOnceEach() {
    at("2026-01-10T10:00:00Z");
    Keurmerk keurmerk = audited(AuditOutcome.TOEKENNEN);

    assertThat(
            lifecycle.remind(
                keurmerk.id(), Reminder.RENEWAL_FIRST, "anna@werkpact.example", "pi-v"))
        .isTrue();
    lifecycle.remind(keurmerk.id(), Reminder.RENEWAL_FIRST, "anna@werkpact.example", "pi-v");
    lifecycle.remind(keurmerk.id(), Reminder.MEMBERSHIP_END, "anna@werkpact.example", "pi-v");

    assertThat(correspondence.findByConcerns("KEURMERK", keurmerk.id()))
        .extracting(c -> c.recipient() + " " + c.template())
        .containsExactly(
            "joke@korenschoof.example renewal-reminder",
            "anna@werkpact.example renewal-reminder-accountmanager",
            "joke@korenschoof.example membership-reminder");
    // Each recipient reads a text written for them: the employer is asked to renew, the
    // accountmanager whom to call.
    var mails = correspondence.findByConcerns("KEURMERK", keurmerk.id());
    assertThat(mails.get(0).bodyText())
        .startsWith("Beste Joke Verbeek,")
        .contains("Vraag dan tijdig de verlengingsaudit aan")
        .containsPattern("Mijn keurmerk: https?://\\S+/mijn-keurmerk\\?kvk=\\d{8} ");
    assertThat(mails.get(1).bodyText())
        .startsWith("Beste collega,")
        .contains("Neem contact op met Joke Verbeek (joke@korenschoof.example)")
        .doesNotContain("Beste Joke Verbeek");
  }

  @Test
  void aRoundOnH2AsTheLocalDemoRunsItQueuesEachReminderOnItsMorningOnce() {
    at("2026-01-10T10:00:00Z");
    Keurmerk keurmerk =
        audited(AuditOutcome.TOEKENNEN); // valid until 09-01-2028, membership until 09-01-2027

    at("2026-12-09T07:59:00Z"); // 08:59 in Amsterdam, a month before the membership ends
    assertThat(round()).containsEntry(Reminder.MEMBERSHIP_END, 0);
    at("2026-12-09T08:00:00Z");
    assertThat(round()).containsEntry(Reminder.MEMBERSHIP_END, 1);
    assertThat(round()).containsEntry(Reminder.MEMBERSHIP_END, 0);
    at("2027-10-11T07:00:00Z"); // 09:00 summer time, 90 days before the last valid day
    assertThat(round())
        .containsEntry(Reminder.RENEWAL_FIRST, 1)
        .containsEntry(Reminder.RENEWAL_SECOND, 0);

    var mails = correspondence.findByConcerns("KEURMERK", keurmerk.id());
    assertThat(mails)
        .extracting(c -> c.recipient() + " " + c.template())
        .containsExactly(
            "joke@korenschoof.example membership-reminder",
            "joke@korenschoof.example renewal-reminder",
            "anna@werkpact.example renewal-reminder-accountmanager");
    assertThat(mails.get(1).bodyText())
        .startsWith("Beste Joke Verbeek,")
        .contains("9 januari 2028");
    assertThat(correspondence.events(mails.get(2).id()))
        .extracting(e -> e.kind())
        .containsExactly("QUEUED");
  }

  private Map<Reminder, Integer> round() {
    return new KeurmerkReminders(
            new KeurmerkRepository(db.jdbc, clock), outbox, db.transactions, clock)
        .queueDue(
            ReminderSchedule.parse("P90D", "P30D", "P1M"),
            employers -> Map.of(employers.iterator().next(), "anna@werkpact.example"));
  }

  @Test
  void aWithdrawnKeurmerkNeedsAReasonAndGetsNoMoreReminders() {
    at("2026-01-10T10:00:00Z");
    Keurmerk keurmerk = audited(AuditOutcome.TOEKENNEN);

    assertThatThrownBy(() -> lifecycle.withdraw(keurmerk.id(), " ", "pi-v"))
        .hasMessage("Reden van intrekking is verplicht.");
    lifecycle.withdraw(keurmerk.id(), "Geen werkplekken <meer>.", "pi-v");

    assertThat(keurmerken.get(keurmerk.id()).status()).isEqualTo(KeurmerkStatus.WITHDRAWN);
    assertThat(lifecycle.remind(keurmerk.id(), Reminder.RENEWAL_SECOND, null, "pi-v")).isFalse();
    lifecycle.expire(keurmerk.id(), "pi-v");
    assertThat(keurmerken.get(keurmerk.id()).status()).isEqualTo(KeurmerkStatus.WITHDRAWN);
    assertThat(correspondence.findByConcerns("KEURMERK", keurmerk.id()))
        .singleElement()
        .satisfies(mail -> assertThat(mail.bodyHtml()).contains("Geen werkplekken &lt;meer&gt;."));
  }
}
