package nl.werkpact.keurmerk.benchmark;

import com.icegreen.greenmail.util.GreenMail;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import nl.werkpact.keurmerk.support.ScriptedSmtpServer;
import org.junit.jupiter.api.Test;

/**
 * The reminder storm against the engine's own speed, side by side in one run on one PostgreSQL (fsync off) with an
 * SMTP server that answers as a relay does ({@link ScriptedSmtpServer}: it keeps a count per e-mail, not the e-mail). For each
 * size N ({@code -Dbenchmark.keurmerken=1000,5000,10000}), interleaved:
 * <ul>
 *   <li><b>app</b>: the app in a JVM of its own with its own settings, warmed up first as a node that has been running
 *       is: it drains a storm of 500 keurmerken. Then N keurmerken are brought in by the import command, each with two
 *       reminders due at once (the membership reminder and the first renewal reminder, the latter with the
 *       accountmanager's copy: three e-mails); one round of KeurmerkReminders queues them and the dispatcher sends
 *       them;</li>
 *   <li><b>app, Camunda defaults</b>: the same with Camunda's default job-executor settings;</li>
 *   <li><b>app-greenmail</b>: the same into GreenMail. GreenMail delivers each e-mail into its recipient's mailbox,
 *       which it looks up in a list of every mailbox it has (a {@code CopyOnWriteArrayList}, compared one by one, and
 *       copied for each new recipient), so its answer to the end of DATA, which the app's accept window waits for,
 *       grows with the number of recipients: the storm's 20,000 employers each have their own address. A relay
 *       queues an e-mail in constant time;</li>
 *   <li><b>bare, tuned / defaults</b>: the bare engine ({@code bench.bare.BareStorm}, after
 *       {@code shared/anchors/engine-floor}) draining 2N due timers (timer → no-op → end), the same number of reminders;
 *       it warms up creating its instances in the JVM that then drains them.</li>
 * </ul>
 * The app's storm falls due when its rounds are set due (they are parked meanwhile, as Cockpit's "set due date" does);
 * its time runs from that moment to the last e-mail sent, as the bare engine's from its executor's start with every
 * timer due; exactly once is checked per e-mail on what the mail server received. {@code -Dbenchmark.regions=35}
 * spreads the keurmerken over that many regions (each its own tenant, models and round); the variant {@code app-2nodes}
 * drains with two nodes on the same database; {@code -Dbenchmark.smtp-delay-ms=5} makes the sink answer the end of each
 * e-mail's DATA that much later. Prints a table of reminders/s and ratios; writes {@code target/benchmark/storm.md}, the
 * samples as CSV and a chart of progress over time ({@code target/benchmark/storm/chart.html}, Chart.js from its
 * WebJar). {@code -Dbenchmark.variants=app,bare} runs a subset. Not part of {@code mvn verify}:
 * {@code mvn -Pbenchmark verify -Dit.test=StormBenchmark}.
 */
class StormBenchmark {

  private static final String ADMIN_PASSWORD = "Storm-Meting-2026!";

  /** Camunda's own job-executor defaults, for the app's second run. */
  private static final List<String> CAMUNDA_DEFAULTS =
      List.of(
          "--camunda.bpm.job-execution.core-pool-size=3",
          "--camunda.bpm.job-execution.max-pool-size=10",
          "--camunda.bpm.job-execution.queue-capacity=3",
          "--camunda.bpm.job-execution.max-jobs-per-acquisition=3",
          "--camunda.bpm.job-execution.wait-time-in-millis=5000",
          "--camunda.bpm.job-execution.max-wait=60000",
          "--camunda.bpm.job-execution.lock-time-in-millis=300000",
          "--camunda.bpm.job-execution.backoff-time-in-millis=0",
          "--camunda.bpm.job-execution.max-backoff=0");

  /** One drained storm: how many reminders, in how many seconds, and progress samples (seconds, fraction done). */
  record Run(
      String variant,
      int keurmerken,
      int reminders,
      double seconds,
      long emails,
      long duplicates,
      long lost,
      List<double[]> samples) {
    double perSecond() {
      return reminders / seconds;
    }
  }

  @Test
  void reminderStormAgainstTheBareEngine() throws Exception {
    List<Integer> sizes =
        Arrays.stream(System.getProperty("benchmark.keurmerken", "1000,5000,10000").split(","))
            .map(String::strip)
            .map(Integer::valueOf)
            .toList();
    List<String> variants =
        Arrays.asList(
            System.getProperty("benchmark.variants", "bare,app,bare-defaults,app-defaults")
                .split(","));
    Path work = Files.createDirectories(Path.of("target", "benchmark", "storm"));
    List<Run> runs = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    var database =
        EmbeddedPostgres.builder()
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off");
    // -Dbenchmark.explain-ms=200: PostgreSQL logs the plan of every statement that takes longer
    // (auto_explain), in target/benchmark/postgres-log/.
    String explainMs = System.getProperty("benchmark.explain-ms");
    if (explainMs != null) {
      database
          .setServerConfig("logging_collector", "on")
          .setServerConfig(
              "log_directory",
              Files.createDirectories(Path.of("target", "benchmark", "postgres-log"))
                  .toAbsolutePath()
                  .toString())
          .setServerConfig("shared_preload_libraries", "auto_explain")
          .setServerConfig("auto_explain.log_min_duration", explainMs)
          .setServerConfig("auto_explain.log_nested_statements", "on");
    }
    try (EmbeddedPostgres postgres = database.start()) {
      var sink = new ScriptedSmtpServer();
      long delay = Long.getLong("benchmark.smtp-delay-ms", 0);
      if (delay > 0) {
        sink.beforeAccepting(
            key -> {
              try {
                Thread.sleep(delay);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
      }
      GreenMail greenMail =
          variants.stream().anyMatch(v -> v.endsWith("greenmail")) ? Measure.smtpServer() : null;
      try {
        for (int n : sizes) {
          for (String variant : variants) {
            try {
              Run run =
                  variant.startsWith("bare")
                      ? bare(postgres, n, variant)
                      : app(
                          postgres,
                          variant.endsWith("greenmail") ? into(greenMail) : into(sink),
                          n,
                          variant,
                          work);
              System.out.printf(
                  Locale.ROOT,
                  "%s, %,d keurmerken: %,d reminders in %.1f s = %.1f/s%n",
                  variant,
                  n,
                  run.reminders(),
                  run.seconds(),
                  run.perSecond());
              runs.add(run);
            } catch (Exception e) {
              // One broken run does not throw away the others of a long matrix: reported, then the
              // benchmark fails.
              e.printStackTrace();
              failed.add(variant + " at " + n + ": " + e);
            }
          }
        }
      } finally {
        sink.close();
        if (greenMail != null) {
          greenMail.stop();
        }
      }
    }
    String report = report(runs);
    System.out.println(
        "\nReminder storm benchmark ("
            + Runtime.getRuntime().availableProcessors()
            + " cores)\n"
            + report
            + "\n");
    Files.writeString(
        Path.of("target", "benchmark", "storm.md"), report + "\n", StandardCharsets.UTF_8);
    writeSamples(runs, work);
    if (!failed.isEmpty()) {
      throw new AssertionError("Runs that did not finish: " + failed);
    }
    for (Run run : runs) {
      if (run.variant().startsWith("app") && (run.duplicates() > 0 || run.lost() > 0)) {
        throw new AssertionError(
            run.variant()
                + " at "
                + run.keurmerken()
                + ": "
                + run.duplicates()
                + " duplicates, "
                + run.lost()
                + " lost");
      }
    }
  }

  private static Run bare(EmbeddedPostgres postgres, int keurmerken, String variant)
      throws Exception {
    String database = database(postgres, variant.replace('-', '_') + "_" + keurmerken);
    int timers = 2 * keurmerken;
    var command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx1g",
            "-cp",
            System.getProperty("java.class.path"),
            "bench.bare.BareStorm",
            postgres.getJdbcUrl("postgres", database),
            String.valueOf(timers),
            variant.endsWith("defaults") ? "defaults" : "tuned");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<double[]> samples = new ArrayList<>();
    double seconds = -1;
    try (var out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        // Its progress lines among whatever else the engine prints (a line of blanks split into
        // nothing once).
        String[] parts = line.strip().split(" ");
        if (parts.length == 3 && parts[0].equals("remaining")) {
          samples.add(
              new double[] {
                Double.parseDouble(parts[1]), 1.0 - Long.parseLong(parts[2]) / (double) timers
              });
        } else if (parts.length == 3 && parts[0].equals("drained")) {
          seconds = Double.parseDouble(parts[2]);
        }
      }
    }
    process.waitFor();
    if (seconds < 0) {
      throw new IllegalStateException(
          "The bare storm did not finish (exit " + process.exitValue() + ")");
    }
    return new Run(variant, keurmerken, timers, seconds, 0, 0, 0, samples);
  }

  /** Where a storm's e-mails go: its port, forgetting what came before, and how often each e-mail arrived. */
  private interface MailServer {
    int port();

    void clear();

    Map<String, Long> received();
  }

  private static MailServer into(ScriptedSmtpServer sink) {
    return new MailServer() {
      public int port() {
        return sink.port();
      }

      public void clear() {
        sink.clear();
      }

      public Map<String, Long> received() {
        var received = new HashMap<String, Long>();
        sink.acceptedByKey().forEach((key, count) -> received.put(key, (long) count));
        return received;
      }
    };
  }

  private static MailServer into(GreenMail greenMail) {
    return new MailServer() {
      public int port() {
        return greenMail.getSmtp().getPort();
      }

      public void clear() {
        try {
          greenMail.purgeEmailFromAllMailboxes();
        } catch (com.icegreen.greenmail.store.FolderException e) {
          throw new IllegalStateException(e);
        }
      }

      public Map<String, Long> received() {
        return Arrays.stream(greenMail.getReceivedMessages())
            .collect(Collectors.groupingBy(StormBenchmark::key, Collectors.counting()));
      }
    };
  }

  private static Run app(
      EmbeddedPostgres postgres, MailServer smtp, int keurmerken, String variant, Path work)
      throws Exception {
    int regionCount = Integer.getInteger("benchmark.regions", 1);
    int nodes = variant.endsWith("2nodes") ? 2 : 1;
    String database = database(postgres, variant.replace('-', '_') + "_" + keurmerken);
    Map<String, String> environment =
        Map.of(
            "WERKPACT_DB_URL",
            postgres.getJdbcUrl("postgres", database),
            "WERKPACT_DB_USER",
            "postgres",
            "WERKPACT_DB_PASSWORD",
            "postgres",
            "WERKPACT_SMTP_HOST",
            "127.0.0.1",
            "WERKPACT_SMTP_PORT",
            String.valueOf(smtp.port()),
            "WERKPACT_ADMIN_USER",
            "beheer",
            "WERKPACT_ADMIN_PASSWORD",
            ADMIN_PASSWORD,
            "WERKPACT_PUBLIC_URL",
            "https://keurmerk.werkpact.example");
    // A first run creates the schema and the groups; the accountmanager of the file (with an
    // address, so the renewal
    // reminder has its copy) is then made a member.
    Path file = work.resolve("werkgevers-" + keurmerken + ".csv");
    Files.writeString(file, file(0, 0), StandardCharsets.UTF_8);
    Measure.runImport(List.of("import", file.toString()), environment, Duration.ofMinutes(3));
    try (Connection db = postgres.getDatabase("postgres", database).getConnection();
        var statement = db.createStatement()) {
      statement.executeUpdate(
          "INSERT INTO ACT_ID_USER (ID_, REV_, FIRST_, LAST_, EMAIL_) VALUES ('stormanna', 1, 'Anna', 'Storm', 'anna@gemeente.example')");
      statement.executeUpdate(
          "INSERT INTO ACT_ID_MEMBERSHIP (USER_ID_, GROUP_ID_) VALUES ('stormanna', 'accountmanagers')");
    }
    var data = postgres.getDatabase("postgres", database);
    List<String[]> regions = Measure.regions(data, regionCount, "stormanna");
    int emails = 3 * keurmerken;
    List<String> args =
        new ArrayList<>(variant.endsWith("defaults") ? CAMUNDA_DEFAULTS : List.of());
    // -Dbenchmark.app-args="--a=b --c=d": settings to try on the app runs.
    Arrays.stream(System.getProperty("benchmark.app-args", "").split(" "))
        .filter(a -> !a.isBlank())
        .forEach(args::add);

    // The app runs as a node that has been up for a while: before the storm it drains a warm-up
    // storm of its own (the
    // bare engine warms up creating its instances in the JVM that then drains them). The
    // quarter-hourly round of
    // KeurmerkReminders is parked (as Cockpit's "set due date" does) except when a storm is to fall
    // due.
    Files.writeString(file, file(keurmerken, WARM_UP), StandardCharsets.UTF_8);
    Measure.runImport(
        List.of(
            "import", file.toString(), "--confirm", "--werkpact.import.send-passed-reminders=true"),
        environment,
        Duration.ofMinutes(10));
    int rounds = Measure.reminderRound(data, PARKED);
    if (rounds != regionCount) {
      throw new IllegalStateException(
          rounds
              + " KeurmerkReminders timers after the import, not one per region: "
              + regionCount);
    }
    List<Process> apps = new ArrayList<>();
    for (int node = 0; node < nodes; node++) {
      long starting = System.nanoTime();
      apps.add(
          Measure.startApp(environment, args, System.getProperty("benchmark.app-jvm", "-Xmx1g")));
      System.out.printf(
          Locale.ROOT,
          "%s: node %d started in %.1f s (%d regions)%n",
          variant,
          node + 1,
          (System.nanoTime() - starting) / 1e9,
          regionCount);
    }
    Process app = apps.get(0);
    try (Connection db = data.getConnection();
        var count =
            db.prepareStatement(
                "SELECT COUNT(*) FROM correspondence WHERE status = 'SENT' AND id > ?")) {
      Measure.reminderRound(data, "now()");
      awaitSent(count, 0, 3 * WARM_UP, app, Duration.ofMinutes(10), null);
      Measure.reminderRound(data, PARKED);

      // The storm: N keurmerken brought in while the app runs, every reminder of them due at the
      // next round.
      // Spread evenly over the regions, each region's file into that region.
      List<String> storm =
          new ArrayList<>(
              List.of("import", "--confirm", "--werkpact.import.send-passed-reminders=true"));
      for (int r = 0; r < regions.size(); r++) {
        int from = r * keurmerken / regions.size();
        int to = (r + 1) * keurmerken / regions.size();
        Path regionFile =
            work.resolve("werkgevers-" + keurmerken + "-" + regions.get(r)[0] + ".csv");
        Files.writeString(
            regionFile,
            file(from, to - from, regions.get(r)[1], regions.get(r)[2]),
            StandardCharsets.UTF_8);
        storm.add("--regio=" + regions.get(r)[0]);
        storm.add(regionFile.toString());
      }
      Measure.runImport(storm, environment, Duration.ofMinutes(60));
      long before = maxId(db);
      smtp.clear();
      // The storm falls due now: the app's time runs from here, as the bare engine's from its
      // start.
      long dueAt = System.currentTimeMillis();
      if (Measure.reminderRound(data, "now()") != regionCount) {
        throw new IllegalStateException("Not every region's round was set due");
      }
      // -Dbenchmark.import-lines=1000: meanwhile a region's go-live import, as another region goes
      // live that morning.
      int importLines = Integer.getInteger("benchmark.import-lines", 0);
      Path importFile = work.resolve("go-live-during-storm-" + variant + ".csv");
      var importing = new java.util.concurrent.CompletableFuture<Void>();
      if (importLines > 0 && regions.size() > 1) {
        Files.writeString(
            importFile,
            Measure.holdersFile(
                100_000,
                importLines,
                "Later",
                30_000_000,
                "l",
                "later.example",
                "stormanna",
                i -> LocalDate.now().minusDays(30),
                regions.get(1)[1],
                regions.get(1)[2]),
            StandardCharsets.UTF_8);
        new Thread(
                () -> {
                  try {
                    Measure.runImport(
                        List.of(
                            "import",
                            "--confirm",
                            "--regio=" + regions.get(1)[0],
                            importFile.toString()),
                        environment,
                        Duration.ofMinutes(10));
                    importing.complete(null);
                  } catch (Exception e) {
                    importing.completeExceptionally(e);
                  }
                },
                "go-live-import")
            .start();
      } else {
        importing.complete(null);
      }
      List<long[]> progress = new ArrayList<>(); // wall-clock millis, e-mails sent
      awaitSent(count, before, emails, app, Duration.ofMinutes(60), progress);
      importing.get(10, java.util.concurrent.TimeUnit.MINUTES);
      if (importLines > 0 && regions.size() > 1) {
        try (var statement = db.createStatement();
            ResultSet rs =
                statement.executeQuery(
                    "SELECT EXTRACT(EPOCH FROM finished_at - started_at), EXTRACT(EPOCH FROM started_at) * 1000,"
                        + " outcome FROM import_run WHERE file_name = '"
                        + importFile.getFileName()
                        + "'")) {
          rs.next();
          System.out.printf(
              Locale.ROOT,
              "%s: the go-live import of %,d lines into region %s took %.1f s, starting %.1f s into the storm (%s)%n",
              variant,
              importLines,
              regions.get(1)[0],
              rs.getDouble(1),
              (rs.getLong(2) - dueAt) / 1000.0,
              rs.getString(3));
        }
      }
      Thread.sleep(1000); // anything sent twice would arrive now
      long[] window = window(db, before);
      System.out.printf(
          Locale.ROOT,
          "%s: the first e-mail was queued %.2f s after the storm fell due%n",
          variant,
          (window[0] - dueAt) / 1000.0);
      window[0] = dueAt;
      var received = smtp.received();
      long duplicates = received.values().stream().mapToLong(c -> c - 1).sum();
      long lost = emails - received.size();
      double seconds = (window[1] - window[0]) / 1000.0;
      System.out.printf(
          Locale.ROOT,
          "%s: the round queued the last e-mail after %.1f s, the last was sent after %.1f s%n",
          variant,
          (window[2] - window[0]) / 1000.0,
          seconds);
      List<double[]> samples =
          progress.stream()
              .filter(p -> p[0] >= window[0])
              .map(p -> new double[] {(p[0] - window[0]) / 1000.0, p[1] / (double) emails})
              .toList();
      return new Run(
          variant, keurmerken, 2 * keurmerken, seconds, received.size(), duplicates, lost, samples);
    } finally {
      for (Process node : apps) {
        Measure.stop(node);
      }
    }
  }

  /** The warm-up storm's keurmerken, before the measured one. */
  private static final int WARM_UP = 500;

  /** Waits until {@code emails} e-mails after id {@code after} are SENT; records (wall-clock millis, sent) when asked. */
  private static void awaitSent(
      PreparedStatement count,
      long after,
      int emails,
      Process app,
      Duration limit,
      List<long[]> progress)
      throws Exception {
    long deadline = System.currentTimeMillis() + limit.toMillis();
    long sent = 0;
    count.setLong(1, after);
    while (sent < emails && System.currentTimeMillis() < deadline && app.isAlive()) {
      Thread.sleep(200);
      try (ResultSet rs = count.executeQuery()) {
        rs.next();
        sent = rs.getLong(1);
      }
      if (progress != null) {
        progress.add(new long[] {System.currentTimeMillis(), sent});
      }
    }
    if (sent < emails) {
      throw new IllegalStateException(sent + " of " + emails + " e-mails sent");
    }
  }

  private static long maxId(Connection db) throws Exception {
    try (var statement = db.createStatement();
        ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(id), 0) FROM correspondence")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static final String PARKED = "TIMESTAMP '2100-01-01 00:00:00'";

  /** From the first e-mail of the storm queued to the last sent, and the last queued, in epoch millis. */
  private static long[] window(Connection db, long after) throws Exception {
    try (var statement = db.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT EXTRACT(EPOCH FROM MIN(created_at)) * 1000, EXTRACT(EPOCH FROM MAX(sent_at)) * 1000, "
                    + "EXTRACT(EPOCH FROM MAX(created_at)) * 1000 FROM correspondence WHERE id > "
                    + after)) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
    }
  }

  private static String key(MimeMessage message) {
    try {
      String[] header = message.getHeader("X-Werkpact-Correspondence");
      return header == null ? "?" : header[0];
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String database(EmbeddedPostgres postgres, String name) throws Exception {
    try (Connection db = postgres.getPostgresDatabase().getConnection();
        var statement = db.createStatement()) {
      statement.executeUpdate("DROP DATABASE IF EXISTS " + name);
      statement.executeUpdate("CREATE DATABASE " + name);
    }
    return name;
  }

  /**
   * Holders {@code from} … {@code from + holders - 1} whose keurmerk started 660 days ago: the membership reminder (eleven months in) and the first renewal
   * reminder (90 days before the end) have both passed, so the import leaves both due.
   */
  private static String file(int from, int holders) {
    return file(from, holders, "Schiedam", "SW");
  }

  /** The same, for a region: its municipality, its numbers' prefix. */
  private static String file(int from, int holders, String municipality, String prefix) {
    LocalDate validFrom = LocalDate.now().minusDays(660);
    return Measure.holdersFile(
        from,
        holders,
        "Storm",
        30_000_000,
        "s",
        "storm.example",
        "stormanna",
        i -> validFrom,
        municipality,
        prefix);
  }

  private static String report(List<Run> runs) {
    Map<Integer, Map<String, Run>> bySize = new LinkedHashMap<>();
    runs.forEach(
        r -> bySize.computeIfAbsent(r.keurmerken(), k -> new HashMap<>()).put(r.variant(), r));
    var lines = new ArrayList<String>();
    lines.add(
        "| keurmerken (reminders) | app: reminders/s (e-mails/s) | app, Camunda defaults | bare engine, tuned: timers/s | "
            + "bare engine, defaults | app / bare tuned | app / app on defaults | app on defaults / bare on defaults | exactly once (app) |");
    lines.add("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
    bySize.forEach(
        (n, byVariant) -> {
          Run app = byVariant.get("app");
          Run appDefaults = byVariant.get("app-defaults");
          Run bare = byVariant.get("bare");
          Run bareDefaults = byVariant.get("bare-defaults");
          lines.add(
              String.format(
                  Locale.ROOT,
                  "| %,d (%,d) | %s | %s | %s | %s | %s | %s | %s | %s |",
                  n,
                  2 * n,
                  app == null
                      ? "–"
                      : String.format(
                          Locale.ROOT,
                          "%.1f (%.1f) in %.1f s",
                          app.perSecond(),
                          app.emails() / app.seconds(),
                          app.seconds()),
                  rate(appDefaults),
                  rate(bare),
                  rate(bareDefaults),
                  ratio(app, bare),
                  ratio(app, appDefaults),
                  ratio(appDefaults, bareDefaults),
                  exactlyOnce(app)));
        });
    if (runs.stream().anyMatch(r -> r.variant().equals("app-2nodes"))) {
      lines.add("");
      lines.add(
          "| keurmerken (reminders) | app, 1 node: reminders/s | app, 2 nodes: reminders/s | bare, tuned | 2 nodes / 1 node | 2 nodes / bare tuned | exactly once (2 nodes) |");
      lines.add("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
      bySize.forEach(
          (n, byVariant) -> {
            Run one = byVariant.get("app");
            Run two = byVariant.get("app-2nodes");
            lines.add(
                String.format(
                    Locale.ROOT,
                    "| %,d (%,d) | %s | %s | %s | %s | %s | %s |",
                    n,
                    2 * n,
                    rate(one),
                    rate(two),
                    rate(byVariant.get("bare")),
                    ratio(two, one),
                    ratio(two, byVariant.get("bare")),
                    exactlyOnce(two)));
          });
    }
    if (runs.stream().anyMatch(r -> r.variant().equals("app-greenmail"))) {
      lines.add("");
      lines.add(
          "| keurmerken (reminders) | app into the sink: reminders/s | app into GreenMail | sink / GreenMail | bare, tuned | GreenMail / bare tuned | exactly once (GreenMail) |");
      lines.add("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
      bySize.forEach(
          (n, byVariant) -> {
            Run sink = byVariant.get("app");
            Run greenMail = byVariant.get("app-greenmail");
            lines.add(
                String.format(
                    Locale.ROOT,
                    "| %,d (%,d) | %s | %s | %s | %s | %s | %s |",
                    n,
                    2 * n,
                    rate(sink),
                    rate(greenMail),
                    ratio(sink, greenMail),
                    rate(byVariant.get("bare")),
                    ratio(greenMail, byVariant.get("bare")),
                    exactlyOnce(greenMail)));
          });
    }
    lines.add(
        String.format(
            Locale.ROOT,
            "Regions: %d; the mail server answers the end of DATA after %d ms. Every storm is timed from the moment"
                + " its work falls due. Goals: app / bare tuned ≥ 1.5×, 2 nodes / 1 node ≥ 1.6×, 0 duplicates and 0 lost.",
            Integer.getInteger("benchmark.regions", 1),
            Long.getLong("benchmark.smtp-delay-ms", 0)));
    return String.join("\n", lines);
  }

  private static String exactlyOnce(Run run) {
    return run == null
        ? "–"
        : String.format(
            Locale.ROOT,
            "%,d e-mails, %d duplicates, %d lost",
            run.emails(),
            run.duplicates(),
            run.lost());
  }

  private static String rate(Run run) {
    return run == null
        ? "–"
        : String.format(Locale.ROOT, "%.1f in %.1f s", run.perSecond(), run.seconds());
  }

  private static String ratio(Run a, Run b) {
    return a == null || b == null
        ? "–"
        : String.format(Locale.ROOT, "%.2f×", a.perSecond() / b.perSecond());
  }

  /** The samples as CSV, and a line chart of each run's progress over time (Chart.js from its WebJar, no CDN). */
  private static void writeSamples(List<Run> runs, Path work) throws Exception {
    var csv = new StringBuilder("variant;keurmerken;seconds;fraction_done\n");
    var datasets = new ArrayList<String>();
    for (Run run : runs) {
      run.samples()
          .forEach(
              s ->
                  csv.append(run.variant())
                      .append(';')
                      .append(run.keurmerken())
                      .append(';')
                      .append(String.format(Locale.ROOT, "%.2f;%.4f", s[0], s[1]))
                      .append('\n'));
      datasets.add(
          String.format(
              Locale.ROOT,
              "{label:'%s, %d keurmerken',data:[%s],showLine:true,pointRadius:0}",
              run.variant(),
              run.keurmerken(),
              run.samples().stream()
                  .map(s -> String.format(Locale.ROOT, "{x:%.2f,y:%.1f}", s[0], 100 * s[1]))
                  .collect(Collectors.joining(","))));
    }
    Files.writeString(work.resolve("samples.csv"), csv, StandardCharsets.UTF_8);
    try (InputStream chartJs =
        StormBenchmark.class.getResourceAsStream(
            "/META-INF/resources/webjars/chart.js/4.5.1/dist/chart.umd.min.js")) {
      Files.copy(chartJs, work.resolve("chart.umd.min.js"), StandardCopyOption.REPLACE_EXISTING);
    }
    Files.writeString(
        work.resolve("chart.html"),
        """
        <!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><title>Reminder storm</title>
        <script src="chart.umd.min.js"></script></head><body>
        <h1>Reminder storm: share drained over time</h1><canvas id="c" width="1000" height="500"></canvas>
        <script>new Chart(document.getElementById('c'),{type:'scatter',data:{datasets:[%s]},
        options:{scales:{x:{title:{display:true,text:'seconds since the first reminder'}},y:{min:0,max:100,title:{display:true,text:'%% done'}}}}});</script>
        </body></html>
        """
            .formatted(String.join(",", datasets)),
        StandardCharsets.UTF_8);
  }
}
