package nl.werkpact.keurmerk.guard;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import nl.werkpact.keurmerk.identity.StaffPages;
import nl.werkpact.keurmerk.region.RegionScope;
import nl.werkpact.keurmerk.web.BasicCredentials;
import nl.werkpact.keurmerk.web.Refusals;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic against Camunda's users for every {@code /engine-rest} request, without exception. Camunda's own
 * filter lets through paths without an engine name ({@code /engine-rest/engine}); this one does not. Every
 * response, the 401 included, carries the security headers of an API that no browser should render or cache.
 * Failed passwords count towards Camunda's login delay ({@link EngineSecurityPlugin}).
 */
class EngineRestAuthentication extends OncePerRequestFilter {

  private final IdentityService identity;
  private final boolean hsts;

  EngineRestAuthentication(IdentityService identity, boolean hsts) {
    this.identity = identity;
    this.hsts = hsts;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Cache-Control", "no-store");
    if (hsts) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000");
    }
    String[] credentials = credentials(request.getHeader("Authorization"));
    if (credentials == null || !identity.checkPassword(credentials[0], credentials[1])) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"Werkpact Keurmerk\"");
      Refusals.answer(
          response,
          HttpServletResponse.SC_UNAUTHORIZED,
          "AuthenticationException",
          "Log in met uw gebruikersnaam en wachtwoord (HTTP Basic). Na een verkeerd wachtwoord moet u even wachten voor u het opnieuw probeert.");
      return;
    }
    String user = credentials[0];
    var groups =
        identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    var tenants =
        identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
            .map(Tenant::getId)
            .toList();
    identity.setAuthentication(user, groups, tenants);
    // The app's own REST resources read and write the caller's region's records only (admins: all).
    RegionScope.set(StaffPages.scopeOf(groups, tenants, request.getMethod()));
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
      RegionScope.clear();
    }
  }

  static String[] credentials(String header) {
    return BasicCredentials.of(header);
  }
}
