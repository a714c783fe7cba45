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

  /** Whether keurmerk {@code k} is suspended on the day in the named parameter (see {@link #suspendedOn}). */
  public static String suspendedOn(String dayParameter) {
    return "EXISTS (SELECT 1 FROM keurmerk_suspension s WHERE s.keurmerk_id = k.id AND s.suspended_on <= :"
        + dayParameter
        + " AND (s.until_day IS NULL OR s.until_day >= :"
        + dayParameter
        + ") AND (s.lifted_on IS NULL OR s.lifted_on > :"
        + dayParameter
        + "))";
  }

  /**
   * Held and not suspended on {@code :day}: what the public register lists, what a certificate and the network ask. A
   * suspended keurmerk keeps its status and period (the renewal audit and its expiry run on), it only is not shown
   * or used as valid while the suspension holds.
   */
  public static final String VALID_ON_DAY = HELD_ON_DAY + " AND NOT " + suspendedOn("day");
}
