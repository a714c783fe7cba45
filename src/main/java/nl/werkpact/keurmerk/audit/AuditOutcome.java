package nl.werkpact.keurmerk.audit;

/** Outcomes of the criteria table (KeurmerkCriteria.dmn) and of the committee; the values are the DMN's. */
public enum AuditOutcome {
  /** Award the keurmerk. */
  TOEKENNEN,
  /** The criteria leave it to the committee. */
  COMMISSIE,
  /** Do not award. */
  AFWIJZEN;

  public static AuditOutcome parse(String value) {
    for (AuditOutcome outcome : values()) {
      if (outcome.name().equals(value)) {
        return outcome;
      }
    }
    throw new IllegalStateException("Unknown audit outcome '" + value + "'");
  }
}
