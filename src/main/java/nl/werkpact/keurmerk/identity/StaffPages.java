package nl.werkpact.keurmerk.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import nl.werkpact.keurmerk.region.RegionScope;
import nl.werkpact.keurmerk.web.BasicCredentials;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.stereotype.Component;

/**
 * Who may open the app's own pages for staff (the employers' dossier, the dashboard): accountmanagers, the
 * keurmerkcommissie and admins, logged in with Camunda's own login (the Tasklist session of this browser, made by the
 * Takenlijst or by our page {@code /aanmelden}, or HTTP Basic). A browser that is not logged in is sent to
 * {@code /aanmelden}; a REST client gets 401 with the Basic challenge; others the Dutch refusal (403).
 */
@Component
public class StaffPages {

  private static final String FORM_TOKEN = StaffPages.class.getName() + ".formToken";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final IdentityService identity;

  StaffPages(IdentityService identity) {
    this.identity = identity;
  }

  /**
   * For a request that reaches no handler (an upload refused by its size before Spring MVC): the template to answer
   * with when {@link AccessPolicy} does not admit the caller (status set); empty when it does.
   */
  public Optional<String> refusalByPolicy(
      HttpServletRequest request, HttpServletResponse response) {
    var rule =
        AccessPolicy.ruleFor(
            request.getMethod(),
            request.getRequestURI().substring(request.getContextPath().length()));
    if (rule.isEmpty()) {
      response.setStatus(403);
      request.setAttribute("forbiddenText", AccessPolicy.CLOSED);
      return Optional.of("internal/forbidden");
    }
    if (!rule.get().audience().needsLogin()) {
      return Optional.empty();
    }
    List<String> groups = callerGroups(request);
    if (groups == null) {
      response.setStatus(401);
      if (!isBrowser(request)) {
        // REST clients and scripts keep HTTP Basic; a browser gets our login page, not its pop-up.
        response.setHeader("WWW-Authenticate", "Basic realm=\"Werkpact Keurmerk\"");
      }
      return Optional.of("internal/login");
    }
    if (!rule.get().audience().admits(groups)) {
      response.setStatus(403);
      request.setAttribute("forbiddenText", rule.get().audience().refusal());
      return Optional.of("internal/forbidden");
    }
    return Optional.empty();
  }

  /** A browser asks for HTML; a REST client or script does not (and keeps the Basic-auth challenge). */
  public static boolean isBrowser(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return accept != null && accept.contains("text/html");
  }

  /** The form token of this browser session, made on first use: a form of our pages carries it, another site's cannot. */
  public String formToken(HttpServletRequest request) {
    var session = request.getSession(true);
    if (session.getAttribute(FORM_TOKEN) instanceof String value) {
      return value;
    }
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String value = HexFormat.of().formatHex(bytes);
    session.setAttribute(FORM_TOKEN, value);
    return value;
  }

  /** The Dutch refusal (403) when a posted form lacks this session's token; empty when it carries it. */
  public Optional<String> refusalOfForm(
      HttpServletRequest request, HttpServletResponse response, String token, String pageName) {
    var session = request.getSession(false);
    Object expected = session == null ? null : session.getAttribute(FORM_TOKEN);
    if (token == null
        || !(expected instanceof String value)
        || !MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
      response.setStatus(403);
      request.setAttribute(
          "forbiddenText",
          "Dit formulier is verlopen of komt niet van deze pagina. Open de "
              + pageName
              + " opnieuw en probeer het nog eens.");
      return Optional.of("internal/forbidden");
    }
    return Optional.empty();
  }

  /**
   * The region of the caller's work ({@link RegionScope}): all regions for an admin or the national role, and for
   * the public pages; the one region (Camunda tenant) a member of staff belongs to; none for staff of no region or
   * of several (then an admin gives them one).
   */
  public String regionScope(HttpServletRequest request) {
    var user = sessionUser(request);
    List<String> groups;
    List<String> tenants;
    if (user != null) {
      groups = user.getGroupIds();
      tenants = user.getTenantIds() == null ? List.of() : user.getTenantIds();
    } else {
      groups = callerGroups(request);
      if (groups == null) {
        return RegionScope.ALL;
      }
      tenants =
          identity
              .createTenantQuery()
              .userMember(callerId(request))
              .includingGroupsOfUser(true)
              .list()
              .stream()
              .map(org.camunda.bpm.engine.identity.Tenant::getId)
              .toList();
    }
    return scopeOf(groups, tenants, request.getMethod());
  }

  /**
   * The region scope of a caller with these groups and tenants: all regions for an admin, and for the national role
   * when it reads (it changes nothing outside its own region, if it has one); the one tenant of other staff; none for
   * staff of no region or of several.
   */
  public static String scopeOf(List<String> groups, List<String> tenants, String method) {
    boolean reading = "GET".equalsIgnoreCase(method) || "HEAD".equalsIgnoreCase(method);
    if (Groups.isAdmin(groups) || reading && Groups.isNational(groups)) {
      return RegionScope.ALL;
    }
    return tenants.size() == 1 ? tenants.get(0) : RegionScope.NONE;
  }

  /** Whether the caller sees all regions: an admin, or a member of the national role. */
  public boolean isNational(HttpServletRequest request) {
    return Groups.isNational(callerGroups(request));
  }

  /** Whether the caller is an administrator (Camunda's camunda-admin or our admins group). */
  public boolean isAdmin(HttpServletRequest request) {
    return Groups.isAdmin(callerGroups(request));
  }

  /** The user id of the caller (Tasklist session or HTTP Basic); call after a refusal check let the caller in. */
  public String callerId(HttpServletRequest request) {
    var user = sessionUser(request);
    if (user != null) {
      return user.getName();
    }
    String[] credentials = BasicCredentials.of(request.getHeader("Authorization"));
    return credentials == null ? null : credentials[0];
  }

  private static UserAuthentication sessionUser(HttpServletRequest request) {
    var session = request.getSession(false);
    if (session == null) {
      return null;
    }
    var auths = AuthenticationUtil.getAuthsFromSession(session);
    var auth = auths == null ? null : auths.getAuthenticationForProcessEngine("default");
    return auth instanceof UserAuthentication user && user.getGroupIds() != null ? user : null;
  }

  /** The groups of the user logged in to the webapps in this browser session (none: an empty list); null when nobody is. */
  public static List<String> sessionGroups(HttpServletRequest request) {
    var session = request.getSession(false);
    var auths = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    var auth = auths == null ? null : auths.getAuthenticationForProcessEngine("default");
    if (auth instanceof UserAuthentication user) {
      return user.getGroupIds() == null ? List.of() : user.getGroupIds();
    }
    return null;
  }

  /** The tenants (regions) of the user logged in to the webapps in this browser session; null when nobody is. */
  public static List<String> sessionTenants(HttpServletRequest request) {
    var session = request.getSession(false);
    var auths = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    var auth = auths == null ? null : auths.getAuthenticationForProcessEngine("default");
    if (auth instanceof UserAuthentication user) {
      return user.getTenantIds() == null ? List.of() : List.copyOf(user.getTenantIds());
    }
    return null;
  }

  /** The groups of the user logged in to Tasklist in this browser, or of the HTTP Basic login; null when neither. */
  public List<String> callerGroups(HttpServletRequest request) {
    var user = sessionUser(request);
    if (user != null) {
      return user.getGroupIds();
    }
    // Once per request: the access policy asks first, the handler may ask again (is the caller an
    // admin?).
    if (request.getAttribute(BASIC_GROUPS) instanceof List<?> known) {
      @SuppressWarnings("unchecked")
      List<String> groups = (List<String>) known;
      return groups;
    }
    String[] credentials = BasicCredentials.of(request.getHeader("Authorization"));
    if (credentials != null && identity.checkPassword(credentials[0], credentials[1])) {
      List<String> groups =
          identity.createGroupQuery().groupMember(credentials[0]).list().stream()
              .map(Group::getId)
              .toList();
      request.setAttribute(BASIC_GROUPS, groups);
      return groups;
    }
    return null;
  }

  private static final String BASIC_GROUPS = StaffPages.class.getName() + ".basicGroups";
}
