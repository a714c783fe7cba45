package nl.werkpact.keurmerk.support;

import org.camunda.bpm.engine.IdentityService;

public final class TestUsers {

  private TestUsers() {}

  /** As the system: a test that left a user logged in on this thread must not turn this into that user's command. */
  public static void ensure(
      IdentityService identity, String userId, String password, String group) {
    var caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      create(identity, userId, password, group);
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
