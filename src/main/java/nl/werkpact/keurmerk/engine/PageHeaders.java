package nl.werkpact.keurmerk.engine;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security headers of the app's own server-rendered pages (register, dossier): they run no script and load
 * nothing from elsewhere, are never framed and send no referrer; how long they may be cached differs per page.
 */
public final class PageHeaders extends OncePerRequestFilter {

  private final String cacheControl;

  private PageHeaders(String cacheControl) {
    this.cacheControl = cacheControl;
  }

  public static FilterRegistrationBean<PageHeaders> on(String name, String cacheControl, String... urlPatterns) {
    var registration = new FilterRegistrationBean<>(new PageHeaders(cacheControl));
    registration.setName(name);
    registration.addUrlPatterns(urlPatterns);
    return registration;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("Content-Security-Policy",
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Cache-Control", cacheControl);
    chain.doFilter(request, response);
  }
}
