package nl.werkpact.keurmerk.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "31-11-2026 | Datum audit: 31-11-2026 bestaat niet; november 2026 heeft 30 dagen.",
        "29-02-2027 | Datum audit: 29-02-2027 bestaat niet; februari 2027 heeft 28 dagen.",
        "2026-04-31 | Datum audit: 2026-04-31 bestaat niet; april 2026 heeft 30 dagen.",
        "12-13-2026 | Datum audit: 12-13-2026 bestaat niet, want er is geen maand 13; typ de datum als dd-mm-jjjj (dag, maand, jaar), bijvoorbeeld 20-11-2026.",
        "20/11/2026 | Datum audit is geen geldige datum; typ de datum als dd-mm-jjjj, bijvoorbeeld 20-11-2026.",
        "morgen     | Datum audit is geen geldige datum; typ de datum als dd-mm-jjjj, bijvoorbeeld 20-11-2026."
      })
  void aDateThatDoesNotExistIsToldWhyNotAskedForTheFormatItFollowed(String typed, String said) {
    assertThatThrownBy(() -> Dates.parse("Datum audit", typed))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage(said);
  }

  @ParameterizedTest
  @CsvSource({"29-02-2028", "2028-02-29", "1-3-2027"})
  void existingDatesAreRead(String typed) {
    assertThat(Dates.parse("Datum audit", typed)).isAfter(LocalDate.of(2026, 1, 1));
  }
}
