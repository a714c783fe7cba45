package nl.werkpact.keurmerk.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Start-up time and memory of the app against the bare Camunda starter with the same webapps (bench.bare), each in a
 * JVM of its own with the memory limits of the Dockerfile, alternating, on in-memory H2 so that no database server
 * is measured. Reports the median of {@code -Dbenchmark.startups=3} starts each: Spring Boot's "process running for"
 * at the end of start-up, and the resident memory (RSS) at that moment. Run with {@code mvn -Pbenchmark verify}.
 */
class StartupBenchmark {

  private static final Pattern STARTED =
      Pattern.compile("Started \\S+ in [0-9.]+ seconds \\(process running for ([0-9.]+)\\)");

  @Test
  void startUpAgainstTheBareCamundaStarter() throws Exception {
    int runs = Integer.getInteger("benchmark.startups", 3);
    List<Double> appSeconds = new ArrayList<>();
    List<Double> bareSeconds = new ArrayList<>();
    List<Long> appRss = new ArrayList<>();
    List<Long> bareRss = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      measure(bare(), bareSeconds, bareRss);
      measure(app(i), appSeconds, appRss);
    }
    double app = Measure.median(appSeconds);
    double bare = Measure.median(bareSeconds);
    String report =
        String.join(
            "\n",
            "| start-up (median of " + runs + ") | app | bare Camunda starter | ratio |",
            "| --- | ---: | ---: | ---: |",
            String.format(
                Locale.ROOT,
                "| time to started (s) | %.1f | %.1f | %.2f× |",
                app,
                bare,
                app / bare),
            String.format(
                Locale.ROOT,
                "| RSS when started (MiB) | %d | %d | %.2f× |",
                medianLong(appRss),
                medianLong(bareRss),
                (double) medianLong(appRss) / medianLong(bareRss)));
    System.out.println(
        "\nStart-up benchmark ("
            + Runtime.getRuntime().availableProcessors()
            + " cores, JVM flags of the Dockerfile)\n"
            + report
            + "\n");
    Path out = Path.of("target", "benchmark", "startup.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report + "\n", StandardCharsets.UTF_8);
  }

  private static List<String> app(int run) {
    return List.of(
        "nl.werkpact.keurmerk.KeurmerkApplication",
        "--spring.profiles.active=benchmark",
        "--spring.datasource.url=jdbc:h2:mem:app" + run + ";DB_CLOSE_DELAY=-1",
        "--server.port=0",
        "--werkpact.mail.drop-directory=target/benchmark/mail");
  }

  private static List<String> bare() {
    return List.of(
        "bench.bare.BareCamundaStarter", "--spring.config.location=classpath:bench/bare/bare.yaml");
  }

  private static void measure(List<String> mainAndArgs, List<Double> seconds, List<Long> rss)
      throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path")));
    command.addAll(mainAndArgs);
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("JAVA_TOOL_OPTIONS", jvmOptionsOfTheDockerfile());
    Process process = builder.start();
    Deque<String> last = new ArrayDeque<>();
    try (var out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        last.addLast(line);
        if (last.size() > 30) {
          last.removeFirst();
        }
        Matcher started = STARTED.matcher(line);
        if (started.find()) {
          seconds.add(Double.parseDouble(started.group(1)));
          rss.add(Measure.rssMiB(process.pid()));
          return;
        }
      }
      throw new IllegalStateException(
          mainAndArgs.get(0) + " ended without starting:\n" + String.join("\n", last));
    } finally {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  static String jvmOptionsOfTheDockerfile() throws IOException {
    Matcher options =
        Pattern.compile("ENV JAVA_TOOL_OPTIONS=\"([^\"]+)\"")
            .matcher(Files.readString(Path.of("Dockerfile")));
    if (!options.find()) {
      throw new IllegalStateException("Dockerfile sets no JAVA_TOOL_OPTIONS");
    }
    return options.group(1);
  }

  private static long medianLong(List<Long> values) {
    long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
