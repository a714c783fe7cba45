package nl.werkpact.keurmerk.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox and the one place that talks to SMTP.
 *
 * <p>{@link #enqueue} writes a PENDING row in the caller's transaction, so a record change and the
 * e-mail it causes are stored together or not at all. {@link #deliver} sends one row in a transaction of
 * its own that locks the row, sends, and marks it SENT: a retry of a row already SENT sends nothing.
 * What remains is the unavoidable window between the SMTP server accepting the message and the commit
 * of SENT; a crash exactly there sends that one e-mail again.
 */
@Service
public class MailOutbox {

  private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);

  static {
    // Jakarta Mail looks its stream provider up with a ServiceLoader scan of every jar for each message it builds
    // (the profile of the lifecycle benchmark: 8 % of all work). Named here, it is instantiated directly.
    System.getProperties().putIfAbsent("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
  }

  private final CorrespondenceRepository correspondence;
  private final MailTemplates templates;
  private final JavaMailSender sender;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;
  private final String from;

  public MailOutbox(
      CorrespondenceRepository correspondence,
      MailTemplates templates,
      JavaMailSender sender,
      PlatformTransactionManager transactionManager,
      Clock clock,
      @Value("${werkpact.mail.from}") String from) {
    this.correspondence = correspondence;
    this.templates = templates;
    this.sender = sender;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.from = from;
  }

  /** Queues the e-mail in the current transaction; returns its correspondence id. Idempotent per dedup key. */
  @Transactional
  public long enqueue(MailRequest request) {
    return correspondence.findIdByDedupKey(request.dedupKey())
        .orElseGet(() -> correspondence.insert(request, templates.render(request.template(), request.model()), OffsetDateTime.now(clock)));
  }

  /** Sends every e-mail that this process instance queued and that is not sent yet; returns how many were sent. */
  public int deliverPendingFor(String processInstanceId) {
    int sent = 0;
    for (long id : correspondence.findUnsentIdsByProcessInstance(processInstanceId)) {
      if (deliver(id)) {
        sent++;
      }
    }
    return sent;
  }

  /**
   * Sends one queued e-mail unless it was sent already. On an SMTP failure the row is marked FAILED with
   * the error, and a {@link MailDeliveryException} is thrown so that the caller's job is retried.
   *
   * @return whether this call sent it
   */
  public boolean deliver(long id) {
    Outcome outcome = ownTransaction.execute(status -> {
      Correspondence mail = correspondence.lockById(id).orElseThrow(() -> new IllegalStateException("No correspondence " + id));
      if (mail.status() == CorrespondenceStatus.SENT) {
        return Outcome.ALREADY_SENT;
      }
      try {
        sender.send(toMimeMessage(mail));
        correspondence.markSent(id, OffsetDateTime.now(clock));
        return Outcome.SENT;
      } catch (MailException | MessagingException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        correspondence.markFailed(id, abbreviate(reason, 2000));
        LOG.warn("E-mail {} ({}) to {} not sent: {}", id, mail.template(), mail.recipient(), reason);
        return Outcome.FAILED;
      }
    });
    if (outcome == Outcome.FAILED) {
      throw new MailDeliveryException("E-mail " + id + " kon niet verzonden worden; de mailserver is niet bereikbaar of weigerde het bericht. "
          + "Zie tabel correspondence voor de foutmelding.");
    }
    return outcome == Outcome.SENT;
  }

  private MimeMessage toMimeMessage(Correspondence mail) throws MessagingException {
    MimeMessage message = sender.createMimeMessage();
    var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
    helper.setFrom(from);
    helper.setTo(mail.recipient());
    helper.setSubject(mail.subject());
    helper.setText(mail.bodyText(), mail.bodyHtml());
    // Lets a mail server or reader recognise a resend of the same e-mail.
    message.setHeader("X-Werkpact-Correspondence", mail.dedupKey());
    return message;
  }

  private static String abbreviate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private enum Outcome { SENT, ALREADY_SENT, FAILED }
}
