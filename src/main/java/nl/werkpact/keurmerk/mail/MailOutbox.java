package nl.werkpact.keurmerk.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
  private final List<MailAttachments> attachments;

  public MailOutbox(
      CorrespondenceRepository correspondence,
      MailTemplates templates,
      JavaMailSender sender,
      PlatformTransactionManager transactionManager,
      Clock clock,
      String from) {
    this(correspondence, templates, sender, transactionManager, clock, from, List.of());
  }

  @org.springframework.beans.factory.annotation.Autowired
  public MailOutbox(
      CorrespondenceRepository correspondence,
      MailTemplates templates,
      JavaMailSender sender,
      PlatformTransactionManager transactionManager,
      Clock clock,
      @Value("${werkpact.mail.from}") String from,
      List<MailAttachments> attachments) {
    this.correspondence = correspondence;
    this.templates = templates;
    this.sender = sender;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.from = from;
    this.attachments = List.copyOf(attachments);
  }

  /** Queues the e-mail in the current transaction; returns its correspondence id. Idempotent per dedup key. */
  @Transactional
  public long enqueue(MailRequest request) {
    return correspondence.findIdByDedupKey(request.dedupKey())
        .orElseGet(() -> correspondence.insert(request, templates.render(request.template(), request.model()), OffsetDateTime.now(clock)));
  }

  /**
   * Sends every e-mail that this process instance queued and that is neither sent nor undeliverable; returns how many
   * were sent. Each e-mail is tried on its own: one that fails does not hold up the others. When some failed for a
   * passing reason, a {@link MailDeliveryException} at the end names exactly those, so the job is retried and its
   * incident says which e-mail waits.
   */
  public int deliverPendingFor(String processInstanceId) {
    int sent = 0;
    List<String> failed = new ArrayList<>();
    for (long id : correspondence.findUnsentIdsByProcessInstance(processInstanceId)) {
      Attempt attempt = attempt(id);
      if (attempt.outcome() == Outcome.SENT) {
        sent++;
      } else if (attempt.outcome() == Outcome.FAILED) {
        failed.add(attempt.description());
      }
    }
    if (!failed.isEmpty()) {
      throw new MailDeliveryException(String.join(" ", failed) + " Het wordt opnieuw geprobeerd.");
    }
    return sent;
  }

  /**
   * Sends one queued e-mail unless it was sent already. A passing failure (server away, 4xx, timeout) marks the row
   * FAILED with the error and throws a {@link MailDeliveryException}, so that the caller's job is retried. A refusal
   * for good (5xx for this recipient or message, a malformed address) marks it UNDELIVERABLE with the server's
   * answer: it is not retried, and nothing else waits for it.
   *
   * @return whether this call sent it
   */
  public boolean deliver(long id) {
    Attempt attempt = attempt(id);
    if (attempt.outcome() == Outcome.FAILED) {
      throw new MailDeliveryException(attempt.description() + " Het wordt opnieuw geprobeerd.");
    }
    return attempt.outcome() == Outcome.SENT;
  }

  /**
   * An operator sends an e-mail that did not go out (undeliverable or failed) again, to a corrected address or the same
   * one; the note of who did it and the old address stays on the row. Answers the e-mail's status after the attempt.
   */
  public CorrespondenceStatus resend(long id, String correctedAddress, String user) {
    Correspondence mail = correspondence.findById(id)
        .orElseThrow(() -> new nl.werkpact.keurmerk.common.InvalidRequestException("Er is geen e-mail met nummer " + id + "."));
    String address = correctedAddress == null || correctedAddress.isBlank() ? mail.recipient() : correctedAddress.strip();
    try {
      var parsed = new jakarta.mail.internet.InternetAddress(address, true);
      if (!address.equals(parsed.getAddress()) || !address.contains("@")) {
        throw new jakarta.mail.internet.AddressException(address);
      }
    } catch (jakarta.mail.internet.AddressException e) {
      throw new nl.werkpact.keurmerk.common.InvalidRequestException("Adres is geen geldig e-mailadres; typ bijvoorbeeld naam@bedrijf.nl.");
    }
    String note = "Opnieuw verstuurd door " + user + (address.equals(mail.recipient()) ? "" : " naar " + address + " (was " + mail.recipient() + ")")
        + "; vorige fout: " + (mail.lastError() == null ? "-" : mail.lastError());
    if (!ownTransaction.execute(status -> correspondence.requeue(id, address, abbreviate(note, 2000)))) {
      throw new nl.werkpact.keurmerk.common.InvalidRequestException("E-mail " + id + " is al verzonden of staat nog in de wachtrij; er is niets opnieuw te versturen.");
    }
    LOG.info("E-mail {} sent again by {} to {}", id, user, address);
    try {
      deliver(id);
    } catch (MailDeliveryException passing) {
      // recorded on the row as FAILED; the answer says so
    }
    return correspondence.findById(id).orElseThrow().status();
  }

  private record Attempt(Outcome outcome, String description) {}

  private Attempt attempt(long id) {
    return ownTransaction.execute(status -> {
      Correspondence mail = correspondence.lockById(id).orElseThrow(() -> new IllegalStateException("No correspondence " + id));
      if (mail.status() == CorrespondenceStatus.SENT) {
        return new Attempt(Outcome.ALREADY_SENT, null);
      }
      if (mail.status() == CorrespondenceStatus.UNDELIVERABLE) {
        return new Attempt(Outcome.UNDELIVERABLE, null);
      }
      try {
        sender.send(toMimeMessage(mail));
        correspondence.markSent(id, OffsetDateTime.now(clock));
        return new Attempt(Outcome.SENT, null);
      } catch (MailException | MessagingException e) {
        Optional<String> refusal = SmtpRefusals.permanent(e);
        if (refusal.isPresent()) {
          correspondence.markUndeliverable(id, abbreviate(refusal.get(), 2000));
          LOG.warn("E-mail {} ({}) to {} is undeliverable, the mail server refused it for good: {}", id, mail.template(), mail.recipient(),
              refusal.get());
          return new Attempt(Outcome.UNDELIVERABLE, null);
        }
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        correspondence.markFailed(id, abbreviate(reason, 2000));
        LOG.warn("E-mail {} ({}) to {} not sent: {}", id, mail.template(), mail.recipient(), reason);
        return new Attempt(Outcome.FAILED, "E-mail " + id + " (" + mail.template() + " aan " + mail.recipient()
            + ") kon niet verzonden worden: " + abbreviate(reason, 300) + ".");
      }
    });
  }

  private MimeMessage toMimeMessage(Correspondence mail) throws MessagingException {
    MimeMessage message = sender.createMimeMessage();
    var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
    helper.setFrom(from);
    helper.setTo(mail.recipient());
    helper.setSubject(mail.subject());
    helper.setText(mail.bodyText(), mail.bodyHtml());
    for (MailAttachments provider : attachments) {
      for (MailAttachments.Attachment attachment : provider.forMail(mail)) {
        helper.addAttachment(attachment.filename(), new org.springframework.core.io.ByteArrayResource(attachment.content()),
            attachment.contentType());
      }
    }
    // Lets a mail server or reader recognise a resend of the same e-mail.
    message.setHeader("X-Werkpact-Correspondence", mail.dedupKey());
    return message;
  }

  private static String abbreviate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private enum Outcome { SENT, ALREADY_SENT, FAILED, UNDELIVERABLE }
}
