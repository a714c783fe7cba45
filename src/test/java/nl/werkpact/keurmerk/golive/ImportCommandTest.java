package nl.werkpact.keurmerk.golive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.werkpact.keurmerk.golive.ImportReport.LineResult;
import nl.werkpact.keurmerk.golive.ImportReport.Outcome;
import org.junit.jupiter.api.Test;

/** What the go-live command tells the admin on the terminal, before and after it reaches the database. */
class ImportCommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void withoutAReadableFileItExplainsTheUsageAndStopsWithCodeTwo() {
    assertThat(run("import")).isEqualTo(2);
    assertThat(text(err))
        .startsWith(
            "Geef het CSV-bestand op.\nGebruik: java -jar werkpact-keurmerk.jar import [--confirm]"
                + " [--regio=<code>] <bestand.csv> …");

    err.reset();
    assertThat(run("import", "bestaat-niet.csv", "--confirm")).isEqualTo(2);
    assertThat(text(err))
        .startsWith("Het bestand bestaat-niet.csv bestaat niet of is niet te lezen.");

    err.reset();
    assertThat(run("import", "--regio=westland", "a.csv", "--regio=mvs", "b.csv")).isEqualTo(2);
    assertThat(text(err))
        .as("each file is checked before anything starts")
        .startsWith("Het bestand a.csv bestaat niet of is niet te lezen.");

    err.reset();
    assertThat(run("import", "--regio=", "a.csv")).isEqualTo(2);
    assertThat(text(err)).startsWith("Geef bij --regio= de code van de regio");
  }

  @Test
  void theReportListsTheLinesToActOnAndTheTotals() {
    var report =
        new ImportReport(
            true,
            null,
            List.of(
                new LineResult(
                    2,
                    "Goed B.V.",
                    "12345678",
                    Outcome.IMPORTED,
                    List.of("Convenant ondertekend op 01-02-2022.")),
                new LineResult(
                    3,
                    "Dubbel B.V.",
                    "12345679",
                    Outcome.SKIPPED,
                    List.of("Werkgever met KvK-nummer 12345679 staat al in het systeem.")),
                new LineResult(
                    4,
                    "Fout B.V.",
                    "123",
                    Outcome.ERROR,
                    List.of("KvK-nummer moet uit precies 8 cijfers bestaan."))));

    ImportCommand.print(report, new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(text(out).lines())
        .containsExactly(
            "Regel 3 (Dubbel B.V., KvK 12345679): Overgeslagen: Werkgever met KvK-nummer 12345679 staat al in het systeem.",
            "Regel 4 (Fout B.V., KvK 123): Fout: KvK-nummer moet uit precies 8 cijfers bestaan.",
            "3 regels: 1 ingevoerd, 1 overgeslagen (staan al in het systeem), 1 met een fout (niet ingevoerd; verbeter ze en voer het "
                + "bestand opnieuw in).");
  }

  @Test
  void theProgressBarIsRedrawnOnlyWhenThePercentageChanges() {
    var bar = ImportCommand.progressBar(new PrintStream(err, true, StandardCharsets.UTF_8));
    for (int done = 1; done <= 10_000; done++) {
      bar.update(done, 10_000);
    }
    String drawn = text(err);
    assertThat(drawn.chars().filter(c -> c == '\r').count())
        .as("draws: 0 % to 100 %")
        .isEqualTo(101);
    assertThat(drawn)
        .contains("\r[##########----------]  50 %  5.000 van 10.000 regels")
        .endsWith("\r[####################] 100 %  10.000 van 10.000 regels");
  }

  private int run(String... args) {
    return ImportCommand.run(
        Object.class,
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8);
  }
}
