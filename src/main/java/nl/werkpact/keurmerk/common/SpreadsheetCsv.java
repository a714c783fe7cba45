package nl.werkpact.keurmerk.common;

import java.io.IOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** CSV the way a Dutch spreadsheet opens it: UTF-8 with a byte order mark, {@code ;} between fields, CRLF line ends. */
public final class SpreadsheetCsv {

  private static final CSVFormat FORMAT = CSVFormat.Builder.create().setDelimiter(';').setRecordSeparator("\r\n").get();

  private SpreadsheetCsv() {}

  /** Writes the byte order mark and returns a printer for the records; closing it closes {@code out}. */
  public static CSVPrinter printer(Writer out) throws IOException {
    out.write('\uFEFF');
    return new CSVPrinter(out, FORMAT);
  }
}
