package nl.werkpact.keurmerk.mail;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import nl.werkpact.keurmerk.clock.DatabaseClock;
import nl.werkpact.keurmerk.region.Regions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

  /** Local default: e-mails land as files in {@code werkpact.mail.drop-directory}; empty means real SMTP. */
  @Bean
  @ConditionalOnExpression("!'${werkpact.mail.drop-directory:}'.isBlank()")
  JavaMailSender fileDropMailSender(MailSettings settings) {
    Path path = Path.of(settings.dropDirectory()).toAbsolutePath();
    LoggerFactory.getLogger(MailConfiguration.class)
        .info(
            "E-mails are written as .eml files to {} (no SMTP server in the local profile)", path);
    return new FileDropMailSender(path);
  }

  @Bean
  OutboxSignal outboxSignal() {
    return new OutboxSignal();
  }

  /** {@code werkpact.mail.dispatcher.*} (docs/email.md); {@code enabled=false} on a node that must not send. */
  @Bean
  MailDispatcher mailDispatcher(
      CorrespondenceRepository correspondence,
      MailTemplates templates,
      JavaMailSender sender,
      PlatformTransactionManager transactions,
      DataSource dataSource,
      Clock clock,
      DatabaseClock shared,
      MailSettings mailSettings,
      List<MailAttachments> attachments,
      ObjectProvider<MailWatchers> watchers,
      ObjectProvider<ProcessEngine> engine,
      OutboxSignal signal,
      Regions regions) {
    var dispatcher = mailSettings.dispatcher();
    var settings =
        new MailDispatcher.Settings(
            dispatcher.enabled() ? dispatcher.threads() : 0,
            dispatcher.batchSize(),
            dispatcher.lease(),
            dispatcher.idlePoll(),
            dispatcher.retryDelays(),
            dispatcher.node().isBlank() ? MailDispatcher.Settings.defaultNode() : dispatcher.node(),
            dispatcher.unrecordedAtMost());
    // Claims, leases and retries follow the database's clock, which all nodes share
    // (clock/DatabaseClock).
    return new MailDispatcher(
        correspondence,
        transactions,
        dataSource,
        new MailMessages(
            sender,
            mailSettings.from(),
            attachments,
            region -> regions.find(region).map(Regions.Region::mailFrom).orElse(null)),
        // Looked up when a notice is due: the watchers know the employers, whose services queue
        // e-mails here.
        new WaitingMail(
            correspondence,
            templates,
            mail -> watchers.getIfAvailable(() -> MailWatchers.NOBODY).forMail(mail),
            new EngineMailIncidents(engine)),
        clock,
        shared,
        signal,
        settings);
  }

  /** The correspondence's REST endpoint ({@code /engine-rest/werkpact/correspondentie}). */
  @Bean
  ResourceConfigCustomizer correspondenceEndpoint(MailOutbox outbox, IdentityService identity) {
    return config -> config.register(new CorrespondenceResource(outbox, identity));
  }
}
