package nl.werkpact.keurmerk.golive;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * The go-live file: one employer per line, UTF-8, fields separated by {@code ;} as a Dutch spreadsheet exports them or
 * by {@code ,}, with a header line of Dutch column names. Read with Apache Commons CSV; what cannot be read is
 * explained in Dutch.
 */
final class WerkgeversCsv {

  enum Column {
    NAME(true, "naam", "naam werkgever", "werkgever"),
    KVK(true, "kvk-nummer", "kvk", "kvknummer", "kvk nummer"),
    ADDRESS(true, "adres"),
    MUNICIPALITY(true, "gemeente"),
    CONTACT_PERSON(true, "contactpersoon"),
    EMAIL(true, "e-mail", "email", "e-mailadres", "emailadres"),
    SIGNED_DATE(true, "ondertekend op", "datum ondertekening", "convenant ondertekend op"),
    SIGNED_BY(true, "ondertekend door", "ondertekenaar"),
    ACCOUNTMANAGER(true, "accountmanager"),
    KEURMERK_NUMBER(false, "keurmerknummer", "keurmerk"),
    KEURMERK_VALID_FROM(false, "keurmerk geldig vanaf", "geldig vanaf"),
    MEMBERSHIP_UNTIL(false, "lidmaatschap tot en met", "lidmaatschap tot", "einde lidmaatschap"),
    EXTRA_WORKPLACES(false, "extra werkplekken"),
    WORK_EXPERIENCE_PLACES(false, "werkervaringsplaatsen", "werkervaringsplekken"),
    SOCIAL_PURCHASING(false, "sociale inkoop", "sociale inkoop (euro)", "sociale inkoop in euro");

    final boolean required;
    final List<String> names;

    Column(boolean required, String... names) {
      this.required = required;
      this.names = List.of(names);
    }

    /** The name the header should use; the first of the accepted names. */
    String title() {
      return names.get(0);
    }
  }

  /** One line of the file: its line number in the file and its values by column (absent columns are empty). */
  record Line(long number, Map<Column, String> values, String problem) {
    String get(Column column) {
      String value = values.get(column);
      return value == null ? "" : value.strip();
    }
  }

  /** The file's lines, or the one reason it cannot be read at all. */
  record Contents(List<Line> lines, String problem) {}

  static final int MAX_LINES = 100_000;

  private WerkgeversCsv() {}

  static Contents read(Reader in) {
    String text;
    try {
      text = readAll(in);
    } catch (IOException e) {
      return new Contents(List.of(), "Het bestand kon niet gelezen worden: " + e.getMessage());
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.indexOf('\uFFFD') >= 0) {
      return new Contents(
          List.of(),
          "Het bestand is geen UTF-8. Sla het in uw spreadsheet op als \"CSV UTF-8\" en probeer het opnieuw.");
    }
    String firstLine = text.lines().findFirst().orElse("");
    if (firstLine.isBlank()) {
      return new Contents(
          List.of(),
          "Het bestand is leeg. De eerste regel moet de kolomnamen bevatten, zoals "
              + String.join(";", required())
              + ".");
    }
    char delimiter = count(firstLine, ';') >= count(firstLine, ',') ? ';' : ',';
    CSVFormat format =
        CSVFormat.Builder.create(CSVFormat.DEFAULT)
            .setDelimiter(delimiter)
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
            .get();
    try (CSVParser parser =
        CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
      List<String> header = parser.getHeaderNames();
      Map<Integer, Column> columns = new LinkedHashMap<>();
      List<String> unknown = new ArrayList<>();
      for (int i = 0; i < header.size(); i++) {
        String name = header.get(i);
        if (name == null || name.isBlank()) {
          continue;
        }
        Column column = column(name);
        if (column == null) {
          unknown.add(name);
        } else if (columns.containsValue(column)) {
          return new Contents(
              List.of(), "De kolom \"" + column.title() + "\" staat twee keer in de kopregel.");
        } else {
          columns.put(i, column);
        }
      }
      if (!unknown.isEmpty()) {
        return new Contents(
            List.of(),
            "Onbekende kolom "
                + quoted(unknown)
                + " in de kopregel. Bekende kolommen: "
                + String.join(", ", Arrays.stream(Column.values()).map(Column::title).toList())
                + ".");
      }
      List<String> missing =
          Arrays.stream(Column.values())
              .filter(c -> c.required && !columns.containsValue(c))
              .map(Column::title)
              .toList();
      if (!missing.isEmpty()) {
        return new Contents(List.of(), "De kopregel mist de kolom " + quoted(missing) + ".");
      }
      List<Line> lines = new ArrayList<>();
      int[] lineStarts = lineStarts(text);
      for (CSVRecord record : parser) {
        if (lines.size() >= MAX_LINES) {
          return new Contents(
              List.of(),
              "Het bestand heeft meer dan "
                  + String.format(Locale.GERMANY, "%,d", MAX_LINES)
                  + " regels; splits het in kleinere bestanden.");
        }
        long lineNumber = lineOf(text, record.getCharacterPosition(), lineStarts);
        Map<Column, String> values = new EnumMap<>(Column.class);
        columns.forEach(
            (index, column) -> values.put(column, index < record.size() ? record.get(index) : ""));
        String problem =
            record.size() == header.size()
                ? null
                : "Deze regel heeft "
                    + record.size()
                    + " velden, de kopregel "
                    + header.size()
                    + "; staat er een "
                    + (delimiter == ';' ? "puntkomma" : "komma")
                    + " te veel of te weinig?";
        lines.add(new Line(lineNumber, values, problem));
      }
      return new Contents(lines, null);
    } catch (IOException
        | UncheckedIOException
        | IllegalStateException
        | IllegalArgumentException e) {
      return new Contents(
          List.of(),
          "Het bestand is geen leesbare CSV: "
              + dutch(e)
              + " Controleer de aanhalingstekens rond velden.");
    }
  }

  /** Where each line of the text starts, to name a record by the line of the file it starts on (as a spreadsheet numbers its rows). */
  private static int[] lineStarts(String text) {
    var starts = new ArrayList<Integer>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  private static long lineOf(String text, long recordPosition, int[] lineStarts) {
    int position = (int) recordPosition;
    while (position < text.length()
        && (text.charAt(position) == '\r' || text.charAt(position) == '\n')) {
      position++; // the parser names the start of the empty lines it skipped before the record
    }
    int index = Arrays.binarySearch(lineStarts, position);
    return (index >= 0 ? index : -index - 2) + 1L;
  }

  private static String dutch(Exception e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    var position = Pattern.compile("line (\\d+)").matcher(message);
    return position.find()
        ? "de fout zit rond regel " + position.group(1) + "."
        : "een aanhalingsteken sluit niet.";
  }

  private static Column column(String name) {
    String normal =
        Normalizer.normalize(name.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .replace('_', ' ')
            .replaceAll("\\s+", " ");
    for (Column column : Column.values()) {
      if (column.names.contains(normal)) {
        return column;
      }
    }
    return null;
  }

  private static List<String> required() {
    return Arrays.stream(Column.values()).filter(c -> c.required).map(Column::title).toList();
  }

  private static String quoted(List<String> names) {
    return String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList());
  }

  private static int count(String text, char c) {
    return (int) text.chars().filter(ch -> ch == c).count();
  }

  private static String readAll(Reader in) throws IOException {
    var out = new StringBuilder();
    char[] buffer = new char[8192];
    for (int n; (n = in.read(buffer)) != -1; ) {
      out.append(buffer, 0, n);
    }
    return out.toString();
  }
}
