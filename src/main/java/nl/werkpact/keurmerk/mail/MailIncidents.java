package nl.werkpact.keurmerk.mail;

import java.util.Collection;

/**
 * Where an e-mail that waits for a person shows besides Beheer, E-mail: an incident on its process instance in Cockpit
 * while that instance runs ({@link EngineMailIncidents}). Told after the outcome is recorded; what fails here is
 * logged and never stops the dispatcher or the operator's action.
 */
public interface MailIncidents {

  /** The e-mail waits for a person now: refused for good, or given up on after its retries; {@code what} says which. */
  void waiting(Correspondence mail, String what);

  /** These e-mails no longer wait for a person: put back in the queue or closed by an operator. */
  void noLongerWaiting(Collection<Long> mailIds);

  MailIncidents NONE =
      new MailIncidents() {
        @Override
        public void waiting(Correspondence mail, String what) {}

        @Override
        public void noLongerWaiting(Collection<Long> mailIds) {}
      };
}
