package nl.werkpact.keurmerk.audit;

import java.math.BigDecimal;
import java.time.LocalDate;

public record Audit(
    long id,
    long employerId,
    AuditStatus status,
    Long renewalOfKeurmerkId,
    String requestedBy,
    LocalDate plannedDate,
    String auditor,
    Integer workforceSize,
    Integer targetGroupEmployees,
    Integer extraWorkplaces,
    Integer workExperiencePlaces,
    BigDecimal socialPurchasingEuros,
    String findings,
    String performedBy,
    String criteriaOutcome,
    String criteriaReason,
    String criteriaDecisionId,
    Integer criteriaVersion,
    String finalOutcome,
    String committeeReason,
    String decidedBy,
    LocalDate decidedOn,
    String processInstanceId) {}
