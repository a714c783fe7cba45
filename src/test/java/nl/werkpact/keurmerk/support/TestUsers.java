package nl.werkpact.keurmerk.support;

import org.camunda.bpm.engine.IdentityService;

public final class TestUsers {

  private TestUsers() {}

  public static void ensure(IdentityService identity, String userId, String password, String group) {
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
