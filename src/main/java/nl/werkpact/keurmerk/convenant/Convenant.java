package nl.werkpact.keurmerk.convenant;

import java.time.LocalDate;

public record Convenant(
    long id,
    long employerId,
    ConvenantStatus status,
    LocalDate intakeDate,
    String intakeNotes,
    Integer intendedWorkplaces,
    LocalDate signedDate,
    String signedBy,
    String withdrawalReason,
    String processInstanceId) {}
