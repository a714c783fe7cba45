package nl.werkpact.keurmerk.operations;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

  StartupBanner(Environment environment, BannerSettings banner) {
    this.environment = environment;
    this.banner = banner;
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
           Dossier:   {}/dossier
           Dashboard: {}/dashboard
           Import:    {}/beheer/import (beheerders)
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
        banner.logins());
  }
}
