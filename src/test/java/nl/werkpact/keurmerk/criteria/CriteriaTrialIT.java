package nl.werkpact.keurmerk.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.support.IntegrationTest;
import nl.werkpact.keurmerk.support.Records;
import nl.werkpact.keurmerk.support.TestUsers;
import nl.werkpact.keurmerk.support.Unique;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The procesbeheerder tries a candidate criteria table on past audits, over HTTP as a browser does. */
class CriteriaTrialIT extends IntegrationTest {

  private static final String OWNER = "itcriteriapetra";
  private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([0-9a-f]+)\"");

  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  private final HttpClient browser =
      HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  private String employer;
  private LocalDate decided;

  @BeforeEach
  void anAuditTheTableAwarded() {
    TestUsers.ensure(identityService, OWNER, PASSWORD, Groups.PROCESBEHEERDERS);
    employer = "Proefbakkerij " + Unique.suffix();
    decided = LocalDate.now(clock).minusMonths(3);
    var records = new Records(jdbc);
    long id = records.employer(employer, "Maassluis");
    // 40 employees, 3 of the target group (7,5 %), one extra workplace: awarded on the share.
    long audit =
        records.audit(id, decided.minusMonths(2), "AWARDED", decided, null, 1, 0, BigDecimal.ZERO);
    jdbc.sql(
            "UPDATE audit SET criteria_outcome = 'TOEKENNEN', criteria_version = 1, findings = 'Goed' WHERE id = ?")
        .param(audit)
        .update();
  }

  @Test
  void aCandidateThatFlipsAKnownAuditNamesItAndNothingIsStoredOrSent() throws Exception {
    String stricter =
        Files.readString(Path.of("bpmn/KeurmerkCriteria.dmn"))
            .replace(
                "<inputEntry id=\"Rule_AwardOnShare_In2\"><text>&gt;= 5</text>",
                "<inputEntry id=\"Rule_AwardOnShare_In2\"><text>&gt;= 10</text>");
    List<Long> before = counts();
    String token = token(get("/beheer/criteria").body());

    var trial = upload(stricter, token);

    assertThat(trial.statusCode()).as(trial.body()).isEqualTo(200);
    assertThat(trial.body())
        .contains(employer + ", beslist " + Dates.numeric(decided) + ": Toekennen → Afwijzen")
        .contains("anders uitvallen");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void theDeployedTableDecidesAsItDidAndABadFileIsRefusedInDutch() throws Exception {
    String page = get("/beheer/criteria").body();
    String token = token(page);
    var version = Pattern.compile("<option value=\"([^\"]+)\">Versie").matcher(page);
    assertThat(version.find()).as(page).isTrue();

    var deployed = upload(null, version.group(1), token);
    var bad = upload("<definitions>geen tabel", token);

    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    assertThat(deployed.body()).contains(employer).doesNotContain(employer + ", beslist");

    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("KeurmerkCriteria.dmn is niet te gebruiken");
    assertThat(get("/beheer/criteria").body()).contains("Criteria uitproberen");

    var huge = upload("x".repeat(21 * 1024 * 1024), token);
    assertThat(huge.statusCode())
        .as("over the app's upload limit: this page answers, not the import's")
        .isEqualTo(413);
    assertThat(huge.body())
        .contains("Criteria uitproberen", "Het bestand is te groot voor een beslistabel");
  }

  @Test
  void onlyProcesbeheerdersAndAdminsOpenThePage() throws Exception {
    var request = HttpRequest.newBuilder(URI.create(baseUrl() + "/beheer/criteria")).GET();
    var accountmanager =
        HttpClient.newHttpClient()
            .send(
                authorized(request, ACCOUNTMANAGER, PASSWORD).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(accountmanager.statusCode()).isEqualTo(403);
    assertThat(get("/beheer/criteria").statusCode()).isEqualTo(200);
  }

  /** Decision definitions, decision history, audits decided by a table and e-mails: a trial adds to none. */
  private List<Long> counts() {
    return List.of(
        count("SELECT COUNT(*) FROM act_re_decision_def"),
        count("SELECT COUNT(*) FROM act_hi_decinst"),
        count("SELECT COUNT(*) FROM audit WHERE criteria_outcome = 'TOEKENNEN'"),
        count("SELECT COUNT(*) FROM correspondence"));
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  private static String token(String page) {
    var matcher = TOKEN.matcher(page);
    assertThat(matcher.find()).as("form token on the page %s", page).isTrue();
    return matcher.group(1);
  }

  private HttpResponse<String> get(String path) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
    return browser.send(
        authorized(request, OWNER, PASSWORD).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> upload(String dmn, String token) throws Exception {
    return upload(dmn, null, token);
  }

  private HttpResponse<String> upload(String dmn, String version, String token) throws Exception {
    String boundary = "----werkpact" + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    var body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\n"
                + token
                + "\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"van\"\r\n\r\n"
                + Dates.numeric(decided.minusDays(1))
                + "\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"tot\"\r\n\r\n"
                + Dates.numeric(decided.plusDays(1))
                + "\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"versie\"\r\n\r\n"
                + (version == null ? "" : version)
                + "\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"KeurmerkCriteria.dmn\"\r\n"
                + "Content-Type: application/xml\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes((dmn == null ? "" : dmn).getBytes(StandardCharsets.UTF_8));
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    var request =
        HttpRequest.newBuilder(URI.create(baseUrl() + "/beheer/criteria"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    return browser.send(
        authorized(request, OWNER, PASSWORD).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder authorized(
      HttpRequest.Builder request, String user, String password) {
    return request.header(
        "Authorization",
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }
}
