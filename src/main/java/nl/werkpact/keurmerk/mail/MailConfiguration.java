package nl.werkpact.keurmerk.mail;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

  /** Local default: e-mails land as files in {@code werkpact.mail.drop-directory}; empty means real SMTP. */
  @Bean
  @ConditionalOnExpression("!'${werkpact.mail.drop-directory:}'.isBlank()")
  JavaMailSender fileDropMailSender(@Value("${werkpact.mail.drop-directory}") String directory) {
    Path path = Path.of(directory).toAbsolutePath();
    LoggerFactory.getLogger(MailConfiguration.class).info("E-mails are written as .eml files to {} (no SMTP server in the local profile)", path);
    return new FileDropMailSender(path);
  }

  @Bean
  OutboxSignal outboxSignal() {
    return new OutboxSignal();
  }

  /** {@code werkpact.mail.dispatcher.*} (docs/email.md); {@code enabled=false} on a node that must not send. */
  @Bean
  MailDispatcher mailDispatcher(CorrespondenceRepository correspondence, MailTemplates templates, JavaMailSender sender,
      PlatformTransactionManager transactions, DataSource dataSource, Clock clock, @Value("${werkpact.mail.from}") String from,
      List<MailAttachments> attachments, ObjectProvider<MailWatchers> watchers, ObjectProvider<ProcessEngine> engine, OutboxSignal signal,
      @Value("${werkpact.mail.dispatcher.enabled:true}") boolean enabled,
      @Value("${werkpact.mail.dispatcher.threads:3}") int threads,
      @Value("${werkpact.mail.dispatcher.batch-size:25}") int batchSize,
      @Value("${werkpact.mail.dispatcher.lease:PT40S}") Duration lease,
      @Value("${werkpact.mail.dispatcher.idle-poll:PT1S}") Duration idlePoll,
      @Value("${werkpact.mail.dispatcher.retry-delays:PT30S,PT2M,PT10M,PT30M,PT1H,PT2H}") List<Duration> retryDelays,
      @Value("${werkpact.mail.dispatcher.node:}") String node,
      @Value("${werkpact.mail.dispatcher.unrecorded-at-most:1}") int unrecordedAtMost) {
    var settings = new MailDispatcher.Settings(enabled ? threads : 0, batchSize, lease, idlePoll, retryDelays,
        node.isBlank() ? MailDispatcher.Settings.defaultNode() : node, unrecordedAtMost);
    return new MailDispatcher(correspondence, templates, sender, transactions, dataSource, clock, Clock.systemUTC(), from, attachments,
        // Looked up when a notice is due: the watchers know the employers, whose services queue e-mails here.
        mail -> watchers.getIfAvailable(() -> MailWatchers.NOBODY).forMail(mail), new EngineMailIncidents(engine), signal, settings);
  }
}
