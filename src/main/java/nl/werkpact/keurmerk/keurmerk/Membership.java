package nl.werkpact.keurmerk.keurmerk;

import java.time.LocalDate;

public record Membership(
    long id, long keurmerkId, long employerId, LocalDate validFrom, LocalDate validUntil) {}
