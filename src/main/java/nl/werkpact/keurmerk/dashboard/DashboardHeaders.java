package nl.werkpact.keurmerk.dashboard;

import nl.werkpact.keurmerk.web.PageHeaders;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dashboard shows figures for staff: strict headers, its own chart script only, never cached. */
@Configuration(proxyBeanMethods = false)
class DashboardHeaders {

  @Bean
  FilterRegistrationBean<PageHeaders> dashboardSecurityHeaders() {
    return PageHeaders.withOwnScripts(
        "dashboard-security-headers",
        "no-store",
        "/dashboard",
        "/dashboard/*",
        "/dashboard-assets/*",
        "/doorlooptijden",
        "/doorlooptijden/*");
  }
}
