package nl.werkpact.keurmerk.engine;

import java.util.Collection;
import java.util.List;
import nl.werkpact.keurmerk.common.ForbiddenException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** The app's own REST operations: the authenticated caller must belong to one of the groups, or gets a Dutch 403. */
public final class CallerGroups {

  private CallerGroups() {}

  public static Authentication require(IdentityService identity, Collection<String> groups, String refusal) {
    Authentication caller = identity.getCurrentAuthentication();
    List<String> own = caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    if (own.stream().noneMatch(groups::contains)) {
      throw new ForbiddenException(refusal);
    }
    return caller;
  }
}
