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
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * {@code java -jar werkpact-keurmerk.jar import werkgevers.csv [--confirm]}: the go-live import from the command line,
 * against the database the app is configured for (the same profile and environment as the app), without a web server
 * and without running jobs (the app that runs picks up the imported keurmerken's timers). A progress bar on standard
 * error, the Dutch report on standard output. Exit code 0 when every line is good or skipped, 1 when a line has an
 * error, 2 when the file cannot be read or the command is wrong.
 */
public final class ImportCommand {

  public static final String NAME = "import";

  private ImportCommand() {}

  public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
    List<String> springArgs = new ArrayList<>();
    Path file = null;
    boolean confirm = false;
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--confirm") || args[i].equals("--bevestig")) {
        confirm = true;
      } else if (args[i].startsWith("--")) {
        springArgs.add(args[i]);
      } else if (file == null) {
        file = Path.of(args[i]);
      } else {
        return usage(err, "Geef één bestand op.");
      }
    }
    if (file == null) {
      return usage(err, "Geef het CSV-bestand op.");
    }
    if (!Files.isReadable(file)) {
      return usage(err, "Het bestand " + file + " bestaat niet of is niet te lezen.");
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
    try (var reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
      err.println(
          (confirm
                  ? "Invoeren"
                  : "Proefdraai (niets wordt ingevoerd; voeg --confirm toe om in te voeren)")
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
    } finally {
      context.close();
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
    err.println("Gebruik: java -jar werkpact-keurmerk.jar import <bestand.csv> [--confirm]");
    err.println(
        "Zonder --confirm is het een proefdraai: u ziet per regel wat er mis is, en er wordt niets ingevoerd.");
    return 2;
  }
}
