package nl.werkpact.keurmerk.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Staff as pages name them: first and last name from Camunda's users instead of the user id ({@code anna} becomes
 * "Anna de Vries"); an id without a user, or a user without a name, stays the id.
 */
@Component
public class StaffNames {

  private final IdentityService identity;

  StaffNames(IdentityService identity) {
    this.identity = identity;
  }

  /** The names of these user ids, in one query; {@link Known#of} answers for any id. */
  public Known of(Collection<String> userIds) {
    String[] ids = userIds.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
    Map<String, String> names = new HashMap<>();
    if (ids.length > 0) {
      for (User user : identity.createUserQuery().userIdIn(ids).list()) {
        names.put(user.getId(), fullName(user, user.getId()));
      }
    }
    return new Known(names);
  }

  /** The full name of one user id. */
  public String name(String userId) {
    return userId == null ? null : of(java.util.List.of(userId)).of(userId);
  }

  /** First and last name as Camunda's users have them; the user id when a user has none (or is gone). */
  public static String fullName(User user, String userId) {
    if (user == null) {
      return userId;
    }
    String name =
        ((user.getFirstName() == null ? "" : user.getFirstName())
                + " "
                + (user.getLastName() == null ? "" : user.getLastName()))
            .strip();
    return name.isEmpty() ? userId : name;
  }

  /** Names looked up for a page: the full name of an id, or the id itself; "-" for none. */
  public record Known(Map<String, String> names) {
    public String of(String userId) {
      return userId == null ? "-" : names.getOrDefault(userId, userId);
    }
  }
}
