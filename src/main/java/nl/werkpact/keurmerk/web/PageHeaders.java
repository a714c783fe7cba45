package nl.werkpact.keurmerk.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security headers of the app's own server-rendered pages (register, dossier, dashboard): they load nothing from
 * elsewhere, run no inline script (the dashboard runs only the app's own script files), are never framed and send no
 * referrer; how long they may be cached differs per page.
 */
public final class PageHeaders extends OncePerRequestFilter {

  private static final String WITHOUT_SCRIPTS =
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
  private static final String OWN_SCRIPTS = WITHOUT_SCRIPTS + "; script-src 'self'";
  private static final String OWN_SCRIPTS_ASKING_THE_APP = OWN_SCRIPTS + "; connect-src 'self'";

  private final String cacheControl;
  private final String contentSecurityPolicy;

  private PageHeaders(String cacheControl, String contentSecurityPolicy) {
    this.cacheControl = cacheControl;
    this.contentSecurityPolicy = contentSecurityPolicy;
  }

  /** Pages that run no script at all. */
  public static FilterRegistrationBean<PageHeaders> on(
      String name, String cacheControl, String... urlPatterns) {
    return registration(new PageHeaders(cacheControl, WITHOUT_SCRIPTS), name, urlPatterns);
  }

  /** Pages that run script files served by the app itself (never inline script, never from elsewhere). */
  public static FilterRegistrationBean<PageHeaders> withOwnScripts(
      String name, String cacheControl, String... urlPatterns) {
    return registration(new PageHeaders(cacheControl, OWN_SCRIPTS), name, urlPatterns);
  }

  /** Pages whose own script files also ask the app itself for data (the import's progress). */
  public static FilterRegistrationBean<PageHeaders> withOwnScriptsAskingTheApp(
      String name, String cacheControl, String... urlPatterns) {
    return registration(
        new PageHeaders(cacheControl, OWN_SCRIPTS_ASKING_THE_APP), name, urlPatterns);
  }

  private static FilterRegistrationBean<PageHeaders> registration(
      PageHeaders headers, String name, String... urlPatterns) {
    var registration = new FilterRegistrationBean<>(headers);
    registration.setName(name);
    registration.addUrlPatterns(urlPatterns);
    return registration;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("Content-Security-Policy", contentSecurityPolicy);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Cache-Control", cacheControl);
    chain.doFilter(request, response);
  }
}
