package nl.werkpact.keurmerk.keurmerk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ValidityPeriodTest {

  @Test
  void keurmerkIsValidTwoYearsFromTheAwardDate() {
    var period = ValidityPeriod.keurmerk(LocalDate.of(2026, 11, 23));

    assertThat(period.validFrom()).isEqualTo(LocalDate.of(2026, 11, 23));
    assertThat(period.validUntil()).isEqualTo(LocalDate.of(2028, 11, 23));
  }

  @Test
  void anAwardOn29FebruaryRunsUntil28February() {
    assertThat(ValidityPeriod.keurmerk(LocalDate.of(2028, 2, 29)).validUntil()).isEqualTo(LocalDate.of(2030, 2, 28));
    assertThat(ValidityPeriod.membership(LocalDate.of(2028, 2, 29)).validUntil()).isEqualTo(LocalDate.of(2029, 2, 28));
  }

  @Test
  void membershipRunsOneYear() {
    assertThat(ValidityPeriod.membership(LocalDate.of(2026, 11, 23)).validUntil()).isEqualTo(LocalDate.of(2027, 11, 23));
  }

  @Test
  void theNextPeriodStartsTheDayAfterTheCurrentOneEnds() {
    var next = ValidityPeriod.keurmerk(LocalDate.of(2026, 11, 23)).next();

    assertThat(next.validFrom()).isEqualTo(LocalDate.of(2028, 11, 24));
    assertThat(next.validUntil()).isEqualTo(LocalDate.of(2030, 11, 24));
  }

  @Test
  void numbersAreReadableAndSortable() {
    assertThat(KeurmerkService.formatNumber(2026, 1)).isEqualTo("SW-2026-0001");
    assertThat(KeurmerkService.formatNumber(2026, 1234)).isEqualTo("SW-2026-1234");
  }
}
