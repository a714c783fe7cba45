package nl.werkpact.keurmerk.benchmark;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import javax.sql.DataSource;

/**
 * What the benchmarks share: running work on a few threads, the median of rounds, the memory of a child JVM, and the
 * app or its import command in a JVM of its own on PostgreSQL.
 */
final class Measure {

  private Measure() {}

  /** Runs {@code work} {@code n} times on {@code threads} threads and returns when every run is done. */
  static void runInThreads(int threads, int n, Runnable work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        done.add(pool.submit(work));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  static double median(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).sorted().toArray()[values.size() / 2];
  }

  /** The resident memory of a process, in MiB (from /proc). */
  static long rssMiB(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    return -1;
  }

  /** Reads the rest of a child JVM's output in the background, so it never blocks on a full pipe. */
  static void drainInBackground(BufferedReader output, String name) {
    Thread drain =
        new Thread(
            () -> {
              // The app's log after its start, for a look at what it did:
              // target/benchmark/<name>-<millis>.log.
              Path file =
                  Path.of("target", "benchmark", name + "-" + System.currentTimeMillis() + ".log");
              try (var log = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                  log.write(line);
                  log.newLine();
                }
              } catch (IOException | UncheckedIOException stopped) {
                // the process was stopped
              }
            },
            name);
    drain.setDaemon(true);
    drain.start();
  }

  /** The app in a JVM of its own ({@code postgres} profile), once it has started; its output is drained. */
  static Process startApp(Map<String, String> environment, List<String> args, String jvmOptions)
      throws Exception {
    List<String> all = new ArrayList<>(List.of("--server.port=0"));
    all.addAll(args);
    Process process = app(all, environment, jvmOptions);
    var out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.contains("Started KeurmerkApplication")) {
        drainInBackground(out, "app-output");
        return process;
      }
    }
    throw new IllegalStateException("The app ended without starting");
  }

  /** The import command ({@code import file [--confirm] …}) in a JVM of its own; prints its last line. */
  static void runImport(List<String> args, Map<String, String> environment, Duration limit)
      throws Exception {
    Process process = app(args, environment, "-Xmx1g");
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("Import did not finish in " + limit);
    }
    String tail = output.length() > 3000 ? output.substring(output.length() - 3000) : output;
    System.out.println(
        tail.replace('\r', '\n').lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse(""));
    if (process.exitValue() != 0 && args.contains("--confirm")) {
      String problems =
          output
              .replace('\r', '\n')
              .lines()
              .filter(l -> l.startsWith("Regel ") || l.contains("Exception") || l.contains("fout:"))
              .limit(40)
              .reduce("", (a, b) -> a + b + "\n");
      throw new IllegalStateException(
          "Import failed (" + process.exitValue() + "):\n" + problems + "…\n" + tail);
    }
  }

  /** Stops a child JVM as a container platform does: a signal, and after a minute kill -9. */
  static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  private static Process app(List<String> args, Map<String, String> environment, String jvmOptions)
      throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "nl.werkpact.keurmerk.KeurmerkApplication"));
    command.addAll(args);
    command.add("--spring.profiles.active=postgres");
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    builder.environment().put("JAVA_TOOL_OPTIONS", jvmOptions);
    return builder.start();
  }

  private static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("dd-MM-yyyy");

  /**
   * A go-live file ({@code import}) of {@code holders} keurmerkhouders, lines i = {@code from} …: "{@code name} i", KvK number {@code kvkBase} + i,
   * e-mail {@code mailbox}i@{@code domain}, the given accountmanager, keurmerk numbers spread over past years (at most
   * 9,999 a year) and valid from the day {@code validFrom} gives for line i. Signed 900 days ago.
   */
  static String holdersFile(
      int from,
      int holders,
      String name,
      int kvkBase,
      String mailbox,
      String domain,
      String accountmanager,
      IntFunction<LocalDate> validFrom) {
    return holdersFile(
        from, holders, name, kvkBase, mailbox, domain, accountmanager, validFrom, "Schiedam", "SW");
  }

  /** The same, for a region of its own: its municipality and its keurmerk numbers' prefix. */
  static String holdersFile(
      int from,
      int holders,
      String name,
      int kvkBase,
      String mailbox,
      String domain,
      String accountmanager,
      IntFunction<LocalDate> validFrom,
      String municipality,
      String prefix) {
    LocalDate today = LocalDate.now();
    var out =
        new StringBuilder(
            "naam;kvk-nummer;adres;gemeente;contactpersoon;e-mail;ondertekend op;ondertekend door;accountmanager;"
                + "keurmerknummer;keurmerk geldig vanaf\n");
    for (int i = from; i < from + holders; i++) {
      out.append(name)
          .append(' ')
          .append(i)
          .append(';')
          .append(kvkBase + i)
          .append(";Markt 1;")
          .append(municipality)
          .append(";Contact;")
          .append(mailbox)
          .append(i)
          .append('@')
          .append(domain)
          .append(';')
          .append(DUTCH.format(today.minusDays(900)))
          .append(";Directeur;")
          .append(accountmanager)
          .append(';')
          .append(String.format(Locale.ROOT, "%s-%d-%04d", prefix, 1980 + i / 9999, 1 + i % 9999))
          .append(';')
          .append(DUTCH.format(validFrom.apply(i)))
          .append('\n');
    }
    return out.toString();
  }

  /**
   * Regions 2 … {@code count} made as an admin makes them ({@code RegionOnboarding}, MVS's models copied), codes
   * {@code t02} …, number prefixes starting with {@code letter}, each with one municipality "Gemeente 02" …; answers
   * their codes. Regions made by an earlier call are kept.
   */
  static List<String> onboardRegions(
      nl.werkpact.keurmerk.models.RegionOnboarding onboarding,
      nl.werkpact.keurmerk.region.Regions regions,
      int count,
      char letter) {
    List<String> codes = new ArrayList<>();
    for (int r = 2; r <= count; r++) {
      String code = String.format(Locale.ROOT, "t%02d", r);
      if (regions.find(code).isEmpty()) {
        onboarding.create(
            new nl.werkpact.keurmerk.models.RegionOnboarding.NewRegion(
                code,
                "Werkpact Regio " + r,
                "" + letter + (char) ('A' + r / 26) + (char) ('A' + r % 26),
                List.of(String.format(Locale.ROOT, "Gemeente %02d", r)),
                null,
                null,
                null,
                null,
                null,
                null),
            nl.werkpact.keurmerk.support.TestUsers.REGION);
      }
      codes.add(code);
    }
    return codes;
  }

  /**
   * Regions 2 … {@code count} as {@code RegionOnboarding} stores them (code {@code r02} …, municipality "Gemeente 02" …,
   * a number prefix of its own), each with its Camunda tenant and this accountmanager in it, and the accountmanager in
   * the first region's tenant too; the app deploys its models into each at its next start. Answers the regions' codes,
   * the first one first, with their municipality and prefix.
   */
  static List<String[]> regions(DataSource database, int count, String accountmanager)
      throws SQLException {
    List<String[]> regions = new ArrayList<>();
    try (var db = database.getConnection();
        var statement = db.createStatement()) {
      String first;
      try (var rs = statement.executeQuery("SELECT code FROM region ORDER BY created_at, code")) {
        rs.next();
        first = rs.getString(1);
      }
      regions.add(new String[] {first, "Schiedam", "SW"});
      for (int r = 2; r <= count; r++) {
        String code = String.format(Locale.ROOT, "r%02d", r);
        String municipality = String.format(Locale.ROOT, "Gemeente %02d", r);
        String prefix = "Q" + (char) ('A' + r / 26) + (char) ('A' + r % 26);
        statement.executeUpdate(
            "INSERT INTO region (code, name, number_prefix, mail_from, desk_name, desk_phone, desk_email, created_at)"
                + " VALUES ('"
                + code
                + "', 'Werkpact Regio "
                + r
                + "', '"
                + prefix
                + "', 'Werkpact Regio "
                + r
                + " <keurmerk@"
                + code
                + ".example>', 'Werkgeversservicepunt Regio "
                + r
                + "', '010 000 00 00', 'wsp@"
                + code
                + ".example', now())");
        statement.executeUpdate(
            "INSERT INTO region_municipality (region_code, name) VALUES ('"
                + code
                + "', '"
                + municipality
                + "')");
        statement.executeUpdate(
            "INSERT INTO reminder_round_lease (region_code, id, held_by, held_until, again) VALUES ('"
                + code
                + "', 1, NULL, NULL, FALSE)");
        regions.add(new String[] {code, municipality, prefix});
      }
      for (String[] region : regions) {
        statement.executeUpdate(
            "INSERT INTO ACT_ID_TENANT (ID_, REV_, NAME_) SELECT '"
                + region[0]
                + "', 1, '"
                + region[0]
                + "' WHERE NOT EXISTS (SELECT 1 FROM ACT_ID_TENANT WHERE ID_ = '"
                + region[0]
                + "')");
        statement.executeUpdate(
            "INSERT INTO ACT_ID_TENANT_MEMBER (ID_, TENANT_ID_, USER_ID_) VALUES ('"
                + region[0]
                + "-"
                + accountmanager
                + "', '"
                + region[0]
                + "', '"
                + accountmanager
                + "')");
      }
    }
    return regions;
  }

  /**
   * Sets the due date of the quarter-hourly KeurmerkReminders timer (an SQL expression: {@code now()}, or a timestamp
   * far ahead to park it), as Cockpit's "set due date" does; answers how many timers that was.
   */
  static int reminderRound(DataSource database, String dueDate) throws SQLException {
    try (var db = database.getConnection();
        var statement = db.createStatement()) {
      return statement.executeUpdate(
          "UPDATE ACT_RU_JOB SET DUEDATE_ = "
              + dueDate
              + " WHERE TYPE_ = 'timer' AND PROCESS_DEF_KEY_ = 'KeurmerkReminders'");
    }
  }

  /**
   * A real SMTP server (GreenMail) in this JVM, started, on a free port. GreenMail parses every e-mail it accepts;
   * without the stream provider named (the app names it for itself, {@code MailDispatcher}), Jakarta Mail scans every
   * jar on the class path for it per e-mail: 0.7 of the 1.0 ms GreenMail took between the end of an e-mail's DATA and
   * its answer, the stretch in which a node sends one e-mail at a time. A mail server's own slowness is not the app's.
   */
  static GreenMail smtpServer() throws IOException {
    System.getProperties()
        .putIfAbsent(
            "jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
    var smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    return smtp;
  }

  static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
