package nl.werkpact.keurmerk.mail;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import nl.werkpact.keurmerk.clock.DatabaseClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A node that only dispatches e-mails, in a JVM of its own, so a test can kill it with kill -9 in the middle of a
 * storm: {@code OutboxNode <jdbc-url> <smtp-port> <node-name>}. Built as the app builds its dispatcher, with the
 * app's default settings.
 */
public final class OutboxNode {

  private OutboxNode() {}

  public static void main(String[] args) throws Exception {
    DataSource dataSource = dataSource(args[0]);
    MailDispatcher dispatcher =
        dispatcher(
            dataSource,
            Integer.parseInt(args[1]),
            MailDispatcher.Settings.defaults().withNode(args[2]));
    dispatcher.start();
    System.out.println("dispatching");
    Thread.sleep(Long.MAX_VALUE);
  }

  static HikariDataSource dataSource(String url) {
    var dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(url);
    dataSource.setUsername("postgres");
    dataSource.setPassword("postgres");
    dataSource.setMaximumPoolSize(6);
    dataSource.setConnectionTimeout(2000);
    return dataSource;
  }

  static JavaMailSenderImpl smtp(int port, Duration timeout) {
    var sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(port);
    var properties = new Properties();
    for (String key :
        List.of("mail.smtp.connectiontimeout", "mail.smtp.timeout", "mail.smtp.writetimeout")) {
      properties.put(key, String.valueOf(timeout.toMillis()));
    }
    sender.setJavaMailProperties(properties);
    return sender;
  }

  static MailDispatcher dispatcher(
      DataSource dataSource, int smtpPort, MailDispatcher.Settings settings) {
    return dispatcher(dataSource, smtp(smtpPort, Duration.ofSeconds(10)), settings);
  }

  /** As the app builds it: leases, due times and retries judged by the database's clock. */
  static MailDispatcher dispatcher(
      DataSource dataSource, JavaMailSenderImpl sender, MailDispatcher.Settings settings) {
    return dispatcher(
        dataSource, sender, settings, Clock.systemUTC(), new DatabaseClock(dataSource));
  }

  /**
   * @param own the node's own clock (what it records as "sent at")
   * @param timing what it judges leases, due times and retries by
   */
  static MailDispatcher dispatcher(
      DataSource dataSource,
      JavaMailSenderImpl sender,
      MailDispatcher.Settings settings,
      Clock own,
      Clock timing) {
    var correspondence = new CorrespondenceRepository(JdbcClient.create(dataSource));
    return new MailDispatcher(
        correspondence,
        new DataSourceTransactionManager(dataSource),
        dataSource,
        new MailMessages(sender, "keurmerk@werkpact.example", List.of()),
        new WaitingMail(
            correspondence, new MailTemplates(), MailWatchers.NOBODY, MailIncidents.NONE),
        own,
        timing,
        new OutboxSignal(),
        settings);
  }
}
