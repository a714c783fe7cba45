package nl.werkpact.keurmerk.dashboard;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How long the work takes, per stage and per year and municipality (median, 90th percentile, count), and where it
 * waits (the time each user task was open, from Camunda's history), and what is late now. The durations are read
 * with one query per stage and sorted per group in Java, so H2 and PostgreSQL give the same percentiles.
 */
@Component
public class LeadTimes {

  /** A stage of the work between two moments of the records. */
  public enum Stage {
    INTENT_TO_SIGNATURE("Intentie tot ondertekening"),
    AUDIT_REQUEST_TO_DECISION("Auditaanvraag tot besluit"),
    DECISION_TO_KEURMERK("Besluit tot ingang keurmerk");

    private final String label;

    Stage(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The selection: a year (of the stage's end) and a municipality, each {@code null} for all. */
  public record Selection(Integer year, String municipality) {}

  /** One group's figures, in days. */
  public record Row(
      String stage, int year, String municipality, int count, long median, long p90) {}

  /** Time one user task was open, per year its work ended. */
  public record TaskRow(String task, int year, int count, long median, long p90) {}

  /** What the page shows. */
  public record Figures(
      Selection selection,
      List<Integer> years,
      List<String> municipalities,
      List<Row> stages,
      List<TaskRow> tasks) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  public LeadTimes(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  private record Key(String stage, int year, String municipality) {}

  private record Moment(int year, String municipality, long days) {}

  public Figures figures(Selection selection) {
    ZoneId zone = clock.getZone();
    var years = new TreeSet<Integer>(Comparator.reverseOrder());
    var municipalities = new TreeSet<String>();
    Map<Key, List<Long>> groups =
        new TreeMap<>(
            Comparator.comparing(Key::stage)
                .thenComparing(Key::year, Comparator.reverseOrder())
                .thenComparing(Key::municipality));
    collect(
        Stage.INTENT_TO_SIGNATURE,
        jdbc.sql(
                "SELECT e.municipality, c.registered_at AS from_moment, c.signed_date AS to_date"
                    + " FROM convenant c JOIN employer e ON e.id = c.employer_id"
                    + " WHERE c.signed_date IS NOT NULL")
            .query(
                (rs, i) ->
                    moment(rs.getString(1), rs.getTimestamp(2), rs.getDate(3).toLocalDate(), zone))
            .list(),
        selection,
        years,
        municipalities,
        groups);
    collect(
        Stage.AUDIT_REQUEST_TO_DECISION,
        jdbc.sql(
                "SELECT e.municipality, a.requested_at, a.decided_on"
                    + " FROM audit a JOIN employer e ON e.id = a.employer_id"
                    + " WHERE a.decided_on IS NOT NULL")
            .query(
                (rs, i) ->
                    moment(rs.getString(1), rs.getTimestamp(2), rs.getDate(3).toLocalDate(), zone))
            .list(),
        selection,
        years,
        municipalities,
        groups);
    collect(
        Stage.DECISION_TO_KEURMERK,
        jdbc.sql(
                "SELECT e.municipality, a.decided_on, k.valid_from"
                    + " FROM keurmerk k JOIN audit a ON a.id = k.audit_id"
                    + " JOIN employer e ON e.id = k.employer_id WHERE a.decided_on IS NOT NULL")
            .query(
                (rs, i) -> {
                  LocalDate from = rs.getDate(2).toLocalDate();
                  LocalDate to = rs.getDate(3).toLocalDate();
                  return new Moment(
                      to.getYear(), rs.getString(1), ChronoUnit.DAYS.between(from, to));
                })
            .list(),
        selection,
        years,
        municipalities,
        groups);
    var rows = new ArrayList<Row>();
    for (Stage stage : Stage.values()) {
      groups.forEach(
          (key, days) -> {
            if (key.stage().equals(stage.label())) {
              long[] sorted = days.stream().mapToLong(Long::longValue).sorted().toArray();
              rows.add(
                  new Row(
                      key.stage(),
                      key.year(),
                      key.municipality(),
                      sorted.length,
                      percentile(sorted, 50),
                      percentile(sorted, 90)));
            }
          });
    }
    return new Figures(
        selection, List.copyOf(years), List.copyOf(municipalities), rows, tasks(selection, years));
  }

  private List<TaskRow> tasks(Selection selection, TreeSet<Integer> years) {
    // Grouped in SQL to whole days (integer division in H2 and PostgreSQL alike): a few thousand
    // rows of
    // (task, year, days, count) instead of every task of ten years; the percentiles are read from
    // these counts.
    Map<String, Map<Integer, TreeMap<Long, Long>>> byTask = new TreeMap<>();
    jdbc.sql(
            "SELECT NAME_, EXTRACT(YEAR FROM END_TIME_) AS y, DURATION_ / 86400000 AS d, COUNT(*) AS n"
                + " FROM ACT_HI_TASKINST"
                + " WHERE END_TIME_ IS NOT NULL AND DURATION_ IS NOT NULL AND NAME_ IS NOT NULL"
                + " GROUP BY NAME_, EXTRACT(YEAR FROM END_TIME_), DURATION_ / 86400000")
        .query(
            rs -> {
              int year = rs.getInt(2);
              if (selection.year() == null || selection.year() == year) {
                byTask
                    .computeIfAbsent(rs.getString(1), t -> new TreeMap<>(Comparator.reverseOrder()))
                    .computeIfAbsent(year, y -> new TreeMap<>())
                    .merge(rs.getLong(3), rs.getLong(4), Long::sum);
              }
            });
    var rows = new ArrayList<TaskRow>();
    byTask.forEach(
        (task, perYear) ->
            perYear.forEach(
                (year, histogram) -> {
                  long count = histogram.values().stream().mapToLong(Long::longValue).sum();
                  rows.add(
                      new TaskRow(
                          task,
                          year,
                          (int) count,
                          percentile(histogram, count, 50),
                          percentile(histogram, count, 90)));
                }));
    return rows;
  }

  /** The nearest-rank percentile of values given as value → how often. */
  static long percentile(TreeMap<Long, Long> histogram, long count, int p) {
    long rank = Math.max(1, (long) Math.ceil(p / 100.0 * count));
    long seen = 0;
    for (var entry : histogram.entrySet()) {
      seen += entry.getValue();
      if (seen >= rank) {
        return entry.getKey();
      }
    }
    return 0;
  }

  private static Moment moment(String municipality, Timestamp from, LocalDate to, ZoneId zone) {
    LocalDate start = from.toInstant().atZone(zone).toLocalDate();
    return new Moment(to.getYear(), municipality, ChronoUnit.DAYS.between(start, to));
  }

  private static void collect(
      Stage stage,
      List<Moment> moments,
      Selection selection,
      TreeSet<Integer> years,
      TreeSet<String> municipalities,
      Map<Key, List<Long>> groups) {
    for (Moment m : moments) {
      years.add(m.year());
      municipalities.add(m.municipality());
      if ((selection.year() == null || selection.year() == m.year())
          && (selection.municipality() == null
              || selection.municipality().equals(m.municipality()))) {
        groups
            .computeIfAbsent(
                new Key(stage.label(), m.year(), m.municipality()), k -> new ArrayList<>())
            .add(m.days());
      }
    }
  }

  /** The nearest-rank percentile of sorted values (the median of 1, 2, 3, 4 is 2). */
  static long percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  /** A number of days the Dutch way: "1 dag", "12 dagen", "1.234 dagen". */
  public static String days(long days) {
    return String.format(Locale.forLanguageTag("nl-NL"), "%,d", days)
        + (days == 1 ? " dag" : " dagen");
  }
}
