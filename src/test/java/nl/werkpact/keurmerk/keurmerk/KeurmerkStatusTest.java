package nl.werkpact.keurmerk.keurmerk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Who holds a keurmerk on a day: the one rule the register, the certificate, the dashboard and the dossier share. */
class KeurmerkStatusTest {

  private static final LocalDate FROM = LocalDate.of(2026, 6, 1);
  private static final LocalDate UNTIL = LocalDate.of(2028, 5, 31);

  @Test
  void anActiveOrRenewedKeurmerkIsHeldFromItsFirstToItsLastValidDay() {
    assertThat(KeurmerkStatus.isHeldOn("ACTIVE", FROM, UNTIL, FROM)).isTrue();
    assertThat(KeurmerkStatus.isHeldOn("RENEWED", FROM, UNTIL, UNTIL)).isTrue();
    assertThat(KeurmerkStatus.isHeldOn("ACTIVE", FROM, UNTIL, FROM.minusDays(1)))
        .as("before it starts")
        .isFalse();
    assertThat(KeurmerkStatus.isHeldOn("ACTIVE", FROM, UNTIL, UNTIL.plusDays(1)))
        .as("the day after its last")
        .isFalse();
  }

  @Test
  void aWithdrawnOrExpiredKeurmerkIsNotHeldInsideItsPeriodEither() {
    assertThat(KeurmerkStatus.isHeldOn("WITHDRAWN", FROM, UNTIL, FROM.plusMonths(3))).isFalse();
    assertThat(KeurmerkStatus.isHeldOn("EXPIRED", FROM, UNTIL, FROM.plusMonths(3))).isFalse();
  }
}
