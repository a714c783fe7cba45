package nl.werkpact.keurmerk.convenant;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  public Optional<String> emailFor(long employerId) {
    return Optional.ofNullable(emailsFor(List.of(employerId)).get(employerId));
  }

  /** The same for many employers in two queries: employer id to e-mail address, for those that have one. */
  public Map<Long, String> emailsFor(Collection<Long> employerIds) {
    Map<Long, String> registeredBy = convenants.registeredByForEmployers(employerIds);
    if (registeredBy.isEmpty()) {
      return Map.of();
    }
    Map<String, String> emails = new HashMap<>();
    for (User user :
        identity
            .createUserQuery()
            .userIdIn(registeredBy.values().stream().distinct().toArray(String[]::new))
            .list()) {
      if (user.getEmail() != null && !user.getEmail().isBlank()) {
        emails.put(user.getId(), user.getEmail());
      }
    }
    Map<Long, String> byEmployer = new HashMap<>();
    registeredBy.forEach(
        (employer, user) -> {
          if (emails.containsKey(user)) {
            byEmployer.put(employer, emails.get(user));
          }
        });
    return byEmployer;
  }
}
