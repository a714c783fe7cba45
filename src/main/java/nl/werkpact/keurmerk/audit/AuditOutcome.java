package nl.werkpact.keurmerk.audit;

/** Outcomes of the criteria table (KeurmerkCriteria.dmn) and of the committee; the values are the DMN's. */
public enum AuditOutcome {
  /** Award the keurmerk. */
  TOEKENNEN("Toekennen"),
  /** The criteria leave it to the committee. */
  COMMISSIE("Aan de keurmerkcommissie"),
  /** Do not award. */
  AFWIJZEN("Afwijzen");

  private final String label;

  AuditOutcome(String label) {
    this.label = label;
  }

  /** The Dutch words the pages show. */
  public String label() {
    return label;
  }

  /** The Dutch word for a stored status; the stored text itself when it is no status of this kind. */
  public static String labelOf(String status) {
    for (AuditOutcome value : values()) {
      if (value.name().equals(status)) {
        return value.label();
      }
    }
    return status == null ? "-" : status;
  }

  public static AuditOutcome parse(String value) {
    for (AuditOutcome outcome : values()) {
      if (outcome.name().equals(value)) {
        return outcome;
      }
    }
    throw new IllegalStateException("Unknown audit outcome '" + value + "'");
  }
}
