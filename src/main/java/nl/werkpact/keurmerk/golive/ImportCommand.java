package nl.werkpact.keurmerk.golive;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.werkpact.keurmerk.golive.ImportReport.Outcome;
import nl.werkpact.keurmerk.region.RegionScope;
import nl.werkpact.keurmerk.region.Regions;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * {@code java -jar werkpact-keurmerk.jar import [--confirm] [--regio=<code>] werkgevers.csv …}: the go-live import from
 * the command line, each file into the region named before it (without {@code --regio}: the first region),
 * against the database the app is configured for (the same profile and environment as the app), without a web server
 * and without running jobs (the app that runs picks up the imported keurmerken's timers). A progress bar on standard
 * error, the Dutch report on standard output. Exit code 0 when every line is good or skipped, 1 when a line has an
 * error, 2 when the file cannot be read or the command is wrong.
 */
public final class ImportCommand {

  public static final String NAME = "import";

  private ImportCommand() {}

  /** A file to import and the region it goes into (null: the first region). */
  private record Job(String region, Path file) {}

  public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
    List<String> springArgs = new ArrayList<>();
    List<Job> jobs = new ArrayList<>();
    String region = null;
    boolean confirm = false;
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--confirm") || args[i].equals("--bevestig")) {
        confirm = true;
      } else if (args[i].startsWith("--regio=")) {
        region = args[i].substring("--regio=".length()).strip();
        if (region.isEmpty()) {
          return usage(err, "Geef bij --regio= de code van de regio, zoals --regio=westland.");
        }
      } else if (args[i].startsWith("--")) {
        springArgs.add(args[i]);
      } else {
        jobs.add(new Job(region, Path.of(args[i])));
      }
    }
    if (jobs.isEmpty()) {
      return usage(err, "Geef het CSV-bestand op.");
    }
    for (Job job : jobs) {
      if (!Files.isReadable(job.file())) {
        return usage(err, "Het bestand " + job.file() + " bestaat niet of is niet te lezen.");
      }
    }
    var context =
        new SpringApplicationBuilder(application)
            .web(WebApplicationType.NONE)
            .properties(
                "camunda.bpm.job-execution.enabled=false",
                "werkpact.mail.dispatcher.enabled=false",
                "werkpact.demo.enabled=false",
                "spring.main.banner-mode=off",
                "management.endpoint.health.validate-group-membership=false",
                // No web server: neither the REST API nor the webapps.
                "spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration,"
                    + "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration",
                "logging.level.root=WARN",
                "logging.level.nl.werkpact=WARN")
            .run(springArgs.toArray(String[]::new));
    try {
      var regions = context.getBean(Regions.class);
      for (Job job : jobs) {
        if (job.region() != null && regions.find(job.region()).isEmpty()) {
          return usage(
              err,
              "Er is geen regio "
                  + job.region()
                  + ". Kies een van: "
                  + String.join(", ", regions.all().stream().map(Regions.Region::code).toList())
                  + ".");
        }
      }
      int exit = 0;
      for (Job job : jobs) {
        String scope = job.region() == null ? regions.firstCode() : job.region();
        boolean confirmed = confirm;
        int code =
            RegionScope.in(scope, () -> importFile(context, job.file(), confirmed, out, err));
        exit = Math.max(exit, code);
      }
      return exit;
    } finally {
      context.close();
    }
  }

  private static int importFile(
      org.springframework.context.ApplicationContext context,
      Path file,
      boolean confirm,
      PrintStream out,
      PrintStream err) {
    try (var reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
      err.println(
          (confirm
                  ? "Invoeren"
                  : "Proefdraai (niets wordt ingevoerd; voeg --confirm toe om in te voeren)")
              + " in regio "
              + RegionScope.current()
              + ": "
              + file);
      var history = context.getBean(ImportHistory.class);
      String id = ImportHistory.newId();
      history.started(
          id,
          ImportHistory.StartedFrom.OPDRACHT,
          file.getFileName().toString(),
          confirm,
          System.getProperty("user.name", "onbekend"));
      ImportReport report;
      try {
        report = context.getBean(GoLiveImport.class).run(reader, confirm, progressBar(err));
      } catch (RuntimeException failed) {
        history.finished(
            id,
            "Afgebroken door een fout in het systeem (" + failed.getClass().getSimpleName() + ").");
        throw failed;
      }
      history.finished(id, report.totals());
      err.println();
      print(report, out);
      return report.fileProblem() != null ? 2 : report.count(Outcome.ERROR) > 0 ? 1 : 0;
    } catch (IOException e) {
      err.println("Het bestand kon niet gelezen worden: " + e.getMessage());
      return 2;
    }
  }

  static void print(ImportReport report, PrintStream out) {
    if (report.fileProblem() == null) {
      for (var line : report.lines()) {
        if (line.outcome() == Outcome.ERROR || line.outcome() == Outcome.SKIPPED) {
          out.printf(
              "Regel %d (%s, KvK %s): %s: %s%n",
              line.line(), line.employer(), line.kvkNumber(), line.outcome().label, line.text());
        }
      }
    }
    out.println(report.totals());
  }

  /** [##########----------]  50 %   5.000 van 10.000 regels, redrawn when the percentage changes. */
  static GoLiveImport.Progress progressBar(PrintStream err) {
    int[] shown = {-1};
    return (done, total) -> {
      int percent = total == 0 ? 100 : (int) (100L * done / total);
      if (percent == shown[0] && done != total) {
        return;
      }
      shown[0] = percent;
      int filled = percent / 5;
      err.print(
          String.format(
              Locale.GERMANY,
              "\r[%s%s] %3d %%  %,d van %,d regels",
              "#".repeat(filled),
              "-".repeat(20 - filled),
              percent,
              done,
              total));
      err.flush();
    };
  }

  private static int usage(PrintStream err, String problem) {
    err.println(problem);
    err.println(
        "Gebruik: java -jar werkpact-keurmerk.jar import [--confirm] [--regio=<code>] <bestand.csv> …");
    err.println(
        "Elk bestand gaat naar de regio die ervoor genoemd is (zonder --regio: de eerste regio).");
    err.println(
        "Zonder --confirm is het een proefdraai: u ziet per regel wat er mis is, en er wordt niets ingevoerd.");
    return 2;
  }
}
