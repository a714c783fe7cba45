package nl.werkpact.keurmerk.golive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import nl.werkpact.keurmerk.support.IntegrationTest;
import nl.werkpact.keurmerk.support.TestUsers;
import nl.werkpact.keurmerk.support.Unique;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The admin's upload page of the go-live import, over HTTP as a browser uses it: session, form token, redirect. */
class ImportPageIT extends IntegrationTest {

  private static final String ADMIN = "itadmin";
  private static final String ADMIN_PASSWORD = "Integratie-Beheer-2026!";
  private static final String HEADER =
      "naam;kvk-nummer;adres;gemeente;contactpersoon;e-mail;ondertekend op;ondertekend door;accountmanager";
  private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([0-9a-f]+)\"");
  private static final Pattern RUN = Pattern.compile("/beheer/import/([0-9a-f]{32})$");

  @Autowired JdbcClient jdbc;

  private final HttpClient browser =
      HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

  @Test
  void anAdminChecksTheFileThenImportsItWithoutUploadingAgain() throws Exception {
    String kvk = Unique.kvk();
    String file =
        HEADER
            + "\nPagina Import B.V.;"
            + kvk
            + ";Markt 3;Vlaardingen;Els;els."
            + kvk
            + "@pagina.example;03-04-2023;Els;"
            + ACCOUNTMANAGER
            + "\n";
    String token = token(get("/beheer/import", ADMIN, ADMIN_PASSWORD).body());

    var dryRun = upload(file, "proefdraai", token, ADMIN, ADMIN_PASSWORD);
    assertThat(dryRun.statusCode()).isEqualTo(302);
    String runPath = finished(location(dryRun));
    String report = get(runPath, ADMIN, ADMIN_PASSWORD).body();
    assertThat(report)
        .contains(
            "Proefdraai: werkgevers.csv",
            "1 regels: 1 goed (proefdraai, nog niets ingevoerd)",
            "Convenant ondertekend op 03-04-2023.",
            "Wat er wordt opgeslagen",
            "1 werkgever, elk met een getekend convenant; de werkgevers krijgen daarover geen e-mail.",
            "Ja, deze regel invoeren</button>");
    assertThat(employers(kvk)).isZero();

    var confirmed =
        post(
            runPath + "/invoeren",
            "application/x-www-form-urlencoded",
            ("token=" + token).getBytes(StandardCharsets.UTF_8),
            ADMIN,
            ADMIN_PASSWORD);
    assertThat(confirmed.statusCode()).isEqualTo(302);
    String importPath = finished(location(confirmed));
    assertThat(get(importPath, ADMIN, ADMIN_PASSWORD).body())
        .contains("Invoeren: werkgevers.csv", "1 regels: 1 ingevoerd");
    assertThat(employers(kvk)).isEqualTo(1);
    assertThat(get("/beheer/import", ADMIN, ADMIN_PASSWORD).body())
        .contains("1 regels: 1 ingevoerd", "door " + ADMIN, "Invoeren (upload)");
    assertThat(
            jdbc.sql("SELECT outcome FROM import_run WHERE confirmed AND id = ?")
                .param(importPath.substring(importPath.lastIndexOf('/') + 1))
                .query(String.class)
                .single())
        .as("kept across a restart")
        .startsWith("1 regels: 1 ingevoerd");
  }

  @Test
  void aDryRunWithErrorsOffersToImportOnlyItsGoodLinesAndAnUploadIsAlwaysADryRunFirst()
      throws Exception {
    String good = Unique.kvk();
    String file =
        HEADER
            + "\nGoede Regel B.V.;"
            + good
            + ";Markt 3;Vlaardingen;Els;els."
            + good
            + "@pagina.example;03-04-2023;Els;"
            + ACCOUNTMANAGER
            + "\nFoute Regel B.V.;123;Markt 3;Rotterdam;Els;els@fout.example;03-04-2023;Els;"
            + ACCOUNTMANAGER
            + "\n";
    String token = token(get("/beheer/import", ADMIN, ADMIN_PASSWORD).body());

    String runPath = finished(location(upload(file, "invoeren", token, ADMIN, ADMIN_PASSWORD)));
    String page = get(runPath, ADMIN, ADMIN_PASSWORD).body();
    assertThat(page)
        .as("'invoeren' from the upload form is a dry run, with the last look")
        .contains("Proefdraai: werkgevers.csv", "Wat er wordt opgeslagen")
        .contains("1 regel met een fout wordt niet ingevoerd")
        .contains("Gemeente &quot;Rotterdam&quot; hoort niet bij deze regio")
        .contains("Alleen de goede regel invoeren</button>");
    assertThat(employers(good)).isZero();

    var confirmed =
        post(
            runPath + "/invoeren",
            "application/x-www-form-urlencoded",
            ("token=" + token).getBytes(StandardCharsets.UTF_8),
            ADMIN,
            ADMIN_PASSWORD);
    assertThat(get(finished(location(confirmed)), ADMIN, ADMIN_PASSWORD).body())
        .contains(
            "2 regels: 1 ingevoerd, 0 overgeslagen (staan al in het systeem), 1 met een fout");
    assertThat(employers(good)).isEqualTo(1);
  }

  @Test
  void aFileWithErrorsShowsThemPerLineAndCannotBeConfirmedAsIs() throws Exception {
    String token = token(get("/beheer/import", ADMIN, ADMIN_PASSWORD).body());
    var dryRun =
        upload(
            HEADER
                + "\nFout B.V.;123;Markt 3;Vlaardingen;Els;els@fout.example;03-04-2023;Els;"
                + ACCOUNTMANAGER
                + "\n",
            "proefdraai",
            token,
            ADMIN,
            ADMIN_PASSWORD);
    String runPath = finished(location(dryRun));

    String report = get(runPath, ADMIN, ADMIN_PASSWORD).body();
    assertThat(report)
        .contains("KvK-nummer moet uit precies 8 cijfers bestaan.", "1 met een fout")
        .doesNotContain("/invoeren");
    var spreadsheet = get(runPath + "/rapport.csv", ADMIN, ADMIN_PASSWORD);
    assertThat(spreadsheet.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("werkgevers-rapport.csv");
    assertThat(spreadsheet.body().lines())
        .startsWith(
            "\uFEFFRegel;Werkgever;KvK-nummer;Uitkomst;Toelichting",
            "2;Fout B.V.;123;Fout;KvK-nummer moet uit precies 8 cijfers bestaan.");
    assertThat(
            post(
                    runPath + "/invoeren",
                    "application/x-www-form-urlencoded",
                    ("token=" + token).getBytes(StandardCharsets.UTF_8),
                    ADMIN,
                    ADMIN_PASSWORD)
                .statusCode())
        .isEqualTo(409);

    var unreadable = upload("naam;kvk\n", "proefdraai", token, ADMIN, ADMIN_PASSWORD);
    assertThat(get(finished(location(unreadable)), ADMIN, ADMIN_PASSWORD).body())
        .contains("Niets ingevoerd: De kopregel mist de kolom");
  }

  @Test
  void onlyAdminsWithTheFormOfTheirOwnSessionMayUpload() throws Exception {
    TestUsers.ensure(identityService, "itimportanna", PASSWORD, "accountmanagers");
    assertThat(get("/beheer/import", null, null).statusCode()).isEqualTo(401);
    var accountmanager = get("/beheer/import", "itimportanna", PASSWORD);
    assertThat(accountmanager.statusCode()).isEqualTo(403);
    assertThat(accountmanager.body()).contains("Deze pagina is alleen voor beheerders.");
    assertThat(get("/beheer/import/voorbeeld.csv", "itimportanna", PASSWORD).statusCode())
        .isEqualTo(403);

    String file = HEADER + "\n";
    var withoutToken = upload(file, "invoeren", "", ADMIN, ADMIN_PASSWORD);
    assertThat(withoutToken.statusCode()).isEqualTo(403);
    assertThat(withoutToken.body())
        .contains("Dit formulier is verlopen of komt niet van deze pagina.");
    String token = token(get("/beheer/import", ADMIN, ADMIN_PASSWORD).body());
    var otherBrowser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    assertThat(upload(otherBrowser, file, "invoeren", token, ADMIN, ADMIN_PASSWORD).statusCode())
        .as("another session's token")
        .isEqualTo(403);
    assertThat(upload(file, "invoeren", token, "itimportanna", PASSWORD).statusCode())
        .isEqualTo(403);
  }

  @Test
  void anEmptyOrTooLargeUploadIsRefusedInDutch() throws Exception {
    String token = token(get("/beheer/import", ADMIN, ADMIN_PASSWORD).body());

    var empty = upload("", "proefdraai", token, ADMIN, ADMIN_PASSWORD);
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("Kies een CSV-bestand met de werkgevers.");

    var tooLarge =
        upload(
            HEADER + "\n" + "x".repeat(ImportLimits.MAX_FILE_MEGABYTES * 1024 * 1024),
            "proefdraai",
            token,
            ADMIN,
            ADMIN_PASSWORD);
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(tooLarge.body())
        .contains("Het bestand is te groot (meer dan 20 MB). Splits het in kleinere bestanden.");
  }

  @Test
  void theExampleFileHasTheHeaderLineTheImportReads() throws Exception {
    var example = get("/beheer/import/voorbeeld.csv", ADMIN, ADMIN_PASSWORD);
    assertThat(example.statusCode()).isEqualTo(200);
    assertThat(example.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"werkgevers-voorbeeld.csv\"");
    var contents = WerkgeversCsv.read(new StringReader(example.body()));
    assertThat(contents.problem()).isNull();
    assertThat(contents.lines()).hasSize(1);
  }

  /** Waits (on the run's own state, with a deadline) until the run is done; returns its page's path. */
  private String finished(String runPath) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      var stand = get(runPath + "/stand", ADMIN, ADMIN_PASSWORD);
      assertThat(stand.statusCode()).isEqualTo(200);
      if (stand.body().contains("\"klaar\":true")) {
        return runPath;
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("Import " + runPath + " not done within two minutes");
  }

  private static String location(HttpResponse<String> redirect) {
    String location = redirect.headers().firstValue("Location").orElseThrow();
    var matcher = RUN.matcher(location);
    assertThat(matcher.find()).as(location).isTrue();
    return "/beheer/import/" + matcher.group(1);
  }

  private static String token(String page) {
    var matcher = TOKEN.matcher(page);
    assertThat(matcher.find()).as("form token on the page %s", page).isTrue();
    return matcher.group(1);
  }

  private long employers(String kvk) {
    return jdbc.sql("SELECT COUNT(*) FROM employer WHERE kvk_number = ?")
        .param(kvk)
        .query(Long.class)
        .single();
  }

  private HttpResponse<String> upload(
      String csv, String action, String token, String user, String password) throws Exception {
    return upload(browser, csv, action, token, user, password);
  }

  private HttpResponse<String> upload(
      HttpClient client, String csv, String action, String token, String user, String password)
      throws Exception {
    String boundary = "----werkpact" + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    var body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\n"
                + token
                + "\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"actie\"\r\n\r\n"
                + action
                + "\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"werkgevers.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(csv.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return post(
        client,
        "/beheer/import",
        "multipart/form-data; boundary=" + boundary,
        body.toByteArray(),
        user,
        password);
  }

  private HttpResponse<String> post(
      String path, String contentType, byte[] body, String user, String password) throws Exception {
    return post(browser, path, contentType, body, user, password);
  }

  private HttpResponse<String> post(
      HttpClient client, String path, String contentType, byte[] body, String user, String password)
      throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    return client.send(
        authorized(request, user, password).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String user, String password) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
    return browser.send(
        authorized(request, user, password).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder authorized(
      HttpRequest.Builder request, String user, String password) {
    return user == null
        ? request
        : request.header(
            "Authorization",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }
}
