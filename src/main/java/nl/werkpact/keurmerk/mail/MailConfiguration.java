package nl.werkpact.keurmerk.mail;

import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

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
}
