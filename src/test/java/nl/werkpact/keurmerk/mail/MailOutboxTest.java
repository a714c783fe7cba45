package nl.werkpact.keurmerk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Map;
import nl.werkpact.keurmerk.convenant.ConvenantService;
import nl.werkpact.keurmerk.support.InMemoryDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The outbox against a real SMTP server (GreenMail): sent once, failures recorded and retried. */
class MailOutboxTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetup.SMTP.dynamicPort());

  private static final Clock NOW = InMemoryDatabase.clockAt("2026-11-23T10:00:00Z");

  private InMemoryDatabase db;
  private CorrespondenceRepository correspondence;
  private JavaMailSenderImpl sender;
  private MailOutbox outbox;

  @BeforeEach
  void setUp() {
    db = new InMemoryDatabase();
    correspondence = new CorrespondenceRepository(db.jdbc);
    sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(smtp.getSmtp().getPort());
    outbox = new MailOutbox(correspondence, new MailTemplates(), sender, db.transactions, NOW, "Sociaal Werkpact <keurmerk@werkpact.example>");
  }

  private MailRequest request(String dedupKey) {
    return new MailRequest(ConvenantService.MAIL_CONVENANT_SIGNED, "joke@korenschoof.example",
        Map.of("employerName", "Bakkerij De Korenschoof", "contactPerson", "Joke Verbeek", "kvkNumber", "90000001",
            "signedDate", "21 november 2026", "signedBy", "J. Verbeek"),
        "CONVENANT", 1L, "pi-1", dedupKey);
  }

  @Test
  void queuesOncePerKeyAndSendsOnceHoweverOftenDeliveryRuns() throws Exception {
    long id = outbox.enqueue(request("convenant-signed:1"));
    assertThat(outbox.enqueue(request("convenant-signed:1"))).isEqualTo(id);

    assertThat(outbox.deliverPendingFor("pi-1")).isEqualTo(1);
    assertThat(outbox.deliverPendingFor("pi-1")).isZero();
    assertThat(outbox.deliver(id)).isFalse();

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getSubject()).isEqualTo("Bevestiging: convenant Sociaal Werkpact getekend door Bakkerij De Korenschoof");
    assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("joke@korenschoof.example");
    var row = correspondence.findById(id).orElseThrow();
    assertThat(row.status()).isEqualTo(CorrespondenceStatus.SENT);
    assertThat(row.sentAt()).isNotNull();
    assertThat(row.attempts()).isEqualTo(1);
  }

  @Test
  void recordsTheFailureWhenSmtpIsDownAndSendsExactlyOnceWhenItIsBack() {
    long id = outbox.enqueue(request("convenant-signed:2"));
    smtp.stop();

    assertThatThrownBy(() -> outbox.deliver(id)).isInstanceOf(MailDeliveryException.class);
    var failed = correspondence.findById(id).orElseThrow();
    assertThat(failed.status()).isEqualTo(CorrespondenceStatus.FAILED);
    assertThat(failed.lastError()).isNotBlank();

    smtp.start();
    sender.setPort(smtp.getSmtp().getPort());
    assertThat(outbox.deliver(id)).isTrue();
    assertThat(outbox.deliver(id)).isFalse();

    assertThat(smtp.getReceivedMessages()).hasSize(1);
    var sent = correspondence.findById(id).orElseThrow();
    assertThat(sent.status()).isEqualTo(CorrespondenceStatus.SENT);
    assertThat(sent.attempts()).isEqualTo(2);
  }
}
