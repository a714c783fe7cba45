package nl.werkpact.keurmerk.audit;

public enum AuditStatus {
  /** Requested; date and auditor still to be planned. */
  PLANNING,
  /** Planned; the auditor records the figures. */
  PLANNED,
  /** Figures recorded and criteria evaluated; the committee decides. */
  AWAITING_COMMITTEE,
  AWARDED,
  REJECTED,
  CANCELLED
}
