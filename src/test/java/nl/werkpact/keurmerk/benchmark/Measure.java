package nl.werkpact.keurmerk.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
    Thread drain = new Thread(() -> {
      try {
        output.lines().forEach(ignored -> { });
      } catch (UncheckedIOException stopped) {
        // the process was stopped
      }
    }, name);
    drain.setDaemon(true);
    drain.start();
  }

  /** The app in a JVM of its own ({@code postgres} profile), once it has started; its output is drained. */
  static Process startApp(java.util.Map<String, String> environment, List<String> args, String jvmOptions) throws Exception {
    List<String> all = new ArrayList<>(List.of("--server.port=0"));
    all.addAll(args);
    Process process = app(all, environment, jvmOptions);
    var out = new BufferedReader(new java.io.InputStreamReader(process.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.contains("Started KeurmerkApplication")) {
        drainInBackground(out, "app-output");
        return process;
      }
    }
    throw new IllegalStateException("The app ended without starting");
  }

  /** The import command ({@code import file [--confirm] …}) in a JVM of its own; prints its last line. */
  static void runImport(List<String> args, java.util.Map<String, String> environment, java.time.Duration limit) throws Exception {
    Process process = app(args, environment, "-Xmx1g");
    String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (!process.waitFor(limit.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("Import did not finish in " + limit);
    }
    String tail = output.length() > 3000 ? output.substring(output.length() - 3000) : output;
    System.out.println(tail.replace('\r', '\n').lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse(""));
    if (process.exitValue() != 0 && args.contains("--confirm")) {
      throw new IllegalStateException("Import failed (" + process.exitValue() + "):\n" + tail);
    }
  }

  /** Stops a child JVM as a container platform does: a signal, and after a minute kill -9. */
  static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  private static Process app(List<String> args, java.util.Map<String, String> environment, String jvmOptions) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), "nl.werkpact.keurmerk.KeurmerkApplication"));
    command.addAll(args);
    command.add("--spring.profiles.active=postgres");
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    builder.environment().put("JAVA_TOOL_OPTIONS", jvmOptions);
    return builder.start();
  }

  static int freePort() throws IOException {
    try (var socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
