package nl.werkpact.keurmerk.mail;

public enum CorrespondenceStatus {
  /** Queued with the change that caused it; not yet handed to the SMTP server. */
  PENDING,
  SENT,
  /** The last attempt failed; the job that sends it retries and ends as an incident. */
  FAILED
}
