package nl.werkpact.keurmerk.golive;

import jakarta.annotation.PreDestroy;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import nl.werkpact.keurmerk.common.ConflictException;
import nl.werkpact.keurmerk.region.RegionScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The go-live imports started from the admin page. They run one at a time in the background, so a large file does not
 * hold the browser's request; the page follows a run's progress and shows its report when it is done. The last runs
 * are kept in memory (with the uploaded file, so a good dry run can be confirmed without uploading again); a restart
 * forgets them, and a run broken off by a restart has stored only whole lines (run the file again).
 */
@Component
public class ImportRuns {

  private static final Logger LOG = LoggerFactory.getLogger(ImportRuns.class);
  private static final int KEPT = 20;

  /** One import: its file, who started it, how far it is, and its report once done. */
  public static final class Run {
    private final String id;
    private final String fileName;
    private final byte[] content;
    private final boolean confirm;
    private final String startedBy;
    private final LocalDateTime startedAt;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger total = new AtomicInteger();
    private volatile ImportReport report;
    private volatile String failure;
    private final String region;

    Run(
        String id,
        String fileName,
        byte[] content,
        boolean confirm,
        String startedBy,
        LocalDateTime startedAt,
        String region) {
      this.region = region;
      this.id = id;
      this.fileName = fileName;
      this.content = content;
      this.confirm = confirm;
      this.startedBy = startedBy;
      this.startedAt = startedAt;
    }

    public String id() {
      return id;
    }

    public String fileName() {
      return fileName;
    }

    public boolean confirm() {
      return confirm;
    }

    /** The region whose employers it imports. */
    public String region() {
      return region;
    }

    public String startedBy() {
      return startedBy;
    }

    public LocalDateTime startedAt() {
      return startedAt;
    }

    public int done() {
      return done.get();
    }

    public int total() {
      return total.get();
    }

    public ImportReport report() {
      return report;
    }

    /** Why the run stopped before it had a report (the system failed, not a line); null otherwise. */
    public String failure() {
      return failure;
    }

    public boolean finished() {
      return report != null || failure != null;
    }

    /** A dry run with good lines, which can now be imported (the lines with an error are not). */
    public boolean confirmable() {
      return confirmable(report);
    }

    private boolean confirmable(ImportReport finishedReport) {
      return !confirm
          && finishedReport != null
          && finishedReport.fileProblem() == null
          && finishedReport.count(ImportReport.Outcome.GOED) > 0;
    }

    /**
     * The run as it stands at one moment, for a page: the run goes on while the page is rendered, so everything the page
     * shows comes from this one reading (never "still busy" above a finished report).
     */
    public View view() {
      ImportReport finishedReport = report;
      String failed = failure;
      int doneNow = done();
      int totalNow = total();
      boolean finishedNow = finishedReport != null || failed != null;
      int percentNow = finishedNow ? 100 : totalNow == 0 ? 0 : (int) (100L * doneNow / totalNow);
      return new View(
          id,
          fileName,
          confirm,
          startedBy,
          startedAt,
          finishedNow,
          finishedReport,
          failed,
          doneNow,
          totalNow,
          percentNow,
          confirmable(finishedReport));
    }
  }

  /** One reading of a run (see {@link Run#view()}). */
  public record View(
      String id,
      String fileName,
      boolean confirm,
      String startedBy,
      LocalDateTime startedAt,
      boolean finished,
      ImportReport report,
      String failure,
      int done,
      int total,
      int percent,
      boolean confirmable) {}

  private final GoLiveImport goLiveImport;
  private final ImportHistory history;
  private final Clock clock;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "go-live-import");
            thread.setDaemon(true);
            return thread;
          });
  private final Map<String, Run> runs = new LinkedHashMap<>();

  public ImportRuns(GoLiveImport goLiveImport, ImportHistory history, Clock clock) {
    this.goLiveImport = goLiveImport;
    this.history = history;
    this.clock = clock;
  }

  /** Starts a run in the background; refused in Dutch while another run has not finished. */
  public synchronized Run start(
      String fileName, byte[] content, boolean confirm, String startedBy, String region) {
    runs.values().stream()
        .filter(run -> !run.finished())
        .findFirst()
        .ifPresent(
            running -> {
              throw new ConflictException(
                  "Er loopt al een import ("
                      + running.fileName()
                      + ", gestart door "
                      + running.startedBy()
                      + "); wacht tot die klaar is en probeer het dan opnieuw.");
            });
    Run run =
        new Run(
            ImportHistory.newId(),
            fileName,
            content,
            confirm,
            startedBy,
            LocalDateTime.now(clock),
            region);
    RegionScope.run(
        region,
        () ->
            history.started(
                run.id(), ImportHistory.StartedFrom.PAGINA, fileName, confirm, startedBy));
    runs.put(run.id(), run);
    while (runs.size() > KEPT) {
      runs.remove(runs.keySet().iterator().next());
    }
    LOG.info(
        "Go-live import {} of {} started by {}",
        confirm ? "(confirmed)" : "(dry run)",
        fileName,
        startedBy);
    worker.submit(() -> execute(run));
    return run;
  }

  /** Imports the file of a good dry run. */
  public Run confirm(Run dryRun, String startedBy) {
    if (!dryRun.confirmable()) {
      throw new ConflictException(
          "Deze proefdraai kan niet worden ingevoerd: hij is nog bezig of heeft geen goede regels. Verbeter het "
              + "bestand en laad het opnieuw.");
    }
    return start(dryRun.fileName(), dryRun.content, true, startedBy, dryRun.region());
  }

  public synchronized Optional<Run> find(String id) {
    return Optional.ofNullable(runs.get(id));
  }

  /** Every run the history keeps, newest first, with the one in memory where this app ran it (for its report). */
  public List<Past> history() {
    return history.recent().stream()
        .map(entry -> new Past(entry, find(entry.id()).map(Run::view).orElse(null)))
        .toList();
  }

  /** A run of the history, and its reading when this app ran it (null after a restart, or run by the command). */
  public record Past(ImportHistory.Entry entry, View live) {

    /** Its outcome in Dutch: the report's totals, why it failed, how far it is, or that it was broken off. */
    public String outcome() {
      if (live != null && !live.finished()) {
        return "Bezig: " + live.percent() + " %";
      }
      if (entry.finishedAt() != null) {
        return entry.outcome();
      }
      return "Afgebroken: het systeem stopte tijdens deze import. Regels die al waren ingevoerd blijven staan, elk "
          + "helemaal; voer het bestand opnieuw in om de rest in te voeren.";
    }
  }

  /** The kept runs, newest first. */
  public synchronized List<Run> recent() {
    var recent = new ArrayList<>(runs.values());
    Collections.reverse(recent);
    return recent;
  }

  private void execute(Run run) {
    RegionScope.run(run.region(), () -> executeInRegion(run));
  }

  private void executeInRegion(Run run) {
    try (var reader =
        new InputStreamReader(new ByteArrayInputStream(run.content), StandardCharsets.UTF_8)) {
      run.report =
          goLiveImport.run(
              reader,
              run.confirm,
              (done, total) -> {
                run.total.set(total);
                run.done.set(done);
              });
      history.finished(run.id, run.report.totals());
    } catch (Exception | Error e) {
      LOG.error("Go-live import of {} failed", run.fileName(), e);
      run.failure =
          "De import is afgebroken door een fout in het systeem ("
              + e.getClass().getSimpleName()
              + "). Regels die al "
              + "waren ingevoerd blijven staan, elk helemaal; voer het bestand opnieuw in om de rest in te voeren.";
      try {
        history.finished(run.id, run.failure);
      } catch (RuntimeException notRecorded) {
        LOG.warn("Go-live import {}: its end could not be recorded", run.id, notRecorded);
      }
    }
  }

  @PreDestroy
  void stop() {
    worker.shutdownNow();
  }
}
