package nl.werkpact.keurmerk.keurmerk;

import java.time.LocalDate;
import java.time.Month;

/**
 * The dates that come with an award. A keurmerk awarded on 25 November 2026 is valid from that day through
 * 24 November 2028, the day before the same date two years later; its renewal starts on 25 November 2028, so
 * periods follow each other without gap, overlap or drift. The free network membership runs one year by the same
 * rule. From 29 February the same date later is 1 March (in a year without 29 February): valid through 28 February.
 */
public record ValidityPeriod(LocalDate validFrom, LocalDate validUntil) {

  public static final int KEURMERK_YEARS = 2;
  public static final int MEMBERSHIP_YEARS = 1;

  public static ValidityPeriod keurmerk(LocalDate awardDate) {
    return new ValidityPeriod(awardDate, lastDay(awardDate, KEURMERK_YEARS));
  }

  public static ValidityPeriod membership(LocalDate awardDate) {
    return new ValidityPeriod(awardDate, lastDay(awardDate, MEMBERSHIP_YEARS));
  }

  /** A renewal's period starts the day after the current one ends: no gap, no overlap. */
  public ValidityPeriod next() {
    return keurmerk(validUntil.plusDays(1));
  }

  /** The day before the same date {@code years} later; from 29 February, the day before 1 March. */
  static LocalDate lastDay(LocalDate from, int years) {
    LocalDate sameDate = from.plusYears(years);
    boolean leapDayWithoutLeapDay =
        from.getMonth() == Month.FEBRUARY
            && from.getDayOfMonth() == 29
            && sameDate.getDayOfMonth() == 28;
    return leapDayWithoutLeapDay ? sameDate : sameDate.minusDays(1);
  }
}
