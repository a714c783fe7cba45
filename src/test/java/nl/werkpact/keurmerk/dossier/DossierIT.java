package nl.werkpact.keurmerk.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.werkpact.keurmerk.audit.process.KeurmerkAuditProcess;
import nl.werkpact.keurmerk.audit.process.KeurmerkAuditProcess.Elements;
import nl.werkpact.keurmerk.audit.process.KeurmerkAuditProcess.Vars;
import nl.werkpact.keurmerk.convenant.ConvenantService;
import nl.werkpact.keurmerk.employer.EmployerDetails;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.support.EngineRest;
import nl.werkpact.keurmerk.support.IntegrationTest;
import nl.werkpact.keurmerk.support.TasklistApi;
import nl.werkpact.keurmerk.support.TestUsers;
import nl.werkpact.keurmerk.support.Unique;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The employer's dossier: everything about one employer, for accountmanagers, the committee and admins only. */
class DossierIT extends IntegrationTest {

  @Autowired TestRestTemplate rest;
  @Autowired ConvenantService convenants;
  @Autowired RuntimeService runtime;
  @Autowired JdbcClient jdbc;

  @Test
  void anAccountmanagerReadsTheWholeDossierOthersMayNot() {
    TestUsers.ensure(identityService, "itdossieranna", PASSWORD, Groups.ACCOUNTMANAGERS);
    TestUsers.ensure(identityService, "itdossierbram", PASSWORD, Groups.AUDITORS);
    String kvk = Unique.kvk();
    var registration =
        convenants.registerIntent(
            new EmployerDetails(
                "Dossier Drukkerij " + kvk,
                kvk,
                "Kade 1",
                "Maassluis",
                "Els de Wit",
                "els." + kvk + "@dossier.example"),
            ACCOUNTMANAGER,
            null);
    convenants.recordIntake(
        registration.convenantId(), LocalDate.now().minusDays(10), "Wil drie leerwerkplekken.", 3);
    convenants.recordSigning(
        registration.convenantId(), LocalDate.now().minusDays(5), "Els de Wit", null);

    var page =
        rest.withBasicAuth("itdossieranna", PASSWORD).getForEntity("/dossier/" + kvk, String.class);

    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody())
        .contains(
            "Dossier Drukkerij " + kvk,
            "Maassluis",
            "els." + kvk + "@dossier.example",
            "Getekend",
            "Wil drie leerwerkplekken.",
            "Els de Wit",
            "Bevestiging: convenant Sociaal Werkpact getekend door Dossier Drukkerij " + kvk);
    assertThat(page.getHeaders().getFirst("Cache-Control")).isEqualTo("no-store");
    assertThat(
            rest.withBasicAuth("itdossieranna", PASSWORD)
                .getForEntity("/dossier?q=" + kvk, String.class)
                .getBody())
        .contains("/dossier/" + kvk);
    // The Tasklist login of this browser opens the dossier too.
    assertThat(
            TasklistApi.login(rest, "itdossieranna", PASSWORD)
                .getPage("/dossier/" + kvk)
                .getStatusCode()
                .value())
        .isEqualTo(200);

    assertThat(rest.getForEntity("/dossier/" + kvk, String.class).getStatusCode().value())
        .isEqualTo(401);
    var auditor =
        rest.withBasicAuth("itdossierbram", PASSWORD).getForEntity("/dossier/" + kvk, String.class);
    assertThat(auditor.getStatusCode().value()).isEqualTo(403);
    assertThat(auditor.getBody())
        .contains("alleen voor accountmanagers, de keurmerkcommissie en beheerders")
        .doesNotContain("Dossier Drukkerij");
    var unknown =
        rest.withBasicAuth("itdossieranna", PASSWORD)
            .getForEntity("/dossier/00000001", String.class);
    assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    assertThat(unknown.getBody()).contains("Er is geen werkgever met KvK-nummer 00000001 bekend.");
  }

  @Test
  void afterAnAwardTheDossierSpeaksDutchNamesStaffAndShowsAccountmanagerMembershipAndCeremony()
      throws Exception {
    TestUsers.ensure(identityService, "itdossierauditor", PASSWORD, Groups.AUDITORS);
    TestUsers.ensure(identityService, "itdossiercommissie", PASSWORD, Groups.KEURMERKCOMMISSIE);
    String kvk = signedEmployer("Dossier Bakkerij");
    String processInstanceId =
        runtime
            .createMessageCorrelation(KeurmerkAuditProcess.MESSAGE_AUDIT_REQUESTED)
            .tenantId(nl.werkpact.keurmerk.support.TestUsers.REGION)
            .processInstanceBusinessKey(kvk)
            .setVariable(Vars.KVK_NUMBER, kvk)
            .correlateStartMessage()
            .getId();
    var auditor = new EngineRest(rest, "itdossierauditor", PASSWORD);
    complete(
        auditor,
        processInstanceId,
        Elements.TASK_PLAN_AUDIT,
        Map.of(Vars.AUDIT_DATE, LocalDate.now().toString(), Vars.AUDITOR, "itdossierauditor"));
    complete(
        auditor,
        processInstanceId,
        Elements.TASK_PERFORM_AUDIT,
        Map.of(
            Vars.WORKFORCE_SIZE,
            40,
            Vars.TARGET_GROUP_EMPLOYEES,
            4,
            Vars.EXTRA_WORKPLACES,
            2,
            Vars.WORK_EXPERIENCE_PLACES,
            2,
            Vars.SOCIAL_PURCHASING_EUROS,
            1500.50,
            Vars.FINDINGS,
            "Vier mensen uit de doelgroep.",
            Vars.SOCIAL_WORKSHOPS,
            "Stroomopwaarts",
            Vars.PERMANENT_CONTRACTS,
            "3",
            Vars.TRAININGS_FINISHED,
            "8",
            Vars.SNUFFELSTAGES,
            "1.015"));
    // the committee reads every count, the empty ones as 0
    assertThat((String) runtime.getVariable(processInstanceId, Vars.SOCIAL_RETURN))
        .contains(
            "Vaste contracten voor de doelgroep: 3",
            "Opleidingstrajecten gestart: 0",
            "Snuffelstages: 1.015",
            "Bij welk sociaal werkbedrijf ingekocht: Stroomopwaarts");
    complete(
        new EngineRest(rest, "itdossiercommissie", PASSWORD),
        processInstanceId,
        Elements.TASK_COMMITTEE_DECISION,
        Map.of(Vars.FINAL_OUTCOME, "TOEKENNEN"));
    awaitUntil(
        Duration.ofSeconds(60),
        () ->
            jdbc.sql(
                        "SELECT COUNT(*) FROM correspondence WHERE process_instance_id = ? AND status = 'SENT'")
                    .param(processInstanceId)
                    .query(Long.class)
                    .single()
                >= 2);

    String waiting = page(kvk);
    assertThat(waiting)
        .contains(
            "Getekend",
            "Toegekend",
            "Geldig",
            "Verzonden",
            "Test itdossierauditor",
            "Test itdossiercommissie",
            "Test " + ACCOUNTMANAGER,
            "Lopend proces: Uitreiking keurmerk",
            "Gratis lidmaatschap van het Sociaal Economisch Netwerk MVS",
            "HTML voor de website (kopiëren en plakken)",
            "/badge.svg&quot; width=&quot;300&quot; height=&quot;92&quot; alt=&quot;Keurmerk partner in sociaal ondernemen",
            ": loopt.",
            ": nog te plannen.",
            "3 vaste contracten, 8 opleidingen afgerond, 1.015 snuffelstages; ingekocht bij Stroomopwaarts")
        .doesNotContain(
            "SIGNED",
            "AWARDED",
            "ACTIVE",
            ">SENT",
            "TOEKENNEN",
            "KeurmerkAudit",
            "Lopend proces: Keurmerkaudit",
            "door itdossiercommissie",
            "door " + ACCOUNTMANAGER,
            "auditor itdossierauditor");

    LocalDate ceremony = LocalDate.now().plusDays(14);
    complete(
        new EngineRest(rest, ACCOUNTMANAGER, PASSWORD),
        processInstanceId,
        Elements.TASK_PLAN_CEREMONY,
        Map.of(
            Vars.CEREMONY_DATE, ceremony.toString(), Vars.CEREMONY_LOCATION, "Stadhuis Maassluis"));
    String planned = page(kvk);
    assertThat(planned)
        .contains(
            ": gepland op "
                + ceremony.format(DateTimeFormatter.ofPattern("dd-MM-yyyy"))
                + " in Stadhuis Maassluis.")
        .doesNotContain("Lopend proces");
    // kept on the keurmerk too, where Doorlooptijden reads the stage from decision to ceremony
    assertThat(
            jdbc.sql(
                    "SELECT k.ceremony_date FROM keurmerk k JOIN employer e ON e.id = k.employer_id"
                        + " WHERE e.kvk_number = ?")
                .param(kvk)
                .query(LocalDate.class)
                .single())
        .isEqualTo(ceremony);
  }

  @Test
  void theAccountmanagerCorrectsContactDataWithAHistoryAndBadInputIsRefusedInDutch()
      throws Exception {
    String kvk = signedEmployer("Dossier Smederij");
    String dossier = get("/dossier/" + kvk, ACCOUNTMANAGER).body();
    assertThat(dossier)
        .contains("Contactgegevens aanpassen", "De contactgegevens zijn niet gewijzigd.");

    var refused =
        post(
            "/dossier/" + kvk + "/contactgegevens",
            "contactpersoon=Piet+Smid&email=piet+at+smederij&telefoon=010-1234567&token="
                + token(dossier),
            ACCOUNTMANAGER);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("E-mailadres contactpersoon is geen geldig e-mailadres.");
    assertThat(contactChanges(kvk)).isZero();
    assertThat(
            jdbc.sql("SELECT contact_person FROM employer WHERE kvk_number = ?")
                .param(kvk)
                .query(String.class)
                .single())
        .isEqualTo("Els de Wit");

    assertThat(
            post(
                    "/dossier/" + kvk + "/contactgegevens",
                    "contactpersoon=Piet+Smid&email=piet%40smederij.example&telefoon=010-1234567",
                    ACCOUNTMANAGER)
                .statusCode())
        .as("no form token")
        .isEqualTo(403);

    var saved =
        post(
            "/dossier/" + kvk + "/contactgegevens",
            "contactpersoon=Piet+Smid&email=piet%40smederij.example&telefoon=010-1234567&token="
                + token(dossier),
            ACCOUNTMANAGER);
    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(saved.body())
        .contains(
            "De contactgegevens zijn opgeslagen.",
            "Piet Smid (piet@smederij.example, 010-1234567)",
            "Els de Wit → Piet Smid",
            "els." + kvk + "@dossier.example → piet@smederij.example",
            "- → 010-1234567",
            "Test " + ACCOUNTMANAGER);
    assertThat(contactChanges(kvk)).isEqualTo(1);

    TestUsers.ensure(identityService, "itdossiercollega", PASSWORD, Groups.ACCOUNTMANAGERS);
    String colleaguePage = get("/dossier/" + kvk, "itdossiercollega").body();
    assertThat(colleaguePage).doesNotContain("Contactgegevens aanpassen");
    var colleague =
        post(
            "/dossier/" + kvk + "/contactgegevens",
            // this browser's session token: refused for the role, not the token
            "contactpersoon=Aanvaller&email=x%40aanvaller.example&token=" + token(dossier),
            "itdossiercollega");
    assertThat(colleague.statusCode()).isEqualTo(403);
    assertThat(contactChanges(kvk)).isEqualTo(1);
  }

  @Test
  void aBrowserIsSentToTheLoginPageWithoutThePopUpAndComesBackARestClientKeepsBasic()
      throws Exception {
    String kvk = signedEmployer("Dossier Aanmelding");
    var noRedirects = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    var asked =
        noRedirects.send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/dossier/" + kvk + "?x=1"))
                .header("Accept", "text/html,application/xhtml+xml")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(asked.statusCode()).isEqualTo(302);
    assertThat(asked.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(asked.headers().firstValue("Location").orElseThrow())
        .endsWith("/aanmelden?terug=%2Fdossier%2F" + kvk + "%3Fx%3D1");

    var script = rest.getForEntity("/dossier/" + kvk, String.class);
    assertThat(script.getStatusCode().value()).isEqualTo(401);
    assertThat(script.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");

    String login =
        noRedirects
            .send(
                HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/aanmelden?terug=%2F%2Fandere.example"))
                    .header("Accept", "text/html")
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(login).contains("Gebruikersnaam", "Wachtwoord").doesNotContain("andere.example");
    var wrong =
        noRedirects.send(
            form(
                "/aanmelden",
                "gebruiker=" + ACCOUNTMANAGER + "&wachtwoord=fout&token=" + token(login)),
            HttpResponse.BodyHandlers.ofString());
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(wrong.body())
        .contains("Deze gebruikersnaam en dit wachtwoord horen niet bij elkaar.");
    var right =
        noRedirects.send(
            form(
                "/aanmelden",
                "gebruiker="
                    + ACCOUNTMANAGER
                    + "&wachtwoord="
                    + PASSWORD
                    + "&terug=%2Fdossier%2F"
                    + kvk
                    + "&token="
                    + token(wrong.body())),
            HttpResponse.BodyHandlers.ofString());
    assertThat(right.statusCode()).isEqualTo(302);
    assertThat(right.headers().firstValue("Location").orElseThrow()).endsWith("/dossier/" + kvk);
    var dossier =
        noRedirects.send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/dossier/" + kvk))
                .header("Accept", "text/html")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(dossier.statusCode()).isEqualTo(200);
    assertThat(dossier.body()).contains("Dossier Aanmelding " + kvk);
    // Going elsewhere after the login: only to a page of this app.
    var elsewhere =
        noRedirects.send(
            form(
                "/aanmelden",
                "gebruiker="
                    + ACCOUNTMANAGER
                    + "&wachtwoord="
                    + PASSWORD
                    + "&terug=%2F%2Fandere.example&token="
                    + token(dossier.body())),
            HttpResponse.BodyHandlers.ofString());
    assertThat(elsewhere.headers().firstValue("Location").orElseThrow())
        .endsWith("/dossier")
        .doesNotContain("andere.example");

    // Afmelden from the menu: a page with one button; a POST without its token logs nobody out.
    assertThat(dossier.body()).contains("href=\"/afmelden\"");
    String logoutPage =
        noRedirects
            .send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/afmelden"))
                    .header("Accept", "text/html")
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    var forged =
        noRedirects.send(form("/afmelden", "token=0"), HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(stillLoggedIn(noRedirects, kvk)).isTrue();
    var out =
        noRedirects.send(
            form("/afmelden", "token=" + token(logoutPage)), HttpResponse.BodyHandlers.ofString());
    assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/aanmelden?afgemeld");
    assertThat(stillLoggedIn(noRedirects, kvk)).isFalse();
    assertThat(
            noRedirects
                .send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/aanmelden?afgemeld"))
                        .header("Accept", "text/html")
                        .GET()
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body())
        .contains("U bent afgemeld.");
  }

  private boolean stillLoggedIn(HttpClient client, String kvk) throws Exception {
    return client
            .send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/dossier/" + kvk))
                    .header("Accept", "text/html")
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .statusCode()
        == 200;
  }

  private HttpRequest form(String path, String body) {
    return HttpRequest.newBuilder(URI.create(baseUrl() + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "text/html")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([0-9a-f]+)\"");

  private final HttpClient browser =
      HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

  private long contactChanges(String kvk) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM employer_contact_change c JOIN employer e ON e.id = c.employer_id WHERE e.kvk_number = ?")
        .param(kvk)
        .query(Long.class)
        .single();
  }

  private String signedEmployer(String name) {
    String kvk = Unique.kvk();
    var registration =
        convenants.registerIntent(
            new EmployerDetails(
                name + " " + kvk,
                kvk,
                "Kade 1",
                "Maassluis",
                "Els de Wit",
                "els." + kvk + "@dossier.example"),
            ACCOUNTMANAGER,
            null);
    convenants.recordIntake(
        registration.convenantId(), LocalDate.now().minusDays(10), "Wil twee werkplekken.", 2);
    convenants.recordSigning(
        registration.convenantId(), LocalDate.now().minusDays(5), "Els de Wit", null);
    return kvk;
  }

  private String page(String kvk) {
    var page =
        rest.withBasicAuth(ACCOUNTMANAGER, PASSWORD).getForEntity("/dossier/" + kvk, String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    return page.getBody();
  }

  private void complete(
      EngineRest engine, String processInstanceId, String taskKey, Map<String, ?> variables) {
    List<Map<String, Object>> found =
        engine
            .getList(
                "/task?processInstanceIdIn="
                    + String.join(",", withCalledInstances(processInstanceId))
                    + "&taskDefinitionKey="
                    + taskKey)
            .getBody();
    assertThat(found).as("task %s", taskKey).hasSize(1);
    var response =
        engine.post(
            "/task/" + found.get(0).get("id") + "/complete", EngineRest.variables(variables));
    assertThat(response.getStatusCode().is2xxSuccessful())
        .as("complete %s: %s", taskKey, response.getBody())
        .isTrue();
  }

  private static String token(String page) {
    var matcher = TOKEN.matcher(page);
    assertThat(matcher.find()).as("form token on the page").isTrue();
    return matcher.group(1);
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    return browser.send(
        authorized(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET(), user).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String form, String user) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    return browser.send(authorized(request, user).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder authorized(HttpRequest.Builder request, String user) {
    return request.header(
        "Authorization",
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
  }
}
