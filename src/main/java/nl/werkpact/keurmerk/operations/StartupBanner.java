package nl.werkpact.keurmerk.operations;

import java.nio.file.Path;
import nl.werkpact.keurmerk.mail.MailSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started the app where to click. */
@Component
class StartupBanner {

  private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);

  private final Environment environment;
  private final BannerSettings banner;
  private final MailSettings mail;
  private final ObjectProvider<MailProperties> smtp;

  StartupBanner(
      Environment environment,
      BannerSettings banner,
      MailSettings mail,
      ObjectProvider<MailProperties> smtp) {
    this.environment = environment;
    this.banner = banner;
    this.mail = mail;
    this.smtp = smtp;
  }

  /** Where e-mails go, by the rule the app follows: files when a drop directory is set, else the SMTP server. */
  String mailLine() {
    if (!mail.dropDirectory().isBlank()) {
      return "bestanden in "
          + Path.of(mail.dropDirectory()).toAbsolutePath()
          + " (geen SMTP-server; werkpact.mail.drop-directory)";
    }
    var server = smtp.getIfAvailable();
    if (server == null || server.getHost() == null || server.getHost().isBlank()) {
      return "geen SMTP-server ingesteld (WERKPACT_SMTP_HOST)";
    }
    return "via SMTP-server "
        + server.getHost()
        + ":"
        + (server.getPort() == null ? 25 : server.getPort());
  }

  @EventListener
  @Order(Integer.MAX_VALUE)
  void onReady(ApplicationReadyEvent event) {
    if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
      return;
    }
    String base = "http://localhost:" + web.getWebServer().getPort();
    LOG.info(
        """

        ============================================================
         Werkpact Keurmerk is gestart (profiel: {})
           Tasklist:  {}/camunda/app/tasklist/
           Cockpit:   {}/camunda/app/cockpit/
           Admin:     {}/camunda/app/admin/
           REST API:  {}/engine-rest (HTTP Basic)
           Register:  {}/register (openbaar)
           Partner worden: {}/partner-worden (openbaar: zelfscan en aanmelden)
           Mijn keurmerk:  {}/mijn-keurmerk (werkgevers, inloggen met een link per e-mail)
           Uitreikingen:   {}/uitreikingen
           Dossier:   {}/dossier
           Dashboard: {}/dashboard
           Doorlooptijden: {}/doorlooptijden (procesbeheerders)
           Criteria uitproberen: {}/beheer/criteria (procesbeheerders)
           Import:    {}/beheer/import (beheerders)
           E-mail die wacht: {}/beheer/e-mail
           Mijn instellingen: {}/mijn-instellingen (dagoverzicht van taken)
           E-mail:    {}
        {}============================================================""",
        String.join(
            ",",
            environment.getActiveProfiles().length == 0
                ? environment.getDefaultProfiles()
                : environment.getActiveProfiles()),
        base,
        base,
        base,
        base,
        base,
        base,
        base,
        base,
        base,
        base,
        base,
        base,
        base,
        base,
        base,
        mailLine(),
        banner.logins());
  }
}
