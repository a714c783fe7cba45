package nl.werkpact.keurmerk.dossier;

import nl.werkpact.keurmerk.web.PageHeaders;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dossier holds employers' data: strict headers, never cached. */
@Configuration(proxyBeanMethods = false)
class DossierHeaders {

  @Bean
  FilterRegistrationBean<PageHeaders> dossierSecurityHeaders() {
    return PageHeaders.on("dossier-security-headers", "no-store", "/dossier", "/dossier/*");
  }
}
