package nl.werkpact.keurmerk.mail;

public enum CorrespondenceStatus {
  /** Queued with the change that caused it; not yet handed to the SMTP server. */
  PENDING,
  SENT,
  /** The last attempt failed for a passing reason (server away, 4xx); the job that sends it retries and ends as an incident. */
  FAILED,
  /** The mail server refused it for good (5xx, a malformed address): not retried; an operator corrects the address. */
  UNDELIVERABLE
}
