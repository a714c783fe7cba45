package nl.werkpact.keurmerk.keurmerk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ValidityPeriodTest {

  @Test
  void aKeurmerkIsValidTwoYearsThroughTheDayBeforeTheSameDate() {
    var period = ValidityPeriod.keurmerk(LocalDate.of(2026, 11, 25));

    assertThat(period.validFrom()).isEqualTo(LocalDate.of(2026, 11, 25));
    assertThat(period.validUntil()).isEqualTo(LocalDate.of(2028, 11, 24));
  }

  @Test
  void fromTheLeapDayTheSameDateLaterIsTheFirstOfMarch() {
    assertThat(ValidityPeriod.keurmerk(LocalDate.of(2028, 2, 29)).validUntil())
        .isEqualTo(LocalDate.of(2030, 2, 28));
    assertThat(ValidityPeriod.membership(LocalDate.of(2028, 2, 29)).validUntil())
        .isEqualTo(LocalDate.of(2029, 2, 28));
    // From 1 March the day before two years later is 29 February when that year has one.
    assertThat(ValidityPeriod.keurmerk(LocalDate.of(2026, 3, 1)).validUntil())
        .isEqualTo(LocalDate.of(2028, 2, 29));
  }

  @Test
  void membershipRunsOneYear() {
    assertThat(ValidityPeriod.membership(LocalDate.of(2026, 11, 25)).validUntil())
        .isEqualTo(LocalDate.of(2027, 11, 24));
  }

  @Test
  void renewalsFollowEachOtherWithoutGapOverlapOrDrift() {
    var period = ValidityPeriod.keurmerk(LocalDate.of(2026, 11, 25));
    for (int renewal = 1; renewal <= 10; renewal++) {
      var next = period.next();
      assertThat(next.validFrom()).isEqualTo(period.validUntil().plusDays(1));
      assertThat(next.validFrom()).isEqualTo(LocalDate.of(2026 + 2 * renewal, 11, 25));
      period = next;
    }
    // Through leap days: an award on 29 February renews on 1 March, and from then on on 1 March.
    var leap = ValidityPeriod.keurmerk(LocalDate.of(2028, 2, 29)).next();
    assertThat(leap.validFrom()).isEqualTo(LocalDate.of(2030, 3, 1));
    assertThat(leap.next().validFrom()).isEqualTo(LocalDate.of(2032, 3, 1));
  }

  @Test
  void numbersAreReadableAndSortable() {
    assertThat(KeurmerkService.formatNumber("SW", 2026, 1)).isEqualTo("SW-2026-0001");
    assertThat(KeurmerkService.formatNumber("SW", 2026, 1234)).isEqualTo("SW-2026-1234");
  }
}
