package nl.werkpact.keurmerk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.werkpact.keurmerk.convenant.ConvenantService;
import nl.werkpact.keurmerk.support.InMemoryDatabase;
import nl.werkpact.keurmerk.support.Outboxes;
import nl.werkpact.keurmerk.support.ScriptedSmtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The outbox and its dispatcher against real SMTP servers: GreenMail, and one that answers what the test says. */
class MailDispatcherTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.SMTP.dynamicPort());

  private static final Clock RECORDS = InMemoryDatabase.clockAt("2026-11-23T10:00:00Z");
  private static final List<Duration> RETRIES =
      List.of(Duration.ofSeconds(30), Duration.ofMinutes(2));

  /** The real time the dispatcher schedules by, moved by the test. */
  private final class Timing extends Clock {
    Instant now = Instant.parse("2026-11-23T10:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void pass(Duration duration) {
      now = now.plus(duration);
    }
  }

  private final Timing timing = new Timing();
  private final List<String> notices = new ArrayList<>();

  /** What Cockpit would show: an incident opened per e-mail that waits for a person, resolved when it no longer does. */
  private final List<String> incidents = new ArrayList<>();

  private InMemoryDatabase db;
  private CorrespondenceRepository correspondence;
  private ScriptedSmtpServer scripted;

  @BeforeEach
  void setUp() {
    db = new InMemoryDatabase();
    correspondence = new CorrespondenceRepository(db.jdbc);
    scripted = new ScriptedSmtpServer();
  }

  @AfterEach
  void tearDown() {
    scripted.close();
  }

  private static JavaMailSenderImpl smtp(int port, Duration timeout) {
    var sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(port);
    var properties = new Properties();
    properties.put("mail.smtp.connectiontimeout", String.valueOf(timeout.toMillis()));
    properties.put("mail.smtp.timeout", String.valueOf(timeout.toMillis()));
    properties.put("mail.smtp.writetimeout", String.valueOf(timeout.toMillis()));
    sender.setJavaMailProperties(properties);
    return sender;
  }

  private MailDispatcher dispatcher(JavaMailSenderImpl sender, String node) {
    MailWatchers accountmanager =
        mail ->
            Optional.of(
                new MailWatchers.Watcher(
                    "anna@gemeente.example",
                    "Bakkerij De Korenschoof",
                    "https://keurmerk.example/beheer/e-mail"));
    MailIncidents cockpit =
        new MailIncidents() {
          @Override
          public void waiting(Correspondence mail, String what) {
            incidents.add("open " + mail.id() + ": " + what);
          }

          @Override
          public void noLongerWaiting(Collection<Long> mailIds) {
            mailIds.forEach(id -> incidents.add("resolved " + id));
          }
        };
    return Outboxes.dispatcher(
        db,
        RECORDS,
        timing,
        sender,
        accountmanager,
        cockpit,
        MailDispatcher.Settings.defaults().withNode(node).withRetryDelays(RETRIES));
  }

  private MailOutbox outbox(MailDispatcher dispatcher) {
    return Outboxes.outbox(db, RECORDS, dispatcher);
  }

  private static MailRequest request(String dedupKey, String recipient) {
    return new MailRequest(
        ConvenantService.MAIL_CONVENANT_SIGNED,
        recipient,
        Map.of(
            "employerName",
            "Bakkerij De Korenschoof",
            "contactPerson",
            "Joke Verbeek",
            "kvkNumber",
            "90000001",
            "signedDate",
            "21 november 2026",
            "signedBy",
            "J. Verbeek"),
        "CONVENANT",
        1L,
        "pi-1",
        dedupKey);
  }

  private Correspondence row(long id) {
    return correspondence.findById(id).orElseThrow();
  }

  private List<String> history(long id) {
    return correspondence.events(id).stream().map(CorrespondenceEvent::kind).toList();
  }

  @Test
  void queuesOncePerKeyAndSendsOnceHoweverOftenTheDispatcherRuns() throws Exception {
    var dispatcher =
        dispatcher(smtp(greenMail.getSmtp().getPort(), Duration.ofSeconds(10)), "node-a");
    var outbox = outbox(dispatcher);
    long id = outbox.enqueue(request("convenant-signed:1", "joke@korenschoof.example"));
    assertThat(outbox.enqueue(request("convenant-signed:1", "joke@korenschoof.example")))
        .isEqualTo(id);

    assertThat(dispatcher.drainAll()).isEqualTo(1);
    assertThat(dispatcher.drainAll()).isZero();

    var received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getSubject())
        .isEqualTo("Bevestiging: convenant Sociaal Werkpact getekend door Bakkerij De Korenschoof");
    assertThat(received[0].getHeader("X-Werkpact-Correspondence"))
        .containsExactly("convenant-signed:1");
    assertThat(row(id).status()).isEqualTo(CorrespondenceStatus.SENT);
    assertThat(row(id).attempts()).isEqualTo(1);
    assertThat(row(id).sentAt()).isEqualTo(RECORDS.instant().atOffset(ZoneOffset.UTC));
    assertThat(history(id)).containsExactly("QUEUED", "SENT");
    assertThat(correspondence.events(id).get(1).actor()).isEqualTo("node-a");
  }

  @Test
  void manyEmailsShareOneSmtpConnection() {
    var dispatcher = dispatcher(smtp(scripted.port(), Duration.ofSeconds(10)), "node-a");
    var outbox = outbox(dispatcher);
    for (int i = 0; i < 60; i++) {
      outbox.enqueue(request("convenant-signed:" + i, "werkgever" + i + "@korenschoof.example"));
    }

    assertThat(dispatcher.drainAll()).isEqualTo(60);

    assertThat(scripted.acceptedTotal()).isEqualTo(60);
    assertThat(scripted.duplicates()).isZero();
    assertThat(scripted.connections()).as("three batches of 25, one conversation").isEqualTo(1);
  }

  @Test
  void aRefusalForGoodMarksThatEmailUndeliverableTellsTheAccountmanagerAndTheOthersStillGoOut() {
    var dispatcher = dispatcher(smtp(scripted.port(), Duration.ofSeconds(10)), "node-a");
    List<String> saved = new ArrayList<>();
    var owner =
        new MailOwners.Owner(
            7, "Bakkerij De Korenschoof", "Joke Verbeek", "onbekend@korenschoof.example", "anna");
    var outbox =
        Outboxes.outbox(
            db,
            RECORDS,
            dispatcher,
            new MailOwners() {
              @Override
              public Optional<Owner> ownerOf(Correspondence mail) {
                return mail.recipient().endsWith("@korenschoof.example")
                    ? Optional.of(owner)
                    : Optional.empty();
              }

              @Override
              public void saveContactEmail(Owner employer, String newAddress, String user) {
                saved.add(employer.employerId() + " " + newAddress);
              }
            });
    scripted.refuse("onbekend@korenschoof.example");
    long before = outbox.enqueue(request("convenant-signed:1", "joke@korenschoof.example"));
    long refused = outbox.enqueue(request("convenant-signed:2", "onbekend@korenschoof.example"));
    long after = outbox.enqueue(request("convenant-signed:3", "piet@korenschoof.example"));

    dispatcher.drainAll();
    timing.pass(Duration.ofHours(5));
    dispatcher.drainAll();

    var undeliverable = row(refused);
    assertThat(undeliverable.status()).isEqualTo(CorrespondenceStatus.UNDELIVERABLE);
    assertThat(undeliverable.lastError()).contains("550").contains("User unknown");
    assertThat(undeliverable.attempts()).as("not tried again").isEqualTo(1);
    assertThat(undeliverable.needsAPerson()).isTrue();
    assertThat(row(before).status()).isEqualTo(CorrespondenceStatus.SENT);
    assertThat(row(after).status()).isEqualTo(CorrespondenceStatus.SENT);
    // The accountmanager was told, in Dutch, which e-mail and why; the notice itself went out too.
    var notice =
        correspondence.findByConcerns("CONVENANT", 1L).stream()
            .filter(c -> c.template().equals(MailWatchers.NOTICE_TEMPLATE))
            .findFirst()
            .orElseThrow();
    assertThat(notice.recipient()).isEqualTo("anna@gemeente.example");
    assertThat(notice.subject())
        .isEqualTo(
            "E-mail aan Bakkerij De Korenschoof niet bezorgd: "
                + "Bevestiging: convenant Sociaal Werkpact getekend door Bakkerij De Korenschoof");
    assertThat(notice.bodyText())
        .contains("onbekend@korenschoof.example")
        .contains("is door de mailserver geweigerd: 550")
        .contains("https://keurmerk.example/beheer/e-mail")
        .contains("nummer " + refused);
    assertThat(notice.status()).isEqualTo(CorrespondenceStatus.SENT);
    assertThat(scripted.acceptedByKey())
        .containsOnlyKeys(
            "convenant-signed:1",
            "convenant-signed:3",
            MailWatchers.NOTICE_TEMPLATE + ":" + refused + ":1");
    assertThat(incidents)
        .singleElement()
        .asString()
        .startsWith("open " + refused + ": is door de mailserver geweigerd: 550");

    // The accountmanager finds the right address; the e-mail goes out at once, once, and its
    // history says who did what.
    assertThatThrownBy(
            () -> outbox.resend(refused, "joke.verbeek@korenschoof.example", "bram", false))
        .hasMessage(
            "Alleen de accountmanager van Bakkerij De Korenschoof of een beheerder kan deze e-mail opnieuw versturen. Er is niets gewijzigd.");
    for (String wrong :
        List.of("joke at korenschoof", "joke@[10.0.0.1]", "joke@localhost", "joke@korenschoof")) {
      assertThatThrownBy(() -> outbox.resend(refused, wrong, "anna", false))
          .as(wrong)
          .hasMessage("Adres is geen geldig e-mailadres; typ bijvoorbeeld naam@bedrijf.nl.");
    }
    assertThat(saved).as("nothing saved by a refusal").isEmpty();
    assertThat(outbox.resend(refused, "joke.verbeek@korenschoof.example", "anna", false))
        .isEqualTo(CorrespondenceStatus.SENT);
    assertThat(saved).containsExactly("7 joke.verbeek@korenschoof.example");
    var told =
        correspondence.findByConcerns("CONVENANT", 1L).stream()
            .filter(c -> c.template().equals(MailOwners.ADDRESS_CHANGED_TEMPLATE))
            .findFirst()
            .orElseThrow();
    assertThat(told.recipient()).isEqualTo("onbekend@korenschoof.example");
    assertThat(told.bodyText())
        .contains("gewijzigd van onbekend@korenschoof.example in joke.verbeek@korenschoof.example");
    var resent = row(refused);
    assertThat(resent.recipient()).isEqualTo("joke.verbeek@korenschoof.example");
    assertThat(resent.operatorNote())
        .startsWith(
            "Opnieuw verstuurd door anna naar joke.verbeek@korenschoof.example (was onbekend@korenschoof.example; "
                + "het nieuwe adres is opgeslagen bij Bakkerij De Korenschoof en het oude adres is ingelicht)");
    assertThat(history(refused)).containsExactly("QUEUED", "UNDELIVERABLE", "REQUEUED", "SENT");
    assertThat(incidents).last().isEqualTo("resolved " + refused);
    assertThat(scripted.acceptedByKey()).containsEntry("convenant-signed:2", 1);
    assertThatThrownBy(() -> outbox.resend(refused, null, "anna", false))
        .hasMessageContaining("is al verzonden");
  }

  @Test
  void aPassingFailureIsRetriedAfterTheDelaysThenWaitsForAPersonAndAResendGoesOutOnce() {
    var dispatcher = dispatcher(smtp(scripted.port(), Duration.ofSeconds(10)), "node-a");
    var outbox = outbox(dispatcher);
    scripted.mode(ScriptedSmtpServer.Mode.TRY_LATER);
    long id = outbox.enqueue(request("convenant-signed:1", "joke@korenschoof.example"));

    dispatcher.drainAll();
    assertThat(row(id).status()).isEqualTo(CorrespondenceStatus.FAILED);
    assertThat(row(id).lastError()).contains("451");
    assertThat(row(id).nextAttemptAt())
        .isEqualTo(timing.now.plusSeconds(30).atOffset(ZoneOffset.UTC));
    dispatcher.drainAll();
    assertThat(row(id).attempts()).as("not due yet").isEqualTo(1);

    timing.pass(Duration.ofSeconds(30));
    dispatcher.drainAll();
    timing.pass(Duration.ofMinutes(2));
    dispatcher.drainAll();
    var gaveUp = row(id);
    assertThat(gaveUp.attempts()).isEqualTo(3);
    assertThat(gaveUp.status()).isEqualTo(CorrespondenceStatus.FAILED);
    assertThat(gaveUp.needsAPerson()).isTrue();
    assertThat(history(id)).containsExactly("QUEUED", "FAILED", "FAILED", "GAVE_UP");
    assertThat(outbox.needingAPerson(10)).extracting(Correspondence::id).contains(id);
    assertThat(incidents)
        .as("one incident, when it gave up")
        .containsExactly(
            "open " + id + ": kon na 3 pogingen niet verzonden worden: " + row(id).lastError());

    scripted.mode(ScriptedSmtpServer.Mode.ACCEPT);
    // The accountmanager's notice about it is not on the list: it failed once and is retried by
    // itself.
    assertThat(outbox.resendAll("petra")).isEqualTo(1);
    dispatcher.drainAll();
    assertThat(row(id).status()).isEqualTo(CorrespondenceStatus.SENT);
    assertThat(scripted.acceptedByKey()).containsEntry("convenant-signed:1", 1);
    assertThat(outbox.countNeedingAPerson()).isZero();
    assertThat(incidents).last().isEqualTo("resolved " + id);
  }

  @Test
  void aServerThatNeverAnswersTimesOutOnOneEmailAndTheRestWaitUntriedForTheNextConnection() {
    var dispatcher = dispatcher(smtp(scripted.port(), Duration.ofMillis(500)), "node-a");
    var outbox = outbox(dispatcher);
    long first = outbox.enqueue(request("convenant-signed:1", "joke@korenschoof.example"));
    long second = outbox.enqueue(request("convenant-signed:2", "piet@korenschoof.example"));
    scripted.mode(ScriptedSmtpServer.Mode.SILENT);

    try (MailConnection connection =
        MailConnection.to(smtp(scripted.port(), Duration.ofMillis(500)))) {
      var batch = dispatcher.drainOnce(connection);
      assertThat(batch.failed()).isEqualTo(1);
      assertThat(connection.lost).isTrue();
    }

    assertThat(row(first).status()).isEqualTo(CorrespondenceStatus.FAILED);
    assertThat(row(first).lastError()).containsIgnoringCase("timed out");
    assertThat(row(second).status()).isEqualTo(CorrespondenceStatus.PENDING);
    assertThat(row(second).attempts()).isZero();
    scripted.mode(ScriptedSmtpServer.Mode.ACCEPT);
    assertThat(dispatcher.drainAll()).isEqualTo(1);
    timing.pass(Duration.ofSeconds(30));
    assertThat(dispatcher.drainAll()).isEqualTo(1);
    assertThat(scripted.duplicates()).isZero();
  }

  @Test
  void noRowLockIsHeldWhileTheServerTakesItsTime() throws Exception {
    var dispatcher = dispatcher(smtp(scripted.port(), Duration.ofSeconds(3)), "node-a");
    long id = outbox(dispatcher).enqueue(request("convenant-signed:1", "joke@korenschoof.example"));
    scripted.mode(ScriptedSmtpServer.Mode.SILENT);

    var sending = CompletableFuture.runAsync(dispatcher::drainAll);
    // While the dispatcher waits for the server, another transaction changes the row at once (H2
    // would wait for a lock).
    long updated =
        CompletableFuture.supplyAsync(
                () -> {
                  while (!sending.isDone() && row(id).attempts() == 0 && claimedBy(id) == null) {
                    Thread.onSpinWait();
                  }
                  long started = System.nanoTime();
                  db.jdbc
                      .sql("UPDATE correspondence SET operator_note = 'gelezen' WHERE id = ?")
                      .param(id)
                      .update();
                  return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                })
            .join();
    sending.join();

    assertThat(updated).isLessThan(1000);
    assertThat(row(id).status()).isEqualTo(CorrespondenceStatus.FAILED);
  }

  private String claimedBy(long id) {
    return db.jdbc
        .sql("SELECT claimed_by FROM correspondence WHERE id = ?")
        .param(id)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  @Test
  void theClaimsOfANodeThatDiedAreTakenOverAfterTheLeaseAndSentOnce() {
    var survivor = dispatcher(smtp(scripted.port(), Duration.ofSeconds(10)), "node-b");
    var outbox = outbox(survivor);
    long id = outbox.enqueue(request("convenant-signed:1", "joke@korenschoof.example"));
    // Node a claimed it and died before it sent anything.
    var now = timing.now.atOffset(ZoneOffset.UTC);
    assertThat(correspondence.claim("node-a#1", now, now.plusSeconds(40), 25, false)).hasSize(1);

    assertThat(survivor.drainAll()).as("still node a's").isZero();
    timing.pass(Duration.ofSeconds(41));
    assertThat(survivor.drainAll()).isEqualTo(1);

    assertThat(scripted.acceptedByKey()).containsExactly(Map.entry("convenant-signed:1", 1));
    assertThat(row(id).status()).isEqualTo(CorrespondenceStatus.SENT);
  }

  @Test
  void anEmailWithAHistoryCannotBeDeletedUnnoticedAndAClosedOneLeavesTheList() {
    var dispatcher = dispatcher(smtp(scripted.port(), Duration.ofSeconds(10)), "node-a");
    var outbox = outbox(dispatcher);
    scripted.refuse("onbekend@korenschoof.example");
    long id = outbox.enqueue(request("convenant-signed:1", "onbekend@korenschoof.example"));
    dispatcher.drainAll();

    assertThatThrownBy(
            () -> db.jdbc.sql("DELETE FROM correspondence WHERE id = ?").param(id).update())
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(() -> outbox.close(id, " ", "anna", true))
        .hasMessage("Geef een reden, bijvoorbeeld: werkgever telefonisch bereikt.");
    outbox.close(id, "Werkgever telefonisch bereikt.", "anna", true);

    assertThat(row(id).needsAPerson()).isFalse();
    assertThat(row(id).closedBy()).isEqualTo("anna");
    assertThat(outbox.needingAPerson(10)).extracting(Correspondence::id).doesNotContain(id);
    assertThat(history(id)).containsExactly("QUEUED", "UNDELIVERABLE", "CLOSED");
    assertThat(incidents).hasSize(2).last().isEqualTo("resolved " + id);
    assertThatThrownBy(() -> outbox.close(id, "nog eens", "anna", true))
        .hasMessageContaining("er is niets af te sluiten");
  }
}
