package nl.werkpact.keurmerk.keurmerk;

import java.time.LocalDate;

public record Keurmerk(
    long id,
    String number,
    long employerId,
    long auditId,
    LocalDate validFrom,
    LocalDate validUntil,
    KeurmerkStatus status,
    /** The KeurmerkValidity instance of this keurmerk's period; its delegates find the keurmerk by it. */
    String validityProcessInstanceId) {}
