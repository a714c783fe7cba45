package nl.werkpact.keurmerk.guard;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.identity.StaffPages;
import nl.werkpact.keurmerk.web.EngineRoutes;
import nl.werkpact.keurmerk.web.Refusals;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The REST routes that change something, for a user who is not an administrator: only those a role's work needs
 * (Tasklist, Camunda Modeler, Cockpit's searches, the project's own operations) reach Camunda's REST resources;
 * every other POST, PUT or DELETE of {@code /engine-rest} and of the webapps' {@code /camunda/api/engine} is refused
 * with a Dutch 403 before its body is even read, so no half-read request fails inside Camunda's REST layer.
 * Reads (GET) pass on to the engine, where {@link CommandAllowlist} decides. Routes are matched on the path as the
 * resources see it (decoded, no matrix parameters, no trailing slash). {@code RestRoutesIT} calls every route
 * of the REST API as each role.
 */
class RestRouteAllowlist extends OncePerRequestFilter {

  static final String REFUSAL =
      CommandGuard.ADMIN_ONLY + "; zij hoort niet bij het werk van uw rol. Er is niets gewijzigd.";

  private static final String ID = "[^/]+";

  /** Method and path (after /engine-rest or /camunda/api/engine/engine/{name}) a non-admin may send. */
  private static final List<Pattern> ALLOWED =
      List.of(
          // Tasklist: its task lists and counts, claim and give back, complete, start, request an
          // audit
          route("POST", "/task(/count)?"),
          route("POST", "/filter/" + ID + "/(list|count|singleResult)"),
          route("POST", "/task/" + ID + "/(claim|unclaim|complete|submit-form)"),
          route(
              "POST",
              "/process-definition/("
                  + ID
                  + "|key/"
                  + ID
                  + "(/tenant-id/"
                  + ID
                  + ")?)/(start|submit-form)"),
          route("POST", "/message"),
          // Camunda Modeler and Cockpit: deploy, delete a deployment (without cascade:
          // CommandGuard), prepare a migration
          route("POST", "/deployment/create"),
          route("DELETE", "/deployment/" + ID),
          route("POST", "/migration/(generate|validate)"),
          // Cockpit's and the REST API's searches sent as POST (long query strings); reads under
          // the command allowlist
          route(
              "POST",
              "/(process-instance|execution|variable-instance|job|incident|process-definition|decision-definition|deployment)(/count)?"),
          route(
              "POST",
              "/history/(process-instance|activity-instance|task|variable-instance|detail|incident|job-log|decision-instance"
                  + "|user-operation)(/count)?"),
          // the project's own operations (identity/AccessPolicy says who)
          route("POST", "/werkpact/correspondentie/" + ID + "/opnieuw"),
          route("POST", "/werkpact/keurmerken/" + ID + "/intrekking"),
          route("POST", "/werkpact/keurmerken/" + ID + "/schorsing(/opheffen)?"),
          route("POST", "/werkpact/migration/" + ID));

  private final IdentityService identity;

  RestRouteAllowlist(IdentityService identity) {
    this.identity = identity;
  }

  private static Pattern route(String method, String path) {
    return Pattern.compile(method + " " + path);
  }

  static boolean allows(String method, String path) {
    String line = method + " " + path;
    return ALLOWED.stream().anyMatch(route -> route.matcher(line).matches());
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String method = request.getMethod();
    return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    List<String> groups = callerGroups(request);
    if (groups == null
        || Groups.isAdmin(groups)
        || allows(request.getMethod(), EngineRoutes.routeOf(request))) {
      chain.doFilter(request, response);
      return;
    }
    Refusals.answer(response, HttpServletResponse.SC_FORBIDDEN, "ForbiddenException", REFUSAL);
  }

  /** The caller's groups: HTTP Basic on /engine-rest (authenticated in front of this), the webapps' session; null: anonymous. */
  private List<String> callerGroups(HttpServletRequest request) {
    var current = identity.getCurrentAuthentication();
    if (current != null && current.getUserId() != null) {
      return current.getGroupIds() == null ? List.of() : current.getGroupIds();
    }
    return StaffPages.sessionGroups(request);
  }
}
