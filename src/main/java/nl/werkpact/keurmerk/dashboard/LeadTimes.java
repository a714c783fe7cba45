package nl.werkpact.keurmerk.dashboard;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import nl.werkpact.keurmerk.common.Database;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.region.RegionScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How long the work takes, per stage and per year and municipality (median, 90th percentile, count), and where it
 * waits (the time each user task was open, from Camunda's history), and what is late now. The durations are read
 * grouped to whole days in SQL, one query per stage, and the nearest-rank percentiles read from those counts in Java,
 * so H2 and PostgreSQL give the same figures. The ceremony is the one planned in Uitreiking plannen, kept on the
 * keurmerk (keurmerken without one, such as renewals and imported holders, have no such stage).
 */
@Component
public class LeadTimes {

  /** A stage of the work between two moments of the records. */
  public enum Stage {
    INTENT_TO_SIGNATURE("Intentie tot ondertekening"),
    AUDIT_REQUEST_TO_DECISION("Auditaanvraag tot besluit"),
    DECISION_TO_CEREMONY("Besluit tot uitreiking");

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
  private final boolean onPostgres;

  /**
   * The grouped scans run side by side, each on a connection of its own: on ten years of history each reads every
   * row of its table, and one after the other they took 270 ms on two cores (LeadTimesBenchmark). Camunda's task
   * history of earlier years is kept for an hour: it no longer changes, and it was the largest scan.
   */
  private final ExecutorService scans =
      Executors.newFixedThreadPool(
          4,
          r -> {
            Thread t = new Thread(r, "lead-times-scan");
            t.setDaemon(true);
            return t;
          });

  private final Clock clock;

  public LeadTimes(JdbcClient jdbc, DataSource dataSource, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.onPostgres = Database.isPostgres(dataSource);
  }

  @PreDestroy
  void stop() {
    scans.shutdownNow();
  }

  private record Key(String stage, int year, String municipality) {}

  /** One group of a scan: how many records of the municipality (or task) and year took this many whole days. */
  private record Grouped(String group, int year, long days, long count) {}

  public Figures figures(Selection selection) {
    // Each stage grouped in SQL to (municipality, year of its end, whole days, count): a few
    // thousand rows instead
    // of every convenant, audit and keurmerk of ten years. The start of the first two stages is a
    // moment; its day is
    // the day on the Amsterdam clock.
    var intent =
        scan(
            "SELECT e.municipality AS m, EXTRACT(YEAR FROM c.signed_date) AS y, "
                + daysFromMoment("c.registered_at", "c.signed_date")
                + " AS d FROM convenant c JOIN employer e ON e.id = c.employer_id"
                + " WHERE c.signed_date IS NOT NULL");
    var audit =
        scan(
            "SELECT e.municipality AS m, EXTRACT(YEAR FROM a.decided_on) AS y, "
                + daysFromMoment("a.requested_at", "a.decided_on")
                + " AS d FROM audit a JOIN employer e ON e.id = a.employer_id"
                + " WHERE a.decided_on IS NOT NULL");
    var ceremony =
        scan(
            "SELECT e.municipality AS m, EXTRACT(YEAR FROM k.ceremony_date) AS y, "
                + daysBetweenDates("a.decided_on", "k.ceremony_date")
                + " AS d FROM keurmerk k JOIN audit a ON a.id = k.audit_id"
                + " JOIN employer e ON e.id = k.employer_id"
                + " WHERE a.decided_on IS NOT NULL AND k.ceremony_date IS NOT NULL");
    var waits = waits();

    var years = new TreeSet<Integer>(Comparator.reverseOrder());
    var municipalities = new TreeSet<String>();
    Map<Key, TreeMap<Long, Long>> groups =
        new TreeMap<>(
            Comparator.comparing(Key::stage)
                .thenComparing(Key::year, Comparator.reverseOrder())
                .thenComparing(Key::municipality));
    collect(Stage.INTENT_TO_SIGNATURE, join(intent), selection, years, municipalities, groups);
    collect(Stage.AUDIT_REQUEST_TO_DECISION, join(audit), selection, years, municipalities, groups);
    collect(Stage.DECISION_TO_CEREMONY, join(ceremony), selection, years, municipalities, groups);
    var rows = new ArrayList<Row>();
    for (Stage stage : Stage.values()) {
      groups.forEach(
          (key, histogram) -> {
            if (key.stage().equals(stage.label())) {
              long count = histogram.values().stream().mapToLong(Long::longValue).sum();
              rows.add(
                  new Row(
                      key.stage(),
                      key.year(),
                      key.municipality(),
                      (int) count,
                      percentile(histogram, count, 50),
                      percentile(histogram, count, 90)));
            }
          });
    }
    return new Figures(
        selection, List.copyOf(years), List.copyOf(municipalities), rows, tasks(waits, selection));
  }

  /** Task waits of the years before this one: history that no longer changes, read again after an hour at most. */
  private record ClosedYears(int year, long readAt, List<Grouped> groups) {}

  /** Per region of the work that asked (and all regions). */
  private final Map<String, ClosedYears> closedYears =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final long CLOSED_YEARS_FOR_NANOS = java.time.Duration.ofHours(1).toNanos();

  private List<Grouped> waits() {
    int year = LocalDate.now(clock.withZone(Dates.AMSTERDAM)).getYear();
    LocalDateTime yearStart = LocalDate.of(year, 1, 1).atStartOfDay();
    // Camunda's history knows no municipality, so the waits are per task and year only; whole days
    // by integer
    // division, the same in H2 and PostgreSQL. END_TIME_ is the engine's local time, as its year
    // is.
    String perTask =
        "SELECT NAME_ AS m, EXTRACT(YEAR FROM END_TIME_) AS y, DURATION_ / 86400000 AS d FROM ACT_HI_TASKINST"
            + " WHERE END_TIME_ IS NOT NULL AND DURATION_ IS NOT NULL AND NAME_ IS NOT NULL AND END_TIME_ ";
    var thisYear = scan(perTask + ">= ?", yearStart);
    ClosedYears closed = closedYears.get(RegionScope.current());
    if (closed == null
        || closed.year() != year
        || System.nanoTime() - closed.readAt() > CLOSED_YEARS_FOR_NANOS) {
      closed = new ClosedYears(year, System.nanoTime(), join(scan(perTask + "< ?", yearStart)));
      closedYears.put(RegionScope.current(), closed);
    }
    var all = new ArrayList<>(closed.groups());
    all.addAll(join(thisYear));
    return all;
  }

  private CompletableFuture<List<Grouped>> scan(String perRecord, Object... params) {
    String region = RegionScope.current();
    return CompletableFuture.supplyAsync(
        () ->
            RegionScope.in(
                region,
                () ->
                    jdbc.sql("SELECT m, y, d, COUNT(*) FROM (" + perRecord + ") t GROUP BY m, y, d")
                        .params(params)
                        .query(
                            (rs, i) ->
                                new Grouped(
                                    rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4)))
                        .list()),
        scans);
  }

  private static List<Grouped> join(CompletableFuture<List<Grouped>> scan) {
    try {
      return scan.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** Whole days from the Amsterdam day of a moment (TIMESTAMP WITH TIME ZONE) to a date. */
  private String daysFromMoment(String moment, String date) {
    String local = moment + " AT TIME ZONE '" + Dates.AMSTERDAM.getId() + "'";
    // PostgreSQL: a timestamp at a zone is that zone's wall clock, and date minus date is days. H2
    // casts to DATE on
    // the session's clock, but DATEDIFF counts days on the value's own offset.
    return onPostgres
        ? "(" + date + " - CAST(" + local + " AS DATE))"
        : "DATEDIFF(DAY, " + local + ", " + date + ")";
  }

  private String daysBetweenDates(String from, String to) {
    return onPostgres ? "(" + to + " - " + from + ")" : "DATEDIFF(DAY, " + from + ", " + to + ")";
  }

  private static void collect(
      Stage stage,
      List<Grouped> grouped,
      Selection selection,
      TreeSet<Integer> years,
      TreeSet<String> municipalities,
      Map<Key, TreeMap<Long, Long>> groups) {
    for (Grouped g : grouped) {
      years.add(g.year());
      municipalities.add(g.group());
      if ((selection.year() == null || selection.year() == g.year())
          && (selection.municipality() == null || selection.municipality().equals(g.group()))) {
        groups
            .computeIfAbsent(new Key(stage.label(), g.year(), g.group()), k -> new TreeMap<>())
            .merge(g.days(), g.count(), Long::sum);
      }
    }
  }

  private static List<TaskRow> tasks(List<Grouped> waits, Selection selection) {
    Map<String, Map<Integer, TreeMap<Long, Long>>> byTask = new TreeMap<>();
    for (Grouped g : waits) {
      if (selection.year() == null || selection.year() == g.year()) {
        byTask
            .computeIfAbsent(g.group(), t -> new TreeMap<>(Comparator.reverseOrder()))
            .computeIfAbsent(g.year(), y -> new TreeMap<>())
            .merge(g.days(), g.count(), Long::sum);
      }
    }
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

  /** A number of days the Dutch way: "1 dag", "12 dagen", "1.234 dagen". */
  public static String days(long days) {
    return String.format(Locale.forLanguageTag("nl-NL"), "%,d", days)
        + (days == 1 ? " dag" : " dagen");
  }
}
