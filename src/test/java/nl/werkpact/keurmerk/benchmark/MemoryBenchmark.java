package nl.werkpact.keurmerk.benchmark;

import com.icegreen.greenmail.util.GreenMail;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Memory at the scale of a region: {@code -Dbenchmark.instances=50000} running KeurmerkValidity instances on PostgreSQL,
 * brought in by the go-live import command, of which {@code -Dbenchmark.storm=5000} have a reminder due at once (the
 * import is told to send reminders whose moment has passed). Then the app starts in a JVM of its own with the memory
 * flags of the Dockerfile and drains the storm into a real SMTP server (GreenMail); its resident memory (RSS) is read
 * every second from start until the last e-mail is sent. Goal: RSS ≤ 768 MiB throughout. Not part of {@code mvn verify}:
 * {@code mvn -Pbenchmark verify -Dit.test=MemoryBenchmark}.
 */
class MemoryBenchmark {

  private static final String ADMIN_PASSWORD = "Geheugen-Meting-2026!";

  @Test
  void fiftyThousandRunningValidityPeriodsDuringAReminderStorm() throws Exception {
    int instances = Integer.getInteger("benchmark.instances", 50_000);
    int storm = Integer.getInteger("benchmark.storm", 5_000);
    Path work = Files.createDirectories(Path.of("target", "benchmark", "memory"));
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      GreenMail smtp = Measure.smtpServer();
      try {
        Map<String, String> environment =
            Map.of(
                "WERKPACT_DB_URL",
                postgres.getJdbcUrl("postgres", "postgres"),
                "WERKPACT_DB_USER",
                "postgres",
                "WERKPACT_DB_PASSWORD",
                "postgres",
                "WERKPACT_SMTP_HOST",
                "127.0.0.1",
                "WERKPACT_SMTP_PORT",
                String.valueOf(smtp.getSmtp().getPort()),
                "WERKPACT_ADMIN_USER",
                "beheer",
                "WERKPACT_ADMIN_PASSWORD",
                ADMIN_PASSWORD,
                "WERKPACT_PUBLIC_URL",
                "https://keurmerk.werkpact.example");

        // A first run creates the schema and the groups; the accountmanager of the file is then
        // made a member.
        Path file = work.resolve("werkgevers.csv");
        Files.writeString(file, file(0, 0), StandardCharsets.UTF_8);
        Measure.runImport(List.of("import", file.toString()), environment, Duration.ofMinutes(3));
        try (Connection db = postgres.getPostgresDatabase().getConnection();
            var statement = db.createStatement()) {
          statement.executeUpdate(
              "INSERT INTO ACT_ID_USER (ID_, REV_, FIRST_, LAST_) VALUES ('benchanna', 1, 'Anna', 'Benchmark')");
          statement.executeUpdate(
              "INSERT INTO ACT_ID_MEMBERSHIP (USER_ID_, GROUP_ID_) VALUES ('benchanna', 'accountmanagers')");
        }
        Files.writeString(file, file(instances, storm), StandardCharsets.UTF_8);
        Instant importStart = Instant.now();
        Measure.runImport(
            List.of(
                "import",
                file.toString(),
                "--confirm",
                "--werkpact.import.send-passed-reminders=true"),
            environment,
            Duration.ofMinutes(40));
        double importSeconds = Duration.between(importStart, Instant.now()).toMillis() / 1000.0;

        Process app =
            Measure.startApp(environment, List.of(), StartupBenchmark.jvmOptionsOfTheDockerfile());
        try {
          Measure.reminderRound(
              postgres.getPostgresDatabase(),
              "now()"); // the storm falls due now, not at the next quarter hour
          List<long[]> samples =
              new ArrayList<>(); // seconds since start, RSS MiB, e-mails received
          Instant started = Instant.now();
          Instant deadline = started.plus(Duration.ofMinutes(30));
          while (Instant.now().isBefore(deadline) && app.isAlive()) {
            int received = smtp.getReceivedMessages().length;
            samples.add(
                new long[] {
                  Duration.between(started, Instant.now()).toSeconds(),
                  Measure.rssMiB(app.pid()),
                  received
                });
            if (received >= storm) {
              break;
            }
            smtp.waitForIncomingEmail(1000, received + 1);
          }
          long maxRss = samples.stream().mapToLong(s -> s[1]).max().orElse(-1);
          long[] last = samples.get(samples.size() - 1);
          String report =
              String.join(
                  "\n",
                  String.format(
                      Locale.ROOT,
                      "| %s | %s |",
                      "memory at " + instances + " running validity instances",
                      "value"),
                  "| --- | ---: |",
                  String.format(
                      Locale.ROOT,
                      "| import of %,d holders (command, 3 threads) | %.0f s |",
                      instances,
                      importSeconds),
                  String.format(
                      Locale.ROOT,
                      "| reminders of the storm sent | %,d of %,d in %d s |",
                      last[2],
                      storm,
                      last[0]),
                  String.format(Locale.ROOT, "| RSS, highest during the storm | %d MiB |", maxRss),
                  String.format(
                      Locale.ROOT, "| RSS when the storm was drained | %d MiB |", last[1]),
                  "| goal | ≤ 768 MiB |",
                  "JVM flags of the Dockerfile: " + StartupBenchmark.jvmOptionsOfTheDockerfile());
          System.out.println("\nMemory benchmark\n" + report + "\n");
          Files.writeString(
              Path.of("target", "benchmark", "memory.md"), report + "\n", StandardCharsets.UTF_8);
          var csv = new StringBuilder("seconds;rss_mib;emails_received\n");
          samples.forEach(
              s -> csv.append(s[0]).append(';').append(s[1]).append(';').append(s[2]).append('\n'));
          Files.writeString(work.resolve("rss-over-time.csv"), csv, StandardCharsets.UTF_8);
          if (last[2] < storm) {
            throw new AssertionError(
                "The storm was not drained: " + last[2] + " of " + storm + " e-mails");
          }
        } finally {
          Measure.stop(app);
        }
      } finally {
        smtp.stop();
      }
    }
  }

  /**
   * Holders whose keurmerk started within the last 300 days (nothing due), and {@code storm} of them 400 days ago, whose
   * membership reminder is due now.
   */
  private static String file(int holders, int storm) {
    LocalDate today = LocalDate.now();
    return Measure.holdersFile(
        0,
        holders,
        "Geheugen",
        20_000_000,
        "c",
        "geheugen.example",
        "benchanna",
        i -> i < storm ? today.minusDays(400) : today.minusDays(i % 300));
  }
}
