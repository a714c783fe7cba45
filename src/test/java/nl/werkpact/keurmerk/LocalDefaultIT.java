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
      employersWayIn(base, directory.resolve("data").resolve("mail"));
    } finally {
      app.destroy();
      if (!app.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        app.destroyForcibly();
      }
    }
  }

  /**
   * The employer's own way in writes its records on H2 as well (the other integration tests run PostgreSQL, where SQL
   * that H2 does not know passes): the intent online, a self-scan with a request for contact, a sign-in link mailed
   * (as a file here) and used, and the figures for the demo's planned audit of Stralend Schoon.
   */
  private void employersWayIn(String base, Path mail) throws Exception {
    var browser =
        HttpClient.newBuilder()
            .cookieHandler(new java.net.CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    var intent =
        post(
            browser,
            base + "/partner-worden/mvs/aanmelden",
            "naam",
            "Lokaal Bedrijf",
            "kvk",
            "12345670",
            "adres",
            "Markt 1",
            "gemeente",
            "Vlaardingen",
            "contactpersoon",
            "Lies de Wit",
            "email",
            "lies@lokaal.example");
    assertThat(intent.statusCode()).as(intent.body()).isEqualTo(200);
    assertThat(intent.body()).contains("Wij hebben een e-mail gestuurd naar lies@lokaal.example");
    var contact =
        post(
            browser,
            base + "/partner-worden/mvs/contact",
            "medewerkers",
            "40",
            "doelgroep",
            "3",
            "organisatie",
            "Lokaal Bedrijf",
            "contactnaam",
            "Lies de Wit",
            "contactemail",
            "lies@lokaal.example");
    assertThat(contact.statusCode()).as(contact.body()).isEqualTo(200);
    assertThat(contact.body()).contains("Het Werkgeversservicepunt heeft uw vraag");

    var asked =
        post(
            browser,
            base + "/mijn-keurmerk/inloggen",
            "kvk",
            "90000006",
            "email",
            "ilse@stralendschoon.example");
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
    String code =
        awaitMailed(
            mail, java.util.regex.Pattern.compile("mijn-keurmerk/link\\?code=([0-9a-f]{64})"));
    var page = post(browser, base + "/mijn-keurmerk/link", "code", code);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body())
        .contains("Mijn keurmerk: Schoonmaakbedrijf Stralend Schoon")
        .contains("Uw cijfers voor de audit");
    var token =
        java.util.regex.Pattern.compile("name=\"token\" value=\"([0-9a-f]{64})\"")
            .matcher(page.body());
    assertThat(token.find()).isTrue();
    var figures =
        post(
            browser,
            base + "/mijn-keurmerk/cijfers",
            "token",
            token.group(1),
            "workforceSize",
            "1.200",
            "targetGroupEmployees",
            "70",
            "socialPurchasingEuros",
            "2.500,50",
            "activiteiten",
            "Open dag.");
    assertThat(figures.statusCode()).as(figures.body()).isEqualTo(200);
    assertThat(figures.body()).contains("Dank u. De auditor ziet uw cijfers");
  }

  /** The first group of the pattern in an e-mail written to the drop directory, once one is there. */
  private static String awaitMailed(Path mail, java.util.regex.Pattern pattern) throws Exception {
    var deadline = java.time.Instant.now().plus(Duration.ofMinutes(1));
    while (java.time.Instant.now().isBefore(deadline)) {
      if (Files.isDirectory(mail)) {
        try (var files = Files.list(mail)) {
          for (Path file : files.toList()) {
            // quoted-printable: soft line breaks and an encoded '='
            String text = Files.readString(file).replaceAll("=\\r?\\n", "").replace("=3D", "=");
            var found = pattern.matcher(text);
            if (found.find()) {
              return found.group(1);
            }
          }
        }
      }
      Thread.sleep(250);
    }
    throw new AssertionError("No e-mail in " + mail + " matches " + pattern);
  }

  private HttpResponse<String> post(HttpClient client, String url, String... fields)
      throws Exception {
    var form = new StringBuilder();
    for (int i = 0; i < fields.length; i += 2) {
      form.append(form.length() == 0 ? "" : "&")
          .append(fields[i])
          .append('=')
          .append(java.net.URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
    }
    return client.send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "text/html")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Sec-Fetch-Site", "same-origin")
            .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
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
