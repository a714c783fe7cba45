package nl.werkpact.keurmerk.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.region.RegionScope;
import nl.werkpact.keurmerk.support.IntegrationTest;
import nl.werkpact.keurmerk.support.MailParts;
import nl.werkpact.keurmerk.support.TestUsers;
import nl.werkpact.keurmerk.support.Unique;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The intent registered online: nothing starts until the link mailed to the address is confirmed, once; then the
 * Convenant runs with the intake at the region's accountmanagers. Hostile routes: a reused or expired link, a guessed
 * code, a known KvK number answered like an unknown one, a flood from one source, a form from another site.
 */
class OnlineIntentIT extends IntegrationTest {

  private static final Pattern LINK = Pattern.compile("bevestigen\\?code=([0-9a-f]{64})");

  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  private final HttpClient client = HttpClient.newHttpClient();

  private HttpResponse<String> post(String path, String source, String... fields) throws Exception {
    List<String> form = new ArrayList<>();
    for (int i = 0; i < fields.length; i += 2) {
      form.add(fields[i] + "=" + URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
    }
    var request =
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .header("Accept", "text/html")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Sec-Fetch-Site", source)
            .POST(HttpRequest.BodyPublishers.ofString(String.join("&", form)));
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Accept", "text/html").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> register(String kvk, String email) throws Exception {
    return post(
        "/partner-worden/" + TestUsers.REGION + "/aanmelden",
        "same-origin",
        "naam",
        "Aanmeldbedrijf " + kvk,
        "kvk",
        kvk,
        "adres",
        "Havenstraat 1",
        "gemeente",
        "Vlaardingen",
        "contactpersoon",
        "Sanne de Boer",
        "email",
        email);
  }

  private String code(String email) throws Exception {
    var matcher = LINK.matcher(MailParts.text(awaitMailTo(email)));
    assertThat(matcher.find()).as("confirmation link in the e-mail").isTrue();
    return matcher.group(1);
  }

  private long employers(String kvk) {
    return RegionScope.in(
        RegionScope.ALL,
        () ->
            jdbc.sql("SELECT COUNT(*) FROM employer WHERE kvk_number = ?")
                .param(kvk)
                .query(Long.class)
                .single());
  }

  /** Every test its own source address: the per-source limit counts the network address the test's requests use. */
  private void freshSource() {
    RegionScope.in(
        RegionScope.ALL,
        () -> jdbc.sql("UPDATE intent_request SET source_hash = 'test-oud'").update());
  }

  @Test
  void nothingStartsUntilTheLinkIsConfirmedOnceThenTheIntakeWaitsForTheAccountmanagers()
      throws Exception {
    freshSource();
    String kvk = Unique.kvk();
    String email = "sanne." + kvk + "@aanmelding.example";

    var registered = register(kvk, email);

    assertThat(registered.statusCode()).isEqualTo(200);
    assertThat(registered.body()).contains("Wij hebben een e-mail gestuurd naar " + email);
    String code = code(email);
    assertThat(employers(kvk)).as("nothing stored as employer before the confirmation").isZero();
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(kvk).count())
        .isZero();

    var page = get("/partner-worden/bevestigen?code=" + code);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    assertThat(page.body()).contains("Bevestig mijn aanmelding");
    assertThat(employers(kvk)).as("opening the link (a mail scanner) confirms nothing").isZero();

    var confirmed = post("/partner-worden/bevestigen", "same-origin", "code", code);
    assertThat(confirmed.statusCode()).isEqualTo(200);
    assertThat(confirmed.body()).contains("Uw aanmelding is bevestigd.");
    assertThat(employers(kvk)).isOne();
    var instance =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(ConvenantProcess.PROCESS_KEY)
            .processInstanceBusinessKey(kvk)
            .singleResult();
    assertThat(instance).isNotNull();
    assertThat(instance.getTenantId()).isEqualTo(TestUsers.REGION);
    var intake = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(intake.getTaskDefinitionKey()).isEqualTo(ConvenantProcess.Elements.TASK_INTAKE);
    assertThat(
            tasks.getIdentityLinksForTask(intake.getId()).stream()
                .anyMatch(l -> Groups.ACCOUNTMANAGERS.equals(l.getGroupId())))
        .isTrue();

    // the link works once
    var again = post("/partner-worden/bevestigen", "same-origin", "code", code);
    assertThat(again.statusCode()).isEqualTo(410);
    assertThat(again.body()).contains("verlopen of al gebruikt");
    assertThat(get("/partner-worden/bevestigen?code=" + code).statusCode()).isEqualTo(410);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(kvk).count())
        .isOne();
  }

  @Test
  void anExpiredOrGuessedLinkStartsNothingAndAKnownKvkIsAnsweredAsAnUnknownOne() throws Exception {
    freshSource();
    String kvk = Unique.kvk();
    String email = "laat." + kvk + "@aanmelding.example";
    register(kvk, email);
    String code = code(email);
    RegionScope.in(
        RegionScope.ALL,
        () ->
            jdbc.sql(
                    "UPDATE intent_request SET expires_at = requested_at - INTERVAL '1' MINUTE WHERE kvk_number = ?")
                .param(kvk)
                .update());

    var expired = post("/partner-worden/bevestigen", "same-origin", "code", code);
    var guessed = post("/partner-worden/bevestigen", "same-origin", "code", "0".repeat(64));
    var garbage = post("/partner-worden/bevestigen", "same-origin", "code", "' OR 1=1 --");

    assertThat(expired.statusCode()).isEqualTo(410);
    assertThat(guessed.statusCode()).isEqualTo(410);
    assertThat(garbage.statusCode()).isEqualTo(410);
    assertThat(employers(kvk)).isZero();

    // the same KvK number again (known now as a request) and a new one: the same answer
    String other = Unique.kvk();
    var known = register(kvk, "ander." + kvk + "@aanmelding.example");
    var unknown = register(other, "ander." + kvk + "@aanmelding.example");
    assertThat(known.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(200);
    assertThat(known.body().replace(kvk, "X").replace(other, "X"))
        .isEqualTo(unknown.body().replace(kvk, "X").replace(other, "X"));
  }

  @Test
  void aFloodFromOneSourceAFormFromAnotherSiteAndBadDetailsAreRefused() throws Exception {
    freshSource();
    long before = requests();
    var refused =
        post(
            "/partner-worden/" + TestUsers.REGION + "/aanmelden",
            "same-origin",
            "naam",
            "",
            "kvk",
            "1234",
            "adres",
            "Kade 2",
            "gemeente",
            "Amsterdam",
            "contactpersoon",
            "Piet",
            "email",
            "geen-adres");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("Naam werkgever is verplicht.")
        .contains("KvK-nummer moet uit precies 8 cijfers bestaan.")
        .contains("E-mailadres contactpersoon is geen geldig e-mailadres.")
        .contains("value=\"Kade 2\"");
    var otherSite =
        post(
            "/partner-worden/" + TestUsers.REGION + "/aanmelden",
            "cross-site",
            "naam",
            "X",
            "kvk",
            Unique.kvk(),
            "adres",
            "A",
            "gemeente",
            "Vlaardingen",
            "contactpersoon",
            "P",
            "email",
            "p@aanmelding.example");
    assertThat(otherSite.statusCode()).isEqualTo(403);
    assertThat(requests()).isEqualTo(before);

    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String kvk = Unique.kvk();
      statuses.add(register(kvk, "vloed" + i + "." + kvk + "@aanmelding.example").statusCode());
    }
    assertThat(statuses.subList(0, 5)).containsOnly(200);
    assertThat(statuses.subList(5, 8)).containsOnly(429);
    assertThat(requests()).isEqualTo(before + 5);
  }

  private long requests() {
    return RegionScope.in(
        RegionScope.ALL,
        () -> jdbc.sql("SELECT COUNT(*) FROM intent_request").query(Long.class).single());
  }
}
