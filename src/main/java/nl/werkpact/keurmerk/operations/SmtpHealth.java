package nl.werkpact.keurmerk.operations;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import nl.werkpact.keurmerk.mail.MailSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.stereotype.Component;

/**
 * Whether the SMTP server answers, as information: an unreachable server does not make the app unready (e-mails wait
 * in the outbox and are retried), so this reports UNKNOWN with the reason instead of DOWN. Not in the readiness group.
 */
@Component("smtp")
class SmtpHealth implements HealthIndicator {

  private static final int TIMEOUT_MILLIS = 2_000;

  private final String host;
  private final int port;
  private final String dropDirectory;

  /** {@code server}: Spring Boot's {@code spring.mail.*}, there only when a host is set (not in the local profile). */
  SmtpHealth(ObjectProvider<MailProperties> server, MailSettings mail) {
    var smtp = server.getIfAvailable(MailProperties::new);
    this.host = smtp.getHost() == null ? "" : smtp.getHost();
    this.port = smtp.getPort() == null ? 25 : smtp.getPort();
    this.dropDirectory = mail.dropDirectory();
  }

  @Override
  public Health health() {
    if (!dropDirectory.isBlank()) {
      return Health.up()
          .withDetail("mode", "e-mails worden als bestanden bewaard in " + dropDirectory)
          .build();
    }
    if (host.isBlank()) {
      return Health.unknown()
          .withDetail("error", "geen SMTP-server ingesteld (WERKPACT_SMTP_HOST)")
          .build();
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
      return Health.up().withDetail("server", host + ":" + port).build();
    } catch (IOException unreachable) {
      return Health.unknown()
          .withDetail("server", host + ":" + port)
          .withDetail("error", "niet bereikbaar: " + unreachable.getMessage())
          .build();
    }
  }
}
