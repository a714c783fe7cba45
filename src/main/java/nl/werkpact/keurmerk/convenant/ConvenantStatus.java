package nl.werkpact.keurmerk.convenant;

public enum ConvenantStatus {
  /** Intent registered, intake and signing still to come. */
  INTENT("Intentie"),
  SIGNED("Getekend"),
  WITHDRAWN("Ingetrokken");

  private final String label;

  ConvenantStatus(String label) {
    this.label = label;
  }

  /** The Dutch word the pages show. */
  public String label() {
    return label;
  }

  /** The Dutch word for a stored status; the stored text itself when it is no status of this kind. */
  public static String labelOf(String status) {
    for (ConvenantStatus value : values()) {
      if (value.name().equals(status)) {
        return value.label();
      }
    }
    return status == null ? "-" : status;
  }

  public boolean isOpen() {
    return this != WITHDRAWN;
  }
}
