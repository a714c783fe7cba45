package nl.werkpact.keurmerk.mail;

import org.springframework.mail.MailSendException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.SendFailedException;
import jakarta.mail.MessagingException;
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

  @Test
  void aRefusalForGoodMarksThatEmailUndeliverableAndTheOthersStillGoOut() throws Exception {
    var refusing = new JavaMailSenderImpl() {
      @Override
      protected void doSend(MimeMessage[] messages, Object[] originals) {
        for (MimeMessage message : messages) {
          try {
            var to = (InternetAddress) message.getAllRecipients()[0];
            if (to.getAddress().startsWith("onbekend@")) {
              // What the mail server answers for an address it does not know, as Jakarta Mail reports it.
              throw new MailSendException(Map.of(message, new SendFailedException("Invalid Addresses",
                  new SMTPAddressFailedException(to, "RCPT TO:<" + to.getAddress() + ">", 550, "550 5.1.1 <" + to.getAddress()
                      + ">: Recipient address rejected: User unknown"))));
            }
          } catch (MessagingException e) {
            throw new IllegalStateException(e);
          }
        }
        super.doSend(messages, originals);
      }
    };
    refusing.setHost("127.0.0.1");
    refusing.setPort(smtp.getSmtp().getPort());
    outbox = new MailOutbox(correspondence, new MailTemplates(), refusing, db.transactions, NOW, "Sociaal Werkpact <keurmerk@werkpact.example>");
    long refused = outbox.enqueue(request("convenant-signed:3", "onbekend@korenschoof.example"));
    long good = outbox.enqueue(request("convenant-signed:4", "joke@korenschoof.example"));

    assertThat(outbox.deliverPendingFor("pi-1")).isEqualTo(1);
    assertThat(outbox.deliverPendingFor("pi-1")).as("not tried again, nothing waits for it").isZero();

    var undeliverable = correspondence.findById(refused).orElseThrow();
    assertThat(undeliverable.status()).isEqualTo(CorrespondenceStatus.UNDELIVERABLE);
    assertThat(undeliverable.lastError()).contains("550").contains("User unknown");
    assertThat(undeliverable.attempts()).isEqualTo(1);
    assertThat(correspondence.findById(good).orElseThrow().status()).isEqualTo(CorrespondenceStatus.SENT);
    assertThat(smtp.getReceivedMessages()).hasSize(1);

    // The accountmanager finds the right address; the e-mail goes out once, and the row says who changed what.
    assertThatThrownBy(() -> outbox.resend(refused, "joke at korenschoof", "anna"))
        .hasMessage("Adres is geen geldig e-mailadres; typ bijvoorbeeld naam@bedrijf.nl.");
    assertThat(outbox.resend(refused, "joke.verbeek@korenschoof.example", "anna")).isEqualTo(CorrespondenceStatus.SENT);
    var resent = correspondence.findById(refused).orElseThrow();
    assertThat(resent.recipient()).isEqualTo("joke.verbeek@korenschoof.example");
    assertThat(resent.operatorNote()).startsWith("Opnieuw verstuurd door anna naar joke.verbeek@korenschoof.example (was onbekend@korenschoof.example)");
    assertThat(smtp.getReceivedMessages()).hasSize(2);
    assertThatThrownBy(() -> outbox.resend(refused, null, "anna")).hasMessageContaining("is al verzonden");
  }

  @Test
  void aPassingFailureTriesEveryEmailAndTheIncidentNamesTheOnesThatWait() {
    long first = outbox.enqueue(request("convenant-signed:5", "joke@korenschoof.example"));
    long second = outbox.enqueue(request("convenant-signed:6", "piet@korenschoof.example"));
    smtp.stop();

    assertThatThrownBy(() -> outbox.deliverPendingFor("pi-1")).isInstanceOf(MailDeliveryException.class)
        .hasMessageContaining("E-mail " + first + " (convenant-signed aan joke@korenschoof.example)")
        .hasMessageContaining("E-mail " + second + " (convenant-signed aan piet@korenschoof.example)")
        .hasMessageContaining("Het wordt opnieuw geprobeerd.");
    assertThat(correspondence.findById(first).orElseThrow().status()).isEqualTo(CorrespondenceStatus.FAILED);
    assertThat(correspondence.findById(second).orElseThrow().status()).isEqualTo(CorrespondenceStatus.FAILED);
  }

  private MailRequest request(String dedupKey, String recipient) {
    return new MailRequest(ConvenantService.MAIL_CONVENANT_SIGNED, recipient,
        Map.of("employerName", "Bakkerij De Korenschoof", "contactPerson", "Joke Verbeek", "kvkNumber", "90000001",
            "signedDate", "21 november 2026", "signedBy", "J. Verbeek"),
        "CONVENANT", 1L, "pi-1", dedupKey);
  }
}
