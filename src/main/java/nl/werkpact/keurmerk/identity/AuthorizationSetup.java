package nl.werkpact.keurmerk.identity;

import java.util.Arrays;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Writes {@link RoleAuthorizations} at start-up, in every profile; existing grants are completed, never widened elsewhere. */
@Component
class AuthorizationSetup {

  private final AuthorizationService authorizations;

  AuthorizationSetup(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(2)
  void setUp() {
    for (RoleAuthorizations.Grant grant : RoleAuthorizations.grants()) {
      Authorization authorization = authorizations.createAuthorizationQuery()
          .groupIdIn(grant.groupId())
          .resourceType(grant.resource())
          .resourceId(grant.resourceId())
          .list().stream().filter(a -> a.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT).findFirst()
          .orElseGet(() -> {
            Authorization created = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            created.setGroupId(grant.groupId());
            created.setResource(grant.resource());
            created.setResourceId(grant.resourceId());
            return created;
          });
      if (Arrays.stream(grant.permissions()).allMatch(authorization::isPermissionGranted)) {
        continue;
      }
      Arrays.stream(grant.permissions()).forEach(authorization::addPermission);
      authorizations.saveAuthorization(authorization);
    }
  }
}
