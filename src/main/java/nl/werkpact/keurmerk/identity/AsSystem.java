package nl.werkpact.keurmerk.identity;

import org.camunda.bpm.engine.IdentityService;

/**
 * Engine work the system does on behalf of a caller whose rights were checked already (a withdrawal by the
 * committee, a migration by a procesbeheerder, an e-mail's incident): the caller's authentication is set aside for
 * the work and put back after it, whatever happens.
 */
public final class AsSystem {

  private AsSystem() {}

  public static void run(IdentityService identity, Runnable work) {
    var caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      work.run();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
