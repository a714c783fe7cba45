package nl.werkpact.keurmerk.mail;

import java.time.OffsetDateTime;

/** One change of an e-mail's state: QUEUED, SENT, FAILED, GAVE_UP, UNDELIVERABLE, REQUEUED or CLOSED. */
public record CorrespondenceEvent(
    OffsetDateTime occurredAt, String kind, String actor, String detail) {}
