package nl.werkpact.keurmerk.convenant;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.werkpact.keurmerk.identity.StaffNames;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** The accountmanager of an employer: whoever registered its convenant; their e-mail from Camunda's users. */
@Component
public class Accountmanagers {

  private final ConvenantService convenants;
  private final IdentityService identity;

  public Accountmanagers(ConvenantService convenants, IdentityService identity) {
    this.convenants = convenants;
    this.identity = identity;
  }

  /** An accountmanager as the e-mails and pages name them: full name (or the user id) and e-mail, if any. */
  public record Accountmanager(String userId, String name, String email) {}

  public Optional<String> emailFor(long employerId) {
    return Optional.ofNullable(emailsFor(List.of(employerId)).get(employerId));
  }

  public Optional<Accountmanager> of(long employerId) {
    return Optional.ofNullable(forEmployers(List.of(employerId)).get(employerId));
  }

  /** The same for many employers in two queries: employer id to e-mail address, for those that have one. */
  public Map<Long, String> emailsFor(Collection<Long> employerIds) {
    Map<Long, String> byEmployer = new HashMap<>();
    forEmployers(employerIds)
        .forEach(
            (employer, accountmanager) -> {
              if (accountmanager.email() != null) {
                byEmployer.put(employer, accountmanager.email());
              }
            });
    return byEmployer;
  }

  /** Employer id to its accountmanager, in two queries, for the employers that have a convenant. */
  public Map<Long, Accountmanager> forEmployers(Collection<Long> employerIds) {
    Map<Long, String> registeredBy = convenants.registeredByForEmployers(employerIds);
    if (registeredBy.isEmpty()) {
      return Map.of();
    }
    Map<String, User> users = new HashMap<>();
    for (User user :
        identity
            .createUserQuery()
            .userIdIn(registeredBy.values().stream().distinct().toArray(String[]::new))
            .list()) {
      users.put(user.getId(), user);
    }
    Map<Long, Accountmanager> byEmployer = new HashMap<>();
    registeredBy.forEach(
        (employer, userId) -> {
          User user = users.get(userId);
          byEmployer.put(
              employer,
              new Accountmanager(
                  userId,
                  fullName(user, userId),
                  user == null || user.getEmail() == null || user.getEmail().isBlank()
                      ? null
                      : user.getEmail()));
        });
    return byEmployer;
  }

  /** First and last name as Camunda's users have them; the user id when a user has none (or is gone). */
  public static String fullName(User user, String userId) {
    return StaffNames.fullName(user, userId);
  }
}
