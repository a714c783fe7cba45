package nl.werkpact.keurmerk.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One conversation with the mail server that many e-mails share: greeting, EHLO and (when configured) STARTTLS and
 * login once, then one MAIL FROM / RCPT TO / DATA per e-mail. Opened at the first e-mail, closed when the dispatcher
 * has nothing left or the conversation broke.
 */
abstract class MailConnection implements AutoCloseable {

  /** Set when the last send broke the conversation: the e-mails after it wait for a new connection. */
  boolean lost;

  abstract void send(MimeMessage message) throws MessagingException;

  @Override
  public abstract void close();

  /** The sender Spring Boot configures talks SMTP here; any other sender (the local file drop, tests) sends alone. */
  static MailConnection to(JavaMailSender sender) {
    return sender.getClass() == JavaMailSenderImpl.class ? new Smtp((JavaMailSenderImpl) sender) : new OneByOne(sender);
  }

  private static final class Smtp extends MailConnection {

    private final JavaMailSenderImpl settings;
    private Transport transport;

    Smtp(JavaMailSenderImpl settings) {
      this.settings = settings;
    }

    @Override
    void send(MimeMessage message) throws MessagingException {
      if (transport == null) {
        String protocol = settings.getProtocol() == null ? "smtp" : settings.getProtocol();
        Transport opened = settings.getSession().getTransport(protocol);
        String user = settings.getUsername() == null || settings.getUsername().isEmpty() ? null : settings.getUsername();
        String password = user == null || settings.getPassword() == null || settings.getPassword().isEmpty() ? null : settings.getPassword();
        try {
          opened.connect(settings.getHost(), settings.getPort(), user, password);
        } catch (MessagingException | RuntimeException e) {
          lost = true;
          throw e;
        }
        transport = opened;
      }
      if (message.getSentDate() == null) {
        message.setSentDate(new Date());
      }
      String messageId = message.getMessageID();
      message.saveChanges();
      if (messageId != null) {
        message.setHeader("Message-ID", messageId);
      }
      try {
        transport.sendMessage(message, message.getAllRecipients());
      } catch (MessagingException | RuntimeException e) {
        // After a refused recipient the server resets and the conversation goes on; after a timeout, a closed socket
        // or a 421 it is over.
        if (SmtpRefusals.connectionLost(e) || !transport.isConnected()) {
          close();
          lost = true;
        }
        throw e;
      }
    }

    @Override
    public void close() {
      if (transport != null) {
        try {
          transport.close();
        } catch (MessagingException | RuntimeException ignored) {
          // the server went away; nothing to close
        }
        transport = null;
      }
    }
  }

  private static final class OneByOne extends MailConnection {

    private final JavaMailSender sender;

    OneByOne(JavaMailSender sender) {
      this.sender = sender;
    }

    @Override
    void send(MimeMessage message) {
      try {
        sender.send(message);
      } catch (RuntimeException e) {
        lost = SmtpRefusals.connectionLost(e);
        throw e;
      }
    }

    @Override
    public void close() {}
  }
}
