package nl.werkpact.keurmerk.keurmerk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.region.RegionScope;
import nl.werkpact.keurmerk.support.IntegrationTest;
import nl.werkpact.keurmerk.support.Records;
import nl.werkpact.keurmerk.support.TestUsers;
import nl.werkpact.keurmerk.support.Unique;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The keurmerkcommissie suspends a keurmerk (geschorst) and lifts it: while it holds, the register leaves the holder
 * out, the verification page, its JSON and the badge say geschorst, and there is no certificate; the employer and its
 * accountmanager are told of both; lifting restores the keurmerk with its period unchanged. Bad input and other roles
 * are refused and nothing changes.
 */
class SuspensionIT extends IntegrationTest {

  static final String COMMITTEE = "itschorscommissie";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;

  private String number;
  private String name;
  private String town;
  private LocalDate until;

  @BeforeEach
  void holder() {
    ensureTestUsers();
    TestUsers.ensure(identityService, COMMITTEE, PASSWORD, Groups.KEURMERKCOMMISSIE);
    TestUsers.ensure(identityService, "itschorsauditor", PASSWORD, Groups.AUDITORS);
    var records = new Records(jdbc);
    LocalDate today = LocalDate.now(Dates.AMSTERDAM);
    town = "Schorsstad" + Unique.suffix();
    name = "Schorsbedrijf " + Unique.suffix();
    long employer = records.employer(name, town);
    records.convenant(employer, today.minusYears(1), today.minusMonths(11));
    jdbc.sql("UPDATE convenant SET registered_by = ? WHERE employer_id = ?")
        .params(ACCOUNTMANAGER, employer)
        .update();
    long audit =
        records.audit(
            employer, today.minusMonths(3), "AWARDED", today.minusMonths(2), null, 1, 1, null);
    number = "SW-2092-" + Unique.serial();
    until = today.plusMonths(22);
    records.keurmerk(employer, audit, number, today.minusMonths(2), until, "ACTIVE", null);
  }

  private org.springframework.http.ResponseEntity<String> post(
      String user, String path, String json) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, PASSWORD)
        .exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), String.class);
  }

  private String page(String path) {
    var headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.TEXT_HTML));
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class).getBody();
  }

  private List<String> mails() {
    return RegionScope.in(
        RegionScope.ALL,
        () ->
            jdbc.sql(
                    "SELECT c.dedup_key FROM correspondence c JOIN keurmerk k ON k.id = c.concerns_id"
                        + " WHERE c.concerns_type = 'KEURMERK' AND k.number = ? ORDER BY c.id")
                .param(number)
                .query(String.class)
                .list());
  }

  @Test
  void whileSuspendedTheRegisterBadgeAndCertificateSaySoAndLiftingRestoresIt() {
    String base = "/engine-rest/werkpact/keurmerken/" + number;
    String last = Dates.numeric(LocalDate.now(Dates.AMSTERDAM).plusMonths(2));

    var suspended =
        post(
            COMMITTEE,
            base + "/schorsing",
            "{\"reden\": \"Klacht in onderzoek\", \"totEnMet\": \"" + last + "\"}");

    assertThat(suspended.getStatusCode().value()).isEqualTo(200);
    assertThat(suspended.getBody()).contains("\"status\":\"GESCHORST\"");
    assertThat(page("/register/" + number))
        .contains("Geschorst", "is sinds", "geschorst tot en met", "en zolang niet geldig")
        .doesNotContain("Klacht in onderzoek");
    assertThat(page("/register?q=" + town))
        .contains("Geen keurmerkhouder gevonden")
        .doesNotContain(name);
    assertThat(dashboard())
        .as("the dashboard counts as the register")
        .contains("data-figure=\"houders\">0<");
    assertThat(rest.getForEntity("/register/" + number + "/badge.svg", String.class).getBody())
        .contains("Geschorst sinds");
    var json =
        rest.exchange(
            "/register/" + number, HttpMethod.GET, new HttpEntity<>(jsonAccept()), Map.class);
    assertThat(json.getBody()).containsEntry("status", "GESCHORST");
    var certificate =
        rest.withBasicAuth(COMMITTEE, PASSWORD)
            .getForEntity("/engine-rest/werkpact/certificaten/" + number, String.class);
    assertThat(certificate.getStatusCode().value()).isEqualTo(409);
    assertThat(certificate.getBody()).contains("is geschorst");
    assertThat(mails())
        .anyMatch(k -> k.startsWith("keurmerk-suspended:"))
        .anyMatch(k -> k.startsWith("keurmerk-suspended:") && k.endsWith(":accountmanager"));
    // twice is refused: one suspension at a time
    assertThat(
            post(COMMITTEE, base + "/schorsing", "{\"reden\": \"Nog eens\"}")
                .getStatusCode()
                .value())
        .isEqualTo(409);

    var lifted = post(COMMITTEE, base + "/schorsing/opheffen", "");

    assertThat(lifted.getStatusCode().value()).isEqualTo(200);
    assertThat(page("/register/" + number)).contains("Geldig").doesNotContain("Geschorst");
    assertThat(page("/register?q=" + town)).contains(name);
    assertThat(dashboard()).contains("data-figure=\"houders\">1<");
    assertThat(
            rest.withBasicAuth(COMMITTEE, PASSWORD)
                .getForEntity("/engine-rest/werkpact/certificaten/" + number, byte[].class)
                .getStatusCode()
                .value())
        .isEqualTo(200);
    assertThat(
            RegionScope.in(
                RegionScope.ALL,
                () ->
                    jdbc.sql("SELECT valid_until FROM keurmerk WHERE number = ?")
                        .param(number)
                        .query(LocalDate.class)
                        .single()))
        .as("the period stays where it was")
        .isEqualTo(until);
    assertThat(mails())
        .anyMatch(k -> k.startsWith("keurmerk-suspension-lifted:"))
        .anyMatch(
            k -> k.startsWith("keurmerk-suspension-lifted:") && k.endsWith(":accountmanager"));
  }

  private static HttpHeaders jsonAccept() {
    var headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    return headers;
  }

  @Test
  void withoutAReasonWithADateGoneOrByAnotherRoleNothingIsSuspended() {
    String base = "/engine-rest/werkpact/keurmerken/" + number;

    var noReason = post(COMMITTEE, base + "/schorsing", "{\"reden\": \"  \"}");
    var past =
        post(
            COMMITTEE,
            base + "/schorsing",
            "{\"reden\": \"Klacht\", \"totEnMet\": \"01-01-2020\"}");
    var impossible =
        post(
            COMMITTEE,
            base + "/schorsing",
            "{\"reden\": \"Klacht\", \"totEnMet\": \"31-04-2027\"}");
    var auditor = post("itschorsauditor", base + "/schorsing", "{\"reden\": \"Klacht\"}");
    var unknown =
        post(
            COMMITTEE,
            "/engine-rest/werkpact/keurmerken/SW-1999-0001/schorsing",
            "{\"reden\": \"Klacht\"}");
    var notSuspended = post(COMMITTEE, base + "/schorsing/opheffen", "");

    assertThat(noReason.getStatusCode().value()).isEqualTo(400);
    assertThat(noReason.getBody()).contains("Reden van de schorsing is verplicht.");
    assertThat(past.getStatusCode().value()).isEqualTo(400);
    assertThat(past.getBody()).contains("ligt in het verleden");
    assertThat(impossible.getStatusCode().value()).isEqualTo(400);
    assertThat(impossible.getBody()).contains("31-04-2027 bestaat niet");
    assertThat(auditor.getStatusCode().value()).isEqualTo(403);
    assertThat(unknown.getStatusCode().value()).isEqualTo(400);
    assertThat(unknown.getBody()).contains("Er is geen keurmerk met nummer SW-1999-0001");
    assertThat(notSuspended.getStatusCode().value()).isEqualTo(409);
    assertThat(notSuspended.getBody()).contains("is niet geschorst");
    assertThat(page("/register/" + number)).contains("Geldig");
    assertThat(mails()).isEmpty();
  }

  /** The dashboard for this holder's town, as an accountmanager sees it. */
  private String dashboard() {
    return rest.withBasicAuth(ACCOUNTMANAGER, PASSWORD)
        .getForEntity(
            "/dashboard?gemeente="
                + java.net.URLEncoder.encode(town, java.nio.charset.StandardCharsets.UTF_8),
            String.class)
        .getBody();
  }
}
