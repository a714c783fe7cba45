package nl.werkpact.keurmerk.mail;

public enum CorrespondenceStatus {
  /** Queued with the change that caused it; the dispatcher sends it (mail/MailDispatcher). */
  PENDING,
  SENT,
  /**
   * The last attempt failed for a passing reason (server away, 4xx, timeout), with the reason. The dispatcher tries
   * again after a growing delay; after the last retry it gives up and the e-mail waits for a person (Beheer, E-mail).
   */
  FAILED,
  /** The mail server refused it for good (5xx, a malformed address): not retried; an operator corrects the address. */
  UNDELIVERABLE
}
