package nl.werkpact.keurmerk.support;

import org.camunda.bpm.engine.IdentityService;

public final class TestUsers {

  private TestUsers() {}

  /** The region of the tests' staff: the first region, MVS. */
  public static final String REGION = "mvs";

  /** As the system: a test that left a user logged in on this thread must not turn this into that user's command. */
  public static void ensure(
      IdentityService identity, String userId, String password, String group) {
    ensure(identity, userId, password, group, REGION);
  }

  /** A member of staff of this region (an admin needs none: {@code null}). */
  public static void ensure(
      IdentityService identity, String userId, String password, String group, String region) {
    var caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      create(identity, userId, password, group);
      if (region != null
          && !group.equals("admins")
          && !group.equals("camunda-admin")
          && identity.createTenantQuery().tenantId(region).userMember(userId).count() == 0
          && identity.createTenantQuery().tenantId(region).count() > 0) {
        identity.createTenantUserMembership(region, userId);
      }
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private static void create(
      IdentityService identity, String userId, String password, String group) {
    if (identity.createUserQuery().userId(userId).count() == 0) {
      var user = identity.newUser(userId);
      user.setFirstName("Test");
      user.setLastName(userId);
      user.setEmail(userId + "@werkpact.example");
      user.setPassword(password);
      identity.saveUser(user);
      identity.createMembership(userId, group);
    }
  }
}
