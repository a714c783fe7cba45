package nl.werkpact.keurmerk.golive;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.region.RegionScope;
import nl.werkpact.keurmerk.region.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every go-live import, from the page or the command (table {@code import_run}): kept across restarts, so the go-live
 * run itself stays on the page. The report of a run lives only while the app that ran it runs (its CSV is for
 * correcting a file now); the history keeps its totals.
 */
@Repository
public class ImportHistory {

  /** Where a run was started. */
  public enum StartedFrom {
    PAGINA("upload"),
    OPDRACHT("opdracht");

    public final String label;

    StartedFrom(String label) {
      this.label = label;
    }
  }

  /** One run as the history has it; {@code finishedAt} null: still running, or broken off by a stop. */
  public record Entry(
      String id,
      StartedFrom startedFrom,
      String fileName,
      boolean confirmed,
      String startedBy,
      OffsetDateTime startedAt,
      OffsetDateTime finishedAt,
      String outcome) {

    /** When it started, on the Dutch clock. */
    public LocalDateTime startedHere() {
      return startedAt.atZoneSameInstant(Dates.AMSTERDAM).toLocalDateTime();
    }
  }

  static final int SHOWN = 50;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Regions regions;

  public ImportHistory(JdbcClient jdbc, Clock clock, Regions regions) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.regions = regions;
  }

  static String newId() {
    byte[] id = new byte[16];
    RANDOM.nextBytes(id);
    return HexFormat.of().formatHex(id);
  }

  public void started(
      String id, StartedFrom from, String fileName, boolean confirmed, String startedBy) {
    // the run belongs to the region it imports into (GoLiveImport#run): an admin's into the first
    // region
    RegionScope.run(
        RegionScope.region().orElseGet(regions::firstCode),
        () -> insert(id, from, fileName, confirmed, startedBy));
  }

  private void insert(
      String id, StartedFrom from, String fileName, boolean confirmed, String startedBy) {
    jdbc.sql(
            """
            INSERT INTO import_run (id, started_from, file_name, confirmed, started_by, started_at)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(
            id,
            from.name(),
            shortened(fileName, 300),
            confirmed,
            shortened(startedBy, 100),
            OffsetDateTime.now(clock))
        .update();
  }

  public void finished(String id, String outcome) {
    jdbc.sql("UPDATE import_run SET finished_at = ?, outcome = ? WHERE id = ?")
        .params(OffsetDateTime.now(clock), shortened(outcome, 2000), id)
        .update();
  }

  /** The latest runs, newest first. */
  public List<Entry> recent() {
    return jdbc.sql(
            """
            SELECT id, started_from, file_name, confirmed, started_by, started_at, finished_at, outcome
              FROM import_run ORDER BY started_at DESC, id FETCH FIRST ? ROWS ONLY""")
        .param(SHOWN)
        .query(
            (rs, row) ->
                new Entry(
                    rs.getString("id"),
                    StartedFrom.valueOf(rs.getString("started_from")),
                    rs.getString("file_name"),
                    rs.getBoolean("confirmed"),
                    rs.getString("started_by"),
                    rs.getObject("started_at", OffsetDateTime.class),
                    rs.getObject("finished_at", OffsetDateTime.class),
                    rs.getString("outcome")))
        .list();
  }

  private static String shortened(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
