package nl.werkpact.keurmerk.mail;

import java.time.OffsetDateTime;

public record Correspondence(
    long id,
    String dedupKey,
    String recipient,
    String template,
    String subject,
    String bodyText,
    String bodyHtml,
    CorrespondenceStatus status,
    String concernsType,
    long concernsId,
    String processInstanceId,
    OffsetDateTime createdAt,
    OffsetDateTime sentAt,
    int attempts,
    String lastError,
    /** Who sent it again, to which address, after which error (an operator's correction, kept for the record). */
    String operatorNote,
    /** When the dispatcher tries it (again); null when nothing more happens by itself. */
    OffsetDateTime nextAttemptAt,
    /** Set when an operator closed an e-mail that did not go out: it needs no one any more. */
    OffsetDateTime closedAt,
    String closedBy,
    /** The region whose work it is: its sender. */
    String regionCode) {

  /** Did not go out and nothing more happens by itself: refused for good, or failed on every retry; not closed. */
  public boolean needsAPerson() {
    return closedAt == null
        && nextAttemptAt == null
        && (status == CorrespondenceStatus.UNDELIVERABLE || status == CorrespondenceStatus.FAILED);
  }
}
