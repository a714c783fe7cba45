package nl.werkpact.keurmerk.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import nl.werkpact.keurmerk.region.RegionScope;
import nl.werkpact.keurmerk.support.IntegrationTest;
import nl.werkpact.keurmerk.support.TestUsers;
import nl.werkpact.keurmerk.support.Unique;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The public forms under a burst, over HTTP on PostgreSQL: {@code -Dbenchmark.burst=600} requests on {@code
 * -Dbenchmark.threads=16} threads at once, each from a source of its own (the app behind a proxy, {@code
 * server.forward-headers-strategy: native}, so {@code X-Forwarded-For} names the source), for the intent online on
 * Partner worden (each stored and its e-mail queued) and for a sign-in link on Mijn keurmerk (unknown numbers,
 * counted), then a flood from one source (refused past its limit). Side by side with the health check and the public
 * page itself in the same run: requests per second, p50/p95/p99, and the ratio to the health check. Not part of
 * {@code mvn verify}: {@code mvn -Pbenchmark verify -Dit.test=PublicFormsBenchmark}; writes {@code
 * target/benchmark/public-forms.md}.
 */
@TestPropertySource(properties = "server.forward-headers-strategy=native")
class PublicFormsBenchmark extends IntegrationTest {

  @Autowired JdbcClient jdbc;

  private final HttpClient http = HttpClient.newHttpClient();

  private record Result(
      String name, int requests, double seconds, long[] millis, Map<Integer, Integer> statuses) {
    double perSecond() {
      return requests / seconds;
    }

    double percentile(int p) {
      long[] sorted = millis.clone();
      Arrays.sort(sorted);
      return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)]
          / 1000.0;
    }
  }

  private Result burst(String name, int requests, int threads, IntFunction<HttpRequest> request)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    ConcurrentLinkedQueue<Long> times = new ConcurrentLinkedQueue<>();
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    long start = System.nanoTime();
    Measure.runInThreads(
        threads,
        requests,
        () -> {
          int i = next.getAndIncrement();
          long sent = System.nanoTime();
          try {
            int status =
                http.send(request.apply(i), HttpResponse.BodyHandlers.discarding()).statusCode();
            statuses.merge(status, 1, Integer::sum);
          } catch (Exception e) {
            statuses.merge(-1, 1, Integer::sum);
          }
          times.add((System.nanoTime() - sent) / 1_000);
        });
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(
        name, requests, seconds, times.stream().mapToLong(Long::longValue).toArray(), statuses);
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl() + path))
        .header("Accept", path.startsWith("/actuator") ? "application/json" : "text/html")
        .build();
  }

  private HttpRequest post(String path, String source, String... fields) {
    List<String> form = new ArrayList<>();
    for (int i = 0; i < fields.length; i += 2) {
      form.add(fields[i] + "=" + URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
    }
    return HttpRequest.newBuilder(URI.create(baseUrl() + path))
        .header("Accept", "text/html")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Sec-Fetch-Site", "same-origin")
        .header("X-Forwarded-For", source)
        .POST(HttpRequest.BodyPublishers.ofString(String.join("&", form)))
        .build();
  }

  private static String source(int run, int i) {
    return "10." + run + "." + (i / 250) + "." + (i % 250 + 1);
  }

  @Test
  void theIntentAndTheSignInFormUnderABurstBesideTheHealthCheck() throws Exception {
    int requests = Integer.getInteger("benchmark.burst", 600);
    int threads = Integer.getInteger("benchmark.threads", 16);
    String region = TestUsers.REGION;
    int base = Unique.kvkBlock(2 * requests);
    // warm up every route (templates, statements, the connection pool)
    burst("warm-up", 50, threads, i -> get("/actuator/health/liveness"));
    burst("warm-up", 50, threads, i -> get("/partner-worden/" + region));
    burst(
        "warm-up",
        20,
        threads,
        i ->
            post(
                "/mijn-keurmerk/inloggen",
                source(9, i),
                "kvk",
                String.format(Locale.ROOT, "%08d", base + 2 * requests - 1 - i),
                "email",
                "opwarm" + i + "@bench.example"));

    List<Result> results = new ArrayList<>();
    results.add(
        burst("health check (floor)", requests, threads, i -> get("/actuator/health/liveness")));
    results.add(
        burst(
            "Partner worden, the page", requests, threads, i -> get("/partner-worden/" + region)));
    results.add(
        burst(
            "intent online (stored, e-mail queued)",
            requests,
            threads,
            i ->
                post(
                    "/partner-worden/" + region + "/aanmelden",
                    source(1, i),
                    "naam",
                    "Burstbedrijf " + i,
                    "kvk",
                    String.format(Locale.ROOT, "%08d", base + i),
                    "adres",
                    "Havenstraat " + (i + 1),
                    "gemeente",
                    "Vlaardingen",
                    "contactpersoon",
                    "Contact " + i,
                    "email",
                    "burst" + i + "@bench.example")));
    results.add(
        burst(
            "sign-in link requested (counted)",
            requests,
            threads,
            i ->
                post(
                    "/mijn-keurmerk/inloggen",
                    source(2, i),
                    "kvk",
                    String.format(Locale.ROOT, "%08d", base + requests + i),
                    "email",
                    "inlog" + i + "@bench.example")));
    results.add(
        burst(
            "flood from one source (refused past 10)",
            requests,
            threads,
            i ->
                post(
                    "/mijn-keurmerk/inloggen",
                    "10.3.0.1",
                    "kvk",
                    String.format(Locale.ROOT, "%08d", base + i),
                    "email",
                    "vloed" + i + "@bench.example")));

    results.add(
        burst(
            "intents flooding from one source (refused past 5)",
            requests,
            threads,
            i ->
                post(
                    "/partner-worden/" + region + "/aanmelden",
                    "10.4.0.1",
                    "naam",
                    "Vloedbedrijf " + i,
                    "kvk",
                    String.format(Locale.ROOT, "%08d", base + requests + i),
                    "adres",
                    "Havenstraat " + (i + 1),
                    "gemeente",
                    "Vlaardingen",
                    "contactpersoon",
                    "Contact " + i,
                    "email",
                    "vloedintentie" + i + "@bench.example")));

    long stored =
        RegionScope.in(
            RegionScope.ALL,
            () ->
                jdbc.sql(
                        "SELECT COUNT(*) FROM intent_request WHERE contact_email LIKE 'burst%@bench.example'")
                    .query(Long.class)
                    .single());
    long mails =
        RegionScope.in(
            RegionScope.ALL,
            () ->
                jdbc.sql(
                        "SELECT COUNT(*) FROM correspondence WHERE template = 'intent-confirmation' AND recipient LIKE 'burst%@bench.example'")
                    .query(Long.class)
                    .single());
    double floor = results.get(0).perSecond();
    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            Locale.ROOT,
            "Public forms under a burst: %,d requests per row on %d threads, each row's sources as stated.%n%n",
            requests,
            threads));
    report.append(
        "| route | requests/s | p50 / p95 / p99 (ms) | answers | requests/s vs. the health check |\n");
    report.append("| --- | ---: | --- | --- | ---: |\n");
    for (Result r : results) {
      Map<Integer, Integer> statuses = new LinkedHashMap<>();
      r.statuses().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> statuses.put(e.getKey(), e.getValue()));
      report.append(
          String.format(
              Locale.ROOT,
              "| %s | %.0f | %.1f / %.1f / %.1f | %s | %.2f× |%n",
              r.name(),
              r.perSecond(),
              r.percentile(50),
              r.percentile(95),
              r.percentile(99),
              statuses,
              r.perSecond() / floor));
    }
    report.append(
        String.format(
            Locale.ROOT,
            "%nIntents stored: %,d of %,d; confirmation e-mails queued: %,d.%n",
            stored,
            requests,
            mails));
    System.out.println(report);
    Path out = Path.of("target", "benchmark", "public-forms.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report.toString(), StandardCharsets.UTF_8);

    assertThat(results.get(2).statuses()).containsOnlyKeys(200);
    assertThat(stored).isEqualTo(requests);
    assertThat(mails).isEqualTo(requests);
    assertThat(results.get(3).statuses()).containsOnlyKeys(200);
    assertThat(results.get(4).statuses().get(429)).isEqualTo(requests - 10);
    assertThat(results.get(5).statuses().get(429)).isEqualTo(requests - 5);
  }
}
