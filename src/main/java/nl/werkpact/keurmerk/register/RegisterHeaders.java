package nl.werkpact.keurmerk.register;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The public pages run no script and load nothing from elsewhere: a strict Content-Security-Policy, no framing, no
 * referrer, and a short public cache (a verification reflects a withdrawal within minutes).
 */
@Configuration(proxyBeanMethods = false)
class RegisterHeaders {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> registerSecurityHeaders() {
    var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        response.setHeader("Content-Security-Policy",
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "public, max-age=300");
        chain.doFilter(request, response);
      }
    });
    registration.setName("register-security-headers");
    registration.addUrlPatterns("/register", "/register/*", "/register.json", "/register-assets/*");
    return registration;
  }
}
