package nl.werkpact.keurmerk.guard;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import nl.werkpact.keurmerk.identity.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The management endpoints ({@code /actuator}) are not public. Health and its liveness and readiness probes are, with
 * their status only; admins and procesbeheerders (HTTP Basic with their Camunda login) see the details there and reach
 * the other endpoints (Prometheus metrics, info). Anyone else gets 401 or 403.
 */
class ManagementAccess extends OncePerRequestFilter {

  private static final Set<String> PUBLIC =
      Set.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness");
  private static final List<String> OPERATORS =
      List.of(
          Groups.ADMINS,
          Groups.PROCESBEHEERDERS,
          org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN);

  private final IdentityService identity;

  ManagementAccess(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String operator = operator(request);
    if (operator != null) {
      chain.doFilter(
          new HttpServletRequestWrapper(request) {
            @Override
            public Principal getUserPrincipal() {
              return () -> operator;
            }

            @Override
            public String getRemoteUser() {
              return operator;
            }
          },
          response);
    } else if (PUBLIC.contains(path)) {
      chain.doFilter(request, response);
    } else {
      boolean loggedIn = request.getHeader("Authorization") != null;
      response.setStatus(
          loggedIn ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_UNAUTHORIZED);
      if (!loggedIn) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Werkpact Keurmerk beheer\"");
      }
      response.setContentType("application/json;charset=UTF-8");
      response
          .getWriter()
          .write(
              "{\"message\":\"Alleen voor beheerders en procesbeheerders: log in met uw gebruikersnaam en wachtwoord (HTTP Basic).\"}");
    }
  }

  /** The user, if the request carries the login of an admin or procesbeheerder. */
  private String operator(HttpServletRequest request) {
    String[] credentials = EngineRestAuthentication.credentials(request.getHeader("Authorization"));
    if (credentials == null || !identity.checkPassword(credentials[0], credentials[1])) {
      return null;
    }
    boolean operator =
        identity.createGroupQuery().groupMember(credentials[0]).list().stream()
            .map(Group::getId)
            .anyMatch(OPERATORS::contains);
    return operator ? credentials[0] : null;
  }
}
