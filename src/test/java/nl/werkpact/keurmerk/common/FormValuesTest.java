package nl.werkpact.keurmerk.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Numbers mean what a Dutch reader means, or are refused with a Dutch message that says what to type. */
class FormValuesTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "2.000;2000",
        "2000;2000",
        "10.000;10000",
        "1.234.567;1234567",
        " 35 ;35",
        "0;0",
        "-3;-3"
      })
  void wholeNumbersAreReadTheDutchWay(String typed, int meant) {
    assertThat(FormValues.wholeNumber("Totaal aantal medewerkers", typed)).isEqualTo(meant);
  }

  @ParameterizedTest(name = "{0} is refused")
  @ValueSource(
      strings = {"2.5", "2,000", "2,5", "1.00", "12.3456", "2 000", "twee", "1e3", "9999999999999"})
  void ambiguousOrUnreadableWholeNumbersAreRefusedInDutch(String typed) {
    assertThatThrownBy(() -> FormValues.wholeNumber("Totaal aantal medewerkers", typed))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage(
            "Totaal aantal medewerkers is geen geheel getal zoals wij het lezen; typ bijvoorbeeld 2000 of 2.000 "
                + "(een punt scheidt duizendtallen, een komma mag niet).");
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "9.999,99;9999.99",
        "10.000;10000",
        "10000;10000",
        "0;0",
        "1.250,5;1250.5",
        "€ 1.250,50;1250.50",
        "12,30;12.30"
      })
  void amountsAreReadTheDutchWay(String typed, String meant) {
    assertThat(FormValues.amount("Inkoop", typed)).isEqualByComparingTo(new BigDecimal(meant));
  }

  @ParameterizedTest(name = "{0} is refused")
  @ValueSource(
      strings = {"10.5", "9,999.99", "1,234", "12,345", "1.000,", "tienduizend", "10.000,001"})
  void ambiguousOrUnreadableAmountsAreRefusedInDutch(String typed) {
    assertThatThrownBy(() -> FormValues.amount("Inkoop", typed))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith(
            "Inkoop is geen bedrag zoals wij het lezen; typ bijvoorbeeld 9.999,99 of 10.000");
  }
}
