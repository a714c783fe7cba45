package nl.werkpact.keurmerk.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.golive.GoLiveImport;
import nl.werkpact.keurmerk.golive.ImportReport;
import nl.werkpact.keurmerk.golive.ImportReport.Outcome;
import nl.werkpact.keurmerk.keurmerk.process.KeurmerkValidityProcess;
import nl.werkpact.keurmerk.support.IntegrationTest;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The go-live import at scale on PostgreSQL: a file of 10,000 employers of which 4,000 hold a keurmerk with staggered
 * dates (so their validity periods start with reminders both passed and ahead), timed as a dry run, as the confirmed
 * import and as a second run of the same file (which skips everything). Side by side, in the same run, the floor the
 * engine sets: starting as many bare KeurmerkValidity instances, each in its own transaction, without any of our
 * records. Goal: the import of 10,000 lines within 60 s on this machine. Not part of {@code mvn verify}:
 * {@code mvn -Pbenchmark verify -Dit.test=ImportBenchmark}; size: {@code -Dbenchmark.lines=10000 -Dbenchmark.holders=4000}.
 */
class ImportBenchmark extends IntegrationTest {

  private static final String[] TOWNS = {"Maassluis", "Vlaardingen", "Schiedam"};
  private static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("dd-MM-yyyy");

  @Autowired GoLiveImport goLiveImport;
  @Autowired RuntimeService runtime;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcClient jdbc;

  @Value("${werkpact.import.threads:3}")
  int importThreads;

  @Test
  void tenThousandEmployersComeInWithinAMinute() throws Exception {
    int lines = Integer.getInteger("benchmark.lines", 10_000);
    int holders = Integer.getInteger("benchmark.holders", 4_000);
    String csv = file(lines, holders);

    double dryRun = seconds(() -> assertThat(run(csv, false).count(Outcome.GOED)).isEqualTo(lines));
    double imported =
        seconds(() -> assertThat(run(csv, true).count(Outcome.IMPORTED)).isEqualTo(lines));
    double again =
        seconds(() -> assertThat(run(csv, true).count(Outcome.SKIPPED)).isEqualTo(lines));
    double floor = seconds(() -> bareValidityInstances(holders));

    String report =
        String.join(
            "\n",
            String.format(
                Locale.ROOT,
                "| %-52s | %8s | %12s |",
                "run (" + lines + " lines, " + holders + " holders)",
                "s",
                "ms per line"),
            "| --- | ---: | ---: |",
            row("dry run (check every line, store nothing)", dryRun, lines),
            row("import (--confirm)", imported, lines),
            row("same file again (everything skipped)", again, lines),
            row("floor: " + holders + " bare KeurmerkValidity starts, one tx each", floor, holders),
            String.format(
                Locale.ROOT,
                "import / goal of 60 s: %.2f; import / floor (the engine's part of the holders alone): %.2f",
                imported / 60,
                imported / floor));
    String settings =
        "fsync "
            + setting("fsync")
            + ", synchronous_commit "
            + setting("synchronous_commit")
            + ", import threads "
            + importThreads;
    report = report + "\n" + settings;
    System.out.println(
        "\nImport benchmark ("
            + Runtime.getRuntime().availableProcessors()
            + " cores, embedded PostgreSQL)\n"
            + report
            + "\n");
    Path out = Path.of("target", "benchmark", "import.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report + "\n", StandardCharsets.UTF_8);
  }

  private String setting(String name) {
    return jdbc.sql("SELECT current_setting('" + name + "')").query(String.class).single();
  }

  private ImportReport run(String csv, boolean confirm) {
    int[] shown = {0};
    return goLiveImport.run(
        new StringReader(csv),
        confirm,
        (done, total) -> {
          if (done * 10 / total > shown[0]) {
            shown[0] = done * 10 / total;
            System.out.printf(
                Locale.ROOT, "  %s: %,d of %,d%n", confirm ? "import" : "dry run", done, total);
          }
        });
  }

  /** The engine's part alone: a validity period started per holder, each in its own transaction, no records of ours. */
  private void bareValidityInstances(int count) {
    var perInstance = new TransactionTemplate(transactions);
    LocalDate today = LocalDate.now(Dates.AMSTERDAM);
    var next = new AtomicInteger();
    Runnable worker =
        () -> {
          for (int i; (i = next.getAndIncrement()) < count; ) {
            String validUntil =
                today
                    .plusDays(200 + i % 700)
                    .toString(); // no reminder due: nothing for the job executor
            String membershipUntil = today.plusDays(60 + i % 300).toString();
            long id = 900_000_000L + i;
            perInstance.executeWithoutResult(
                status ->
                    runtime
                        .createMessageCorrelation(KeurmerkValidityProcess.MESSAGE_KEURMERK_AWARDED)
                        .processInstanceBusinessKey("bench-" + id)
                        .setVariable(KeurmerkValidityProcess.Vars.KEURMERK_ID, id)
                        .setVariable(KeurmerkValidityProcess.Vars.KEURMERK_NUMBER, "SW-1999-0001")
                        .setVariable(KeurmerkValidityProcess.Vars.EMPLOYER_ID, id)
                        .setVariable(KeurmerkValidityProcess.Vars.VALID_UNTIL, validUntil)
                        .setVariable(KeurmerkValidityProcess.Vars.MEMBERSHIP_UNTIL, membershipUntil)
                        .correlateStartMessage());
          }
        };
    // As many threads as the import uses, so the two are compared on equal terms.
    var threads = new ArrayList<Thread>();
    for (int t = 0; t < importThreads; t++) {
      Thread thread = new Thread(worker, "bare-validity-start");
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** Holders' keurmerken start between 23 months ago and today, so some reminders lie behind them and some ahead. */
  private static String file(int lines, int holders) {
    var random = new Random(7);
    LocalDate today = LocalDate.now(Dates.AMSTERDAM);
    var out =
        new StringBuilder(
            "naam;kvk-nummer;adres;gemeente;contactpersoon;e-mail;ondertekend op;ondertekend door;accountmanager;"
                + "keurmerknummer;keurmerk geldig vanaf\n");
    int[] perYear = new int[3000];
    for (int i = 0; i < lines; i++) {
      String kvk = String.valueOf(30_000_000 + i);
      LocalDate signed = today.minusDays(700 + random.nextInt(1000));
      out.append("Werkgever ")
          .append(i)
          .append(";")
          .append(kvk)
          .append(";Dorpsstraat ")
          .append(1 + i % 200)
          .append(";")
          .append(TOWNS[i % 3])
          .append(";Contact ")
          .append(i)
          .append(";contact")
          .append(i)
          .append("@bench.example;")
          .append(DUTCH.format(signed))
          .append(";Directeur;")
          .append(ACCOUNTMANAGER)
          .append(";");
      if (i < holders) {
        LocalDate from = today.minusDays(random.nextInt(700));
        int year = from.getYear() - 2000 + 2000;
        out.append(String.format(Locale.ROOT, "SW-%d-%04d", year, ++perYear[year]))
            .append(";")
            .append(DUTCH.format(from));
      } else {
        out.append(";");
      }
      out.append("\n");
    }
    return out.toString();
  }

  private static String row(String what, double seconds, int count) {
    return String.format(
        Locale.ROOT, "| %-52s | %8.1f | %12.2f |", what, seconds, seconds * 1000 / count);
  }

  private static double seconds(Runnable work) {
    long start = System.nanoTime();
    work.run();
    return (System.nanoTime() - start) / 1e9;
  }
}
