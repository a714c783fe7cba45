package nl.werkpact.keurmerk.mail;

/**
 * Where an e-mail that waits for a person shows besides Beheer, E-mail: an incident on its process instance in Cockpit
 * while that instance runs ({@link EngineMailIncidents}). Told after the outcome is recorded; what fails here is
 * logged and never stops the dispatcher or the operator's action.
 */
public interface MailIncidents {

  /** The e-mail waits for a person now: refused for good, or given up on after its retries; {@code what} says which. */
  void waiting(Correspondence mail, String what);

  /** The e-mail no longer waits for a person: put back in the queue or closed by an operator. */
  void noLongerWaiting(long mailId);

  MailIncidents NONE = new MailIncidents() {
    @Override
    public void waiting(Correspondence mail, String what) {}

    @Override
    public void noLongerWaiting(long mailId) {}
  };
}
