package nl.werkpact.keurmerk.identity;

import java.util.Optional;
import nl.werkpact.keurmerk.convenant.ConvenantService;
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
    return convenants.registeredByForEmployer(employerId)
        .map(id -> identity.createUserQuery().userId(id).singleResult())
        .map(User::getEmail);
  }
}
