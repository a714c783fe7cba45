package nl.werkpact.keurmerk.audit;

public enum AuditStatus {
  /** Requested; date and auditor still to be planned. */
  PLANNING("Te plannen"),
  /** Planned; the auditor records the figures. */
  PLANNED("Gepland"),
  /** Figures recorded and criteria evaluated; the committee decides. */
  AWAITING_COMMITTEE("Bij de keurmerkcommissie"),
  AWARDED("Toegekend"),
  REJECTED("Afgewezen"),
  CANCELLED("Vervallen");

  private final String label;

  AuditStatus(String label) {
    this.label = label;
  }

  /** The Dutch word the pages show. */
  public String label() {
    return label;
  }

  /** The Dutch word for a stored status; the stored text itself when it is no status of this kind. */
  public static String labelOf(String status) {
    for (AuditStatus value : values()) {
      if (value.name().equals(status)) {
        return value.label();
      }
    }
    return status == null ? "-" : status;
  }
}
