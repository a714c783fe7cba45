package nl.werkpact.keurmerk.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The dashboard's and the import report's CSV: what staff open in a spreadsheet shows names as text, never as formulas. */
class SpreadsheetCsvTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "=HYPERLINK(\"http://x.example\";\"klik\")",
        "+31 10 123",
        "-2+3",
        "@SUM(A1:A9)",
        "\tTab",
        "\rRegel"
      })
  void aTextThatASpreadsheetWouldReadAsAFormulaIsWrittenAsText(String name) throws Exception {
    var out = new StringWriter();
    try (var printer = SpreadsheetCsv.printer(out)) {
      printer.printRecord("Werkgever", name);
    }
    String line = out.toString().substring(1); // after the byte order mark
    String cell = line.substring(line.indexOf(';') + 1).replaceFirst("\r\n$", "");
    assertThat(cell.replace("\"", "")).startsWith("'");
  }

  @Test
  void numbersAndOrdinaryNamesAreLeftAsTheyAre() throws Exception {
    var out = new StringWriter();
    try (var printer = SpreadsheetCsv.printer(out)) {
      printer.printRecord("Bakkerij De Korenbloem", -5, 12, null, "");
    }
    assertThat(out.toString()).isEqualTo("\uFEFFBakkerij De Korenbloem;-5;12;;\r\n");
  }
}
