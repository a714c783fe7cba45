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

/** What the benchmarks share: running work on a few threads, the median of rounds, and the memory of a child JVM. */
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
}
