package nl.werkpact.keurmerk.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** An e-mail of the outbox as it goes over the wire: sender, text and HTML, the attachments its kind has. */
public final class MailMessages {

  private final JavaMailSender sender;
  private final String from;
  private final List<MailAttachments> attachments;
  private final Function<String, String> senderOfRegion;

  public MailMessages(JavaMailSender sender, String from, List<MailAttachments> attachments) {
    this(sender, from, attachments, region -> null);
  }

  /** Each region's e-mails from its own sender, where it has one; else from the installation's. */
  public MailMessages(
      JavaMailSender sender,
      String from,
      List<MailAttachments> attachments,
      Function<String, String> senderOfRegion) {
    this.sender = sender;
    this.from = from;
    this.attachments = List.copyOf(attachments);
    this.senderOfRegion = senderOfRegion;
  }

  JavaMailSender sender() {
    return sender;
  }

  MimeMessage build(Correspondence mail) throws MessagingException {
    MimeMessage message = sender.createMimeMessage();
    var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
    String regional = mail.regionCode() == null ? null : senderOfRegion.apply(mail.regionCode());
    helper.setFrom(regional == null || regional.isBlank() ? from : regional);
    helper.setTo(mail.recipient());
    helper.setSubject(mail.subject());
    helper.setText(mail.bodyText(), mail.bodyHtml());
    for (MailAttachments provider : attachments) {
      for (MailAttachments.Attachment attachment : provider.forMail(mail)) {
        helper.addAttachment(
            attachment.filename(),
            new ByteArrayResource(attachment.content()),
            attachment.contentType());
      }
    }
    // Lets a mail server or reader recognise a resend of the same e-mail.
    message.setHeader("X-Werkpact-Correspondence", mail.dedupKey());
    return message;
  }
}
