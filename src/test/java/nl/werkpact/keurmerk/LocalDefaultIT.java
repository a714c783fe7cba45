package nl.werkpact.keurmerk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The README's first command, {@code mvn spring-boot:run}: the whole system starts on its embedded default (the local
 * profile: H2, demo users and data, e-mails as files) with nothing set, and a newcomer can log in and look around. The
 * other integration tests run the postgres profile; a bean that only the local profile lacks would pass them all. In a
 * JVM of its own, as a newcomer starts it, so that it shares no engine, clock or logging with the other tests.
 */
class LocalDefaultIT {

  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NORMAL)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Test
  void theEmbeddedDefaultStartsWithItsDemoUsersAndData() throws Exception {
    Path directory = Path.of("target", "local-default").toAbsolutePath();
    FileSystemUtils.deleteRecursively(directory);
    Files.createDirectories(directory);
    int port = freePort();
    Process app =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                KeurmerkApplication.class.getName(),
                "--server.port=" + port,
                "--spring.datasource.url=jdbc:h2:mem:local-default;DB_CLOSE_DELAY=-1")
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("app.log").toFile())
            .start();
    try {
      String base = "http://localhost:" + port;
      awaitUp(base, app, directory.resolve("app.log"));

      var register = get(base + "/register.json", null);
      assertThat(register.statusCode()).isEqualTo(200);
      assertThat(register.body()).as("the demo data's holders").containsPattern("\"totaal\":[1-9]");
      assertThat(get(base + "/camunda/app/tasklist/", null).statusCode()).isEqualTo(200);
      // The demo's years tell the story of the news: 36 holders at the end of 2021, about fifty
      // signatories in all against the target of 100.
      String year2021 = awaitPage(base + "/dashboard?jaar=2021", "data-figure=\"houders\"");
      assertThat(year2021).containsPattern("data-figure=\"houders\"[^>]*>36<");
      String allYears = get(base + "/dashboard", "anna:demo").body();
      assertThat(allYears).containsPattern("data-figure=\"ondertekend\"[^>]*>5[0-9]<");
      assertThat(get(base + "/engine-rest/task/count", "anna:demo").statusCode())
          .as("the demo accountmanager logs in")
          .isEqualTo(200);
      assertThat(Files.readString(directory.resolve("app.log")))
          .as("the banner a newcomer reads")
          .contains(base + "/camunda/app/tasklist/");
    } finally {
      app.destroy();
      if (!app.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        app.destroyForcibly();
      }
    }
  }

  /** The page once it shows {@code marker} (the demo data comes in after the app is up). */
  private String awaitPage(String url, String marker) throws Exception {
    var deadline = java.time.Instant.now().plus(Duration.ofMinutes(2));
    String body = "";
    while (java.time.Instant.now().isBefore(deadline)) {
      var page = get(url, "anna:demo");
      body = page.body();
      if (page.statusCode() == 200 && body.contains(marker)) {
        return body;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("No " + marker + " on " + url + ": " + body);
  }

  /** Until the app answers healthy; fails at once, with its log, when it stopped. */
  private void awaitUp(String base, Process app, Path log) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      if (!app.isAlive()) {
        throw new AssertionError("The app stopped while starting:\n" + tail(log));
      }
      try {
        if (get(base + "/actuator/health", null).body().contains("\"status\":\"UP\"")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError("The app did not start within 3 minutes:\n" + tail(log));
  }

  private static String tail(Path log) throws IOException {
    var lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private HttpResponse<String> get(String url, String credentials) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
    if (credentials != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
