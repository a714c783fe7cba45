package nl.werkpact.keurmerk.common;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV the way a Dutch spreadsheet opens it: UTF-8 with a byte order mark, {@code ;} between fields, CRLF line ends.
 * A text cell that a spreadsheet would read as a formula (it starts with {@code =}, {@code +}, {@code -}, {@code @},
 * a tab or a carriage return) gets a leading {@code '}, as OWASP advises against CSV injection: a name such as
 * {@code =HYPERLINK(...)} shows as text for the staff who open the file. Numbers stay numbers.
 */
public final class SpreadsheetCsv {

  private static final CSVFormat FORMAT =
      CSVFormat.Builder.create().setDelimiter(';').setRecordSeparator("\r\n").get();

  private SpreadsheetCsv() {}

  /** Writes the byte order mark and returns a printer for the records; closing it closes {@code out}. */
  public static Printer printer(Writer out) throws IOException {
    out.write('\uFEFF');
    return new Printer(new CSVPrinter(out, FORMAT));
  }

  /** The cell as a spreadsheet should show it: text that would start a formula is made plain text. */
  public static Object neutralised(Object value) {
    if (!(value instanceof CharSequence text) || text.length() == 0) {
      return value;
    }
    char first = text.charAt(0);
    return first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r'
        ? "'" + text
        : value;
  }

  /** Prints records whose text cells are {@linkplain #neutralised neutralised}. */
  public static final class Printer implements Closeable {
    private final CSVPrinter csv;

    private Printer(CSVPrinter csv) {
      this.csv = csv;
    }

    public void printRecord(Object... values) throws IOException {
      printRecord(Arrays.asList(values));
    }

    public void printRecord(Iterable<?> values) throws IOException {
      List<Object> cells = new ArrayList<>();
      values.forEach(value -> cells.add(neutralised(value)));
      csv.printRecord(cells);
    }

    public void println() throws IOException {
      csv.println();
    }

    @Override
    public void close() throws IOException {
      csv.close();
    }
  }
}
