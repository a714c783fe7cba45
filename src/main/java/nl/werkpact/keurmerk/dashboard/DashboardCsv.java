package nl.werkpact.keurmerk.dashboard;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.common.SpreadsheetCsv;
import nl.werkpact.keurmerk.dashboard.WerkpactFigures.Figures;
import nl.werkpact.keurmerk.dashboard.WerkpactFigures.Selection;

/**
 * The dashboard's tables as CSV, the way a Dutch spreadsheet opens them: UTF-8 with a byte order mark, {@code ;}
 * between fields, a decimal comma in amounts, dates as dd-mm-jjjj, Dutch column names.
 */
final class DashboardCsv {

  /** One table: its column names and its rows, each a list of values in those columns. */
  record Table(List<String> header, Function<Figures, List<List<Object>>> rows) {
    void write(Figures figures, Writer out) throws IOException {
      try (var printer = SpreadsheetCsv.printer(out)) {
        printer.printRecord(header);
        for (List<Object> row : rows.apply(figures)) {
          printer.printRecord(row.stream().map(DashboardCsv::cell).toList());
        }
      }
    }
  }

  private static final Map<String, Table> TABLES =
      Map.of(
          "per-jaar",
              new Table(
                  List.of(
                      "Jaar",
                      "Intenties",
                      "Ondertekend",
                      "Ondertekend totaal",
                      "Doel ondertekend",
                      "Keurmerken toegekend",
                      "Afgewezen",
                      "Extra werkplekken",
                      "Werkervaringsplaatsen en stages",
                      "Sociale inkoop (euro)"),
                  f ->
                      f.perYear().stream()
                          .map(
                              r ->
                                  List.<Object>of(
                                      r.year(),
                                      r.intents(),
                                      r.signed(),
                                      r.signedCumulative(),
                                      r.signedTarget(),
                                      r.awarded(),
                                      r.rejected(),
                                      r.extraWorkplaces(),
                                      r.workExperiencePlaces(),
                                      r.socialPurchasing()))
                          .toList()),
          "per-gemeente",
              new Table(
                  List.of(
                      "Gemeente",
                      "Ondertekend",
                      "Keurmerkhouders",
                      "Keurmerken toegekend",
                      "Extra werkplekken",
                      "Werkervaringsplaatsen en stages",
                      "Sociale inkoop (euro)"),
                  f ->
                      f.perMunicipality().stream()
                          .map(
                              r ->
                                  List.<Object>of(
                                      r.municipality(),
                                      r.signed(),
                                      r.holders(),
                                      r.awarded(),
                                      r.extraWorkplaces(),
                                      r.workExperiencePlaces(),
                                      r.socialPurchasing()))
                          .toList()),
          "social-return",
              new Table(
                  List.of("Activiteit", "Totaal", "Audits met social return"),
                  f ->
                      f.socialReturn().stream()
                          .map(r -> List.<Object>of(r.activity(), r.total(), r.audits()))
                          .toList()),
          "trechter",
              new Table(
                  List.of("Stap", "Aantal"),
                  f -> f.funnel().stream().map(r -> List.<Object>of(r.step(), r.count())).toList()),
          "verloopt",
              new Table(
                  List.of(
                      "Keurmerknummer",
                      "Werkgever",
                      "KvK-nummer",
                      "Gemeente",
                      "Geldig tot en met",
                      "Dagen te gaan",
                      "Verlenging"),
                  f ->
                      f.expiring().stream()
                          .map(
                              r ->
                                  List.<Object>of(
                                      r.number(),
                                      r.employerName(),
                                      r.kvkNumber(),
                                      r.municipality(),
                                      r.validUntil(),
                                      r.daysLeft(),
                                      r.renewal()))
                          .toList()));

  static final List<String> NAMES = List.of("per-jaar", "per-gemeente", "trechter", "verloopt");

  private DashboardCsv() {}

  static Optional<Table> table(String name) {
    return Optional.ofNullable(TABLES.get(name));
  }

  static String fileName(String table, Selection selection) {
    List<String> parts = new ArrayList<>(List.of("werkpact", table));
    if (selection.year() != null) {
      parts.add(String.valueOf(selection.year()));
    }
    if (selection.municipality() != null) {
      parts.add(selection.municipality().replaceAll("[^\\p{L}\\p{N}]+", "-"));
    }
    return String.join("-", parts) + ".csv";
  }

  /** The national view's table: a row per region and the total. */
  static void writeNational(NationalFigures.National national, Writer out) throws IOException {
    try (var printer = SpreadsheetCsv.printer(out)) {
      printer.printRecord(
          "Regio",
          "Code",
          "Ondertekend",
          "Keurmerkhouders",
          "Keurmerken toegekend",
          "Afgewezen",
          "Extra werkplekken",
          "Werkervaringsplaatsen en stages",
          "Sociale inkoop (euro)");
      List<NationalFigures.RegionRow> rows = new ArrayList<>(national.rows());
      rows.add(national.total());
      for (NationalFigures.RegionRow r : rows) {
        printer.printRecord(
            Stream.<Object>of(
                    r.name(),
                    r.code() == null ? "" : r.code(),
                    r.signedConvenants(),
                    r.holders(),
                    r.awarded(),
                    r.rejected(),
                    r.extraWorkplaces(),
                    r.workExperiencePlaces(),
                    r.socialPurchasing())
                .map(DashboardCsv::cell)
                .toList());
      }
    }
  }

  private static Object cell(Object value) {
    if (value instanceof BigDecimal amount) {
      return amount.setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }
    if (value instanceof LocalDate date) {
      return Dates.numeric(date);
    }
    return value;
  }
}
