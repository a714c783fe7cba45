package nl.werkpact.keurmerk.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * For the local default only: writes each e-mail as an {@code .eml} file (any mail program opens it)
 * instead of talking to an SMTP server, so a newcomer sees every e-mail without installing anything.
 */
public class FileDropMailSender extends JavaMailSenderImpl {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final Path directory;
  private final AtomicLong sequence = new AtomicLong();

  public FileDropMailSender(Path directory) {
    this.directory = directory;
  }

  @Override
  protected void doSend(MimeMessage[] mimeMessages, Object[] originalMessages) {
    try {
      Files.createDirectories(directory);
      for (MimeMessage message : mimeMessages) {
        message.saveChanges();
        Path file =
            directory.resolve(
                STAMP.format(LocalDateTime.now()) + "-" + sequence.incrementAndGet() + ".eml");
        try (OutputStream out = Files.newOutputStream(file)) {
          message.writeTo(out);
        }
      }
    } catch (MessagingException e) {
      throw new MailPreparationException(e);
    } catch (IOException e) {
      throw new MailSendException("Could not write e-mail to " + directory, e);
    }
  }
}
