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
    String operatorNote) {}
