package nl.werkpact.keurmerk.keurmerk;

import java.time.LocalDate;

/**
 * The dates that come with an award: the keurmerk is valid two years from the award date, the free
 * network membership one year. "The same date later" is {@link LocalDate#plusYears}: an award on
 * 29 February runs until 28 February.
 */
public record ValidityPeriod(LocalDate validFrom, LocalDate validUntil) {

  public static final int KEURMERK_YEARS = 2;
  public static final int MEMBERSHIP_YEARS = 1;

  public static ValidityPeriod keurmerk(LocalDate awardDate) {
    return new ValidityPeriod(awardDate, awardDate.plusYears(KEURMERK_YEARS));
  }

  public static ValidityPeriod membership(LocalDate awardDate) {
    return new ValidityPeriod(awardDate, awardDate.plusYears(MEMBERSHIP_YEARS));
  }

  /** A renewal's period starts the day after the current one ends: no gap, no overlap. */
  public ValidityPeriod next() {
    return keurmerk(validUntil.plusDays(1));
  }
}
