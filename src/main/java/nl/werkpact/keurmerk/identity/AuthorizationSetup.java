package nl.werkpact.keurmerk.identity;

import java.util.Arrays;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Writes {@link RoleAuthorizations} at start-up, in every profile; existing grants are set to exactly the table's permissions. */
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
      // Exactly the table's permissions: a grant narrowed in a new version is narrowed in existing databases too.
      int wanted = Arrays.stream(grant.permissions()).mapToInt(org.camunda.bpm.engine.authorization.Permission::getValue)
          .reduce(0, (a, b) -> a | b);
      if (authorization.getId() != null && ((org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity) authorization)
          .getPermissions() == wanted) {
        continue;
      }
      authorization.setPermissions(grant.permissions());
      authorizations.saveAuthorization(authorization);
    }
  }
}
