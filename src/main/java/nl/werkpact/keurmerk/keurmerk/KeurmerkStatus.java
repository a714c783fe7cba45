package nl.werkpact.keurmerk.keurmerk;

import java.time.LocalDate;

public enum KeurmerkStatus {
  ACTIVE("Geldig"),
  RENEWED("Verlengd"),
  EXPIRED("Verlopen"),
  WITHDRAWN("Ingetrokken");

  private final String label;

  KeurmerkStatus(String label) {
    this.label = label;
  }

  /** The Dutch word the pages show. */
  public String label() {
    return label;
  }

  /** The Dutch word for a stored status; the stored text itself when it is no status of this kind. */
  public static String labelOf(String status) {
    for (KeurmerkStatus value : values()) {
      if (value.name().equals(status)) {
        return value.label();
      }
    }
    return status == null ? "-" : status;
  }

  /**
   * The one rule of who holds a keurmerk on a day (the register, the certificate, the dashboard, the dossier): status
   * ACTIVE or RENEWED (a renewed one runs on until its successor starts), and the day inside the period.
   */
  public static boolean isHeldOn(
      String status, LocalDate validFrom, LocalDate validUntil, LocalDate day) {
    return (ACTIVE.name().equals(status) || RENEWED.name().equals(status))
        && !day.isBefore(validFrom)
        && !day.isAfter(validUntil);
  }

  /** The same rule as SQL over table alias {@code k}, with the day as the named parameter {@code :day}. */
  public static final String HELD_ON_DAY =
      "k.status IN ('ACTIVE', 'RENEWED') AND k.valid_from <= :day AND k.valid_until >= :day";
}
