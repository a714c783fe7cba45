package nl.werkpact.keurmerk.register;

import nl.werkpact.keurmerk.web.PageHeaders;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The public pages: strict headers and a short public cache (a verification reflects a withdrawal within minutes). */
@Configuration(proxyBeanMethods = false)
class RegisterHeaders {

  @Bean
  FilterRegistrationBean<PageHeaders> registerSecurityHeaders() {
    return PageHeaders.on(
        "register-security-headers",
        "public, max-age=300",
        "/register",
        "/register/*",
        "/register.json",
        "/register-assets/*");
  }
}
