package nl.werkpact.keurmerk.guard;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.identity.StaffPages;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's REST API finds a process or decision definition by key only among those of no tenant, and every region's
 * models are its tenant's. So {@code .../process-definition/key/Convenant/start} of a member of staff of one region is
 * read as {@code .../key/Convenant/tenant-id/<region>/start}: clients and scripts keep their paths and get their own
 * region's version. An admin (all regions, no tenant of their own) gets the first region's; anyone may name the
 * tenant. Runs after the caller is known: HTTP Basic on {@code /engine-rest}, the webapps' session on
 * {@code /camunda/api/engine}.
 */
class DefinitionByKeyInRegion extends OncePerRequestFilter {

  /** The key, possessive so that the tenant check below cannot be dodged by backtracking. */
  private static final Pattern BY_KEY =
      Pattern.compile("(/(?:process|decision)-definition/key/[^/?]++)(?!/tenant-id/)");

  private final IdentityService identity;
  private final String firstRegion;

  DefinitionByKeyInRegion(IdentityService identity, String firstRegion) {
    this.identity = identity;
    this.firstRegion = firstRegion;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String tenant = BY_KEY.matcher(request.getRequestURI()).find() ? tenantOfCaller(request) : null;
    chain.doFilter(tenant == null ? request : inRegion(request, tenant), response);
  }

  private String tenantOfCaller(HttpServletRequest request) {
    var caller = identity.getCurrentAuthentication();
    List<String> tenants;
    List<String> groups;
    if (caller != null && caller.getUserId() != null) {
      tenants = caller.getTenantIds();
      groups = caller.getGroupIds();
    } else {
      tenants = StaffPages.sessionTenants(request);
      groups = StaffPages.sessionGroups(request);
    }
    if (tenants == null) {
      return null;
    }
    if (tenants.size() == 1) {
      return tenants.get(0);
    }
    return tenants.isEmpty() && Groups.isNational(groups) ? firstRegion : null;
  }

  static HttpServletRequest inRegion(HttpServletRequest request, String tenant) {
    String uri = withTenant(request.getRequestURI(), tenant);
    return new HttpServletRequestWrapper(request) {
      @Override
      public String getRequestURI() {
        return uri;
      }

      @Override
      public StringBuffer getRequestURL() {
        StringBuffer url = new StringBuffer(request.getRequestURL());
        url.setLength(url.length() - request.getRequestURI().length());
        return url.append(uri);
      }

      @Override
      public String getPathInfo() {
        String info = request.getPathInfo();
        return info == null ? null : withTenant(info, tenant);
      }
    };
  }

  static String withTenant(String path, String tenant) {
    Matcher matcher = BY_KEY.matcher(path);
    return matcher.find()
        ? path.substring(0, matcher.end(1))
            + "/tenant-id/"
            + tenant
            + path.substring(matcher.end(1))
        : path;
  }
}
