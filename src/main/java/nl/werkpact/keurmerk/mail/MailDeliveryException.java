package nl.werkpact.keurmerk.mail;

/** A technical failure to send: the engine retries the job and, when retries run out, shows an incident. */
public class MailDeliveryException extends RuntimeException {

  public MailDeliveryException(String message) {
    super(message);
  }
}
