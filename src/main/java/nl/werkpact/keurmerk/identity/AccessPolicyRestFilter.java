package nl.werkpact.keurmerk.identity;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import nl.werkpact.keurmerk.common.ForbiddenException;
import org.camunda.bpm.engine.IdentityService;

/**
 * {@link AccessPolicy} for the project's own REST operations under {@code /engine-rest/werkpact/...}: the caller
 * (authenticated by HTTP Basic in front of it) must be admitted by the rule, or the operation is refused with a
 * Dutch 403 before it runs; an operation without a rule is closed. Camunda's own resources are governed by the
 * engine's command allowlist instead.
 */
public class AccessPolicyRestFilter implements ContainerRequestFilter {

  private final IdentityService identity;

  @Context private ResourceInfo resource;

  public AccessPolicyRestFilter(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (resource == null
        || resource.getResourceClass() == null
        || !resource.getResourceClass().getName().startsWith("nl.werkpact.keurmerk.")) {
      return;
    }
    String path = "/engine-rest/" + request.getUriInfo().getPath();
    var rule = AccessPolicy.ruleFor(request.getMethod(), path.replace("//", "/"));
    if (rule.isEmpty()) {
      throw new ForbiddenException(AccessPolicy.CLOSED);
    }
    var caller = identity.getCurrentAuthentication();
    List<String> groups = caller == null ? null : caller.getGroupIds();
    if (!rule.get().audience().admits(groups)) {
      throw new ForbiddenException(rule.get().audience().refusal());
    }
  }
}
