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
    String lastError) {}
