package nl.werkpact.keurmerk.golive;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import nl.werkpact.keurmerk.common.SpreadsheetCsv;

/** What an import did or, in a dry run, would do: per line, and in totals. In Dutch, as the admin reads it. */
public record ImportReport(
    boolean confirmed, String fileProblem, List<LineResult> lines, ToBeStored toBeStored) {

  public ImportReport(boolean confirmed, String fileProblem, List<LineResult> lines) {
    this(confirmed, fileProblem, lines, ToBeStored.NOTHING);
  }

  /**
   * What confirming a dry run would store, for the last look before it: the employers of the good lines (each with a
   * signed convenant), the keurmerken among them that are valid or expired, and how many get a catch-up reminder.
   */
  public record ToBeStored(
      long employers, long validKeurmerken, long expiredKeurmerken, long catchUps) {
    public static final ToBeStored NOTHING = new ToBeStored(0, 0, 0, 0);

    /** With one more good line: an employer, with or without a keurmerk. */
    public ToBeStored plus(boolean keurmerk, boolean expired, boolean catchUp) {
      return new ToBeStored(
          employers + 1,
          validKeurmerken + (keurmerk && !expired ? 1 : 0),
          expiredKeurmerken + (keurmerk && expired ? 1 : 0),
          catchUps + (catchUp ? 1 : 0));
    }
  }

  public enum Outcome {
    /** Dry run: the line can be imported. */
    GOED("Goed"),
    IMPORTED("Ingevoerd"),
    /** The employer is already in the system (an earlier run of this file, or entered by hand): nothing done. */
    SKIPPED("Overgeslagen"),
    ERROR("Fout");

    public final String label;

    Outcome(String label) {
      this.label = label;
    }
  }

  public record LineResult(
      long line, String employer, String kvkNumber, Outcome outcome, List<String> messages) {
    public String text() {
      return String.join(" ", messages);
    }
  }

  public long count(Outcome outcome) {
    return lines.stream().filter(l -> l.outcome() == outcome).count();
  }

  public long errorLines() {
    return count(Outcome.ERROR);
  }

  public long skippedLines() {
    return count(Outcome.SKIPPED);
  }

  public boolean hasErrors() {
    return fileProblem != null || count(Outcome.ERROR) > 0;
  }

  /** The report as a spreadsheet: one row per line of the file, and the totals below. */
  public void writeCsv(Writer out) throws IOException {
    try (var printer = SpreadsheetCsv.printer(out)) {
      printer.printRecord("Regel", "Werkgever", "KvK-nummer", "Uitkomst", "Toelichting");
      for (LineResult line : lines) {
        printer.printRecord(
            line.line(), line.employer(), line.kvkNumber(), line.outcome().label, line.text());
      }
      printer.println();
      printer.printRecord("", totals());
    }
  }

  /** The totals in one Dutch sentence. */
  public String totals() {
    if (fileProblem != null) {
      return "Niets ingevoerd: " + fileProblem;
    }
    long good = count(Outcome.GOED);
    long imported = count(Outcome.IMPORTED);
    long skipped = count(Outcome.SKIPPED);
    long errors = count(Outcome.ERROR);
    return lines.size()
        + " regels: "
        + (confirmed ? imported + " ingevoerd" : good + " goed (proefdraai, nog niets ingevoerd)")
        + ", "
        + skipped
        + " overgeslagen (staan al in het systeem), "
        + errors
        + " met een fout"
        + (errors > 0
            ? (confirmed ? " (niet ingevoerd; verbeter ze en voer het bestand opnieuw in)" : "")
            : "")
        + ".";
  }
}
