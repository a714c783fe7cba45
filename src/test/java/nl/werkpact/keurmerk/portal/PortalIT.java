package nl.werkpact.keurmerk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.werkpact.keurmerk.audit.process.KeurmerkAuditProcess;
import nl.werkpact.keurmerk.audit.process.KeurmerkAuditProcess.Elements;
import nl.werkpact.keurmerk.audit.process.KeurmerkAuditProcess.Vars;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.convenant.ContactProposals;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.region.RegionScope;
import nl.werkpact.keurmerk.support.IntegrationTest;
import nl.werkpact.keurmerk.support.MailParts;
import nl.werkpact.keurmerk.support.Records;
import nl.werkpact.keurmerk.support.StaffSession;
import nl.werkpact.keurmerk.support.TestUsers;
import nl.werkpact.keurmerk.support.Unique;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Mijn keurmerk: the link mailed to the saved contact address signs in once; the page shows the employer's own
 * records only; the renewal audit is asked for there inside the window and told to the accountmanager; new contact
 * data wait for the accountmanager. Hostile routes: an unknown KvK number or address answered like a known one, a
 * reused or expired link, another employer's certificate, a renewal outside the window, a form without the page's
 * token or from another site, a flood of requests from one source.
 */
class PortalIT extends IntegrationTest {

  private static final Pattern LINK = Pattern.compile("mijn-keurmerk/link\\?code=([0-9a-f]{64})");
  private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([0-9a-f]{64})\"");

  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;
  @Autowired ContactProposals proposals;
  @Autowired TaskService tasks;

  private static final String AUDITOR = "itportaalauditor";

  /** A browser of the employer: it keeps its cookies. */
  private HttpClient browser = newBrowser();

  private static HttpClient newBrowser() {
    return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  }

  private record Holder(long id, String kvk, String email, String name, String number) {}

  /** Every test its own source: the per-source limit counts this machine's address. */
  @BeforeEach
  void freshSource() {
    RegionScope.in(
        RegionScope.ALL,
        () -> jdbc.sql("UPDATE employer_sign_in SET source_hash = 'test-oud'").update());
  }

  /** A holder whose keurmerk is valid until {@code until}, with its accountmanager. */
  private Holder holder(LocalDate until) {
    var records = new Records(jdbc);
    LocalDate today = LocalDate.now(Dates.AMSTERDAM);
    String name = "Portaalbedrijf " + Unique.suffix();
    long employer = records.employer(name, "Vlaardingen");
    records.convenant(employer, today.minusYears(3), today.minusYears(3).plusMonths(1));
    jdbc.sql("UPDATE convenant SET registered_by = ? WHERE employer_id = ?")
        .params(ACCOUNTMANAGER, employer)
        .update();
    LocalDate from = until.minusYears(2).plusDays(1);
    long audit = records.audit(employer, from.minusMonths(1), "AWARDED", from, null, 1, 1, null);
    String number = "SW-2093-" + Unique.serial();
    records.keurmerk(employer, audit, number, from, until, "ACTIVE", null);
    return new Holder(
        employer, records.kvkNumber(employer), records.contactEmail(employer), name, number);
  }

  private HttpResponse<String> post(String path, String site, String... fields) throws Exception {
    List<String> form = new ArrayList<>();
    for (int i = 0; i < fields.length; i += 2) {
      form.add(fields[i] + "=" + URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
    }
    return browser.send(
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .header("Accept", "text/html")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Sec-Fetch-Site", site)
            .POST(HttpRequest.BodyPublishers.ofString(String.join("&", form)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return browser.send(
        HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Accept", "text/html").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> askLink(String kvk, String email) throws Exception {
    return post("/mijn-keurmerk/inloggen", "same-origin", "kvk", kvk, "email", email);
  }

  private String linkCode(String email) throws Exception {
    var matcher = LINK.matcher(MailParts.text(awaitMailTo(email)));
    assertThat(matcher.find()).as("sign-in link in the e-mail").isTrue();
    return matcher.group(1);
  }

  /** Asks for a link, opens it and presses the button: the employer's page. */
  private String signIn(Holder holder) throws Exception {
    askLink(holder.kvk(), holder.email());
    String code = linkCode(holder.email());
    assertThat(post("/mijn-keurmerk/link", "same-origin", "code", code).statusCode())
        .isEqualTo(302);
    var page = get("/mijn-keurmerk");
    assertThat(page.statusCode()).isEqualTo(200);
    return page.body();
  }

  private static String token(String page) {
    var matcher = TOKEN.matcher(page);
    assertThat(matcher.find()).as("the page's form token").isTrue();
    return matcher.group(1);
  }

  private static String done(String page) {
    var matcher = Pattern.compile("<p role=\"status\">([^<]*)</p>").matcher(page);
    return matcher.find() ? matcher.group(1) : null;
  }

  private long runningAudits(String kvk) {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(KeurmerkAuditProcess.PROCESS_KEY)
        .processInstanceBusinessKey(kvk)
        .count();
  }

  @Test
  void theMailedLinkSignsInOnceAndTheHolderAsksForTheRenewalAuditWhichItsAccountmanagerIsToldOf()
      throws Exception {
    Holder holder = holder(LocalDate.now(Dates.AMSTERDAM).plusDays(60));

    var asked = askLink(holder.kvk(), holder.email().toUpperCase(java.util.Locale.ROOT));
    assertThat(asked.statusCode()).isEqualTo(200);
    assertThat(done(asked.body()))
        .startsWith("Als dit KvK-nummer en dit e-mailadres bij ons bekend");
    String code = linkCode(holder.email());

    var linkPage = get("/mijn-keurmerk/link?code=" + code);
    assertThat(linkPage.statusCode()).isEqualTo(200);
    assertThat(linkPage.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    assertThat(linkPage.body()).contains("U logt in voor " + holder.name());
    assertThat(get("/mijn-keurmerk").body())
        .as("opening the link (a mail scanner) signs no one in")
        .contains("Stuur mij een link");

    assertThat(post("/mijn-keurmerk/link", "same-origin", "code", code).statusCode())
        .isEqualTo(302);
    String page = get("/mijn-keurmerk").body();
    assertThat(page)
        .contains("Mijn keurmerk: " + holder.name())
        .contains(holder.number())
        .contains("Vraag de verlengingsaudit aan")
        .contains("Uw link om in te loggen op Mijn keurmerk");

    var certificate =
        browser.send(
            HttpRequest.newBuilder(
                    URI.create(baseUrl() + "/mijn-keurmerk/certificaat/" + holder.number()))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(certificate.statusCode()).isEqualTo(200);
    assertThat(certificate.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/pdf");
    assertThat(new String(certificate.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

    var renewed = post("/mijn-keurmerk/verlengen", "same-origin", "token", token(page));
    assertThat(renewed.statusCode()).isEqualTo(200);
    assertThat(done(renewed.body())).startsWith("U hebt de verlengingsaudit aangevraagd.");
    var audit =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(KeurmerkAuditProcess.PROCESS_KEY)
            .processInstanceBusinessKey(holder.kvk())
            .singleResult();
    assertThat(audit.getTenantId()).isEqualTo(TestUsers.REGION);
    long renewalOf =
        jdbc.sql(
                "SELECT k.id FROM audit a JOIN keurmerk k ON k.id = a.renewal_of_keurmerk_id WHERE a.process_instance_id = ?")
            .param(audit.getId())
            .query(Long.class)
            .single();
    assertThat(renewalOf).isPositive();
    assertThat(
            jdbc.sql(
                    "SELECT recipient FROM correspondence WHERE template = 'renewal-requested-accountmanager' AND process_instance_id = ?")
                .param(audit.getId())
                .query(String.class)
                .list())
        .containsExactly(ACCOUNTMANAGER + "@werkpact.example");

    var again = post("/mijn-keurmerk/verlengen", "same-origin", "token", token(renewed.body()));
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("loopt al een audit");
    assertThat(runningAudits(holder.kvk())).isOne();

    browser = newBrowser();
    var reused = post("/mijn-keurmerk/link", "same-origin", "code", code);
    assertThat(reused.statusCode()).as("a used link").isEqualTo(410);
    assertThat(get("/mijn-keurmerk/link?code=" + code).statusCode()).isEqualTo(410);
  }

  @Test
  void anUnknownNumberOrAddressGetsTheSameAnswerAndNoMailWhileTheKnownOneGetsItsLink()
      throws Exception {
    Holder holder = holder(LocalDate.now(Dates.AMSTERDAM).plusMonths(10));
    String stranger = "vreemde." + holder.kvk() + "@elders.example";

    String known = done(askLink(holder.kvk(), holder.email()).body());
    String wrongAddress = done(askLink(holder.kvk(), stranger).body());
    String unknownKvk = done(askLink(Unique.kvk(), holder.email()).body());

    assertThat(known).isNotNull();
    assertThat(wrongAddress).isEqualTo(known);
    assertThat(unknownKvk).isEqualTo(known);
    linkCode(holder.email());
    assertThat(
            RegionScope.in(
                RegionScope.ALL,
                () ->
                    jdbc.sql("SELECT COUNT(*) FROM correspondence WHERE recipient = ?")
                        .param(stranger)
                        .query(Long.class)
                        .single()))
        .isZero();
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM correspondence WHERE recipient = ? AND template = 'employer-sign-in'")
                .param(holder.email())
                .query(Long.class)
                .single())
        .as("one link, for the request that named both")
        .isOne();

    var bad = askLink("1234", "geen-adres");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("KvK-nummer moet uit 8 cijfers bestaan");
  }

  @Test
  void anExpiredOrGuessedLinkSignsNoOneIn() throws Exception {
    Holder holder = holder(LocalDate.now(Dates.AMSTERDAM).plusMonths(10));
    askLink(holder.kvk(), holder.email());
    String code = linkCode(holder.email());
    RegionScope.in(
        RegionScope.ALL,
        () ->
            jdbc.sql("UPDATE employer_sign_in SET expires_at = ? WHERE employer_id = ?")
                .params(OffsetDateTime.now().minusMinutes(1), holder.id())
                .update());

    assertThat(post("/mijn-keurmerk/link", "same-origin", "code", code).statusCode())
        .isEqualTo(410);
    assertThat(post("/mijn-keurmerk/link", "same-origin", "code", "0".repeat(64)).statusCode())
        .isEqualTo(410);
    assertThat(post("/mijn-keurmerk/link", "same-origin", "code", "' OR 1=1 --").statusCode())
        .isEqualTo(410);
    assertThat(get("/mijn-keurmerk").body()).contains("Stuur mij een link");
  }

  @Test
  void theSignedInEmployerSeesOnlyItsOwnRecordsAndNoOtherEmployersCertificate() throws Exception {
    Holder mine = holder(LocalDate.now(Dates.AMSTERDAM).plusMonths(10));
    Holder other = holder(LocalDate.now(Dates.AMSTERDAM).plusMonths(11));

    String page = signIn(mine);

    assertThat(page).contains(mine.number()).doesNotContain(other.number(), other.name());
    var certificate = get("/mijn-keurmerk/certificaat/" + other.number());
    assertThat(certificate.statusCode()).isEqualTo(404);
    assertThat(certificate.body()).contains("Er is geen geldig keurmerk met dit nummer op uw naam");

    browser = newBrowser();
    assertThat(get("/mijn-keurmerk/certificaat/" + mine.number()).statusCode())
        .as("without signing in")
        .isEqualTo(401);
  }

  @Test
  void aRenewalOutsideTheWindowOrWithoutThePagesTokenStartsNothing() throws Exception {
    LocalDate until = LocalDate.now(Dates.AMSTERDAM).plusMonths(20);
    Holder holder = holder(until);

    String page = signIn(holder);
    assertThat(page)
        .contains("de verlengingsaudit kan vanaf")
        .doesNotContain("Vraag de verlengingsaudit aan");

    var outside = post("/mijn-keurmerk/verlengen", "same-origin", "token", token(page));
    assertThat(outside.statusCode()).isEqualTo(400);
    assertThat(outside.body()).contains("de verlengingsaudit kan vanaf");

    var withoutToken = post("/mijn-keurmerk/verlengen", "same-origin");
    assertThat(withoutToken.statusCode()).isEqualTo(403);
    var crossSite = post("/mijn-keurmerk/verlengen", "cross-site", "token", token(page));
    assertThat(crossSite.statusCode()).isEqualTo(403);
    assertThat(runningAudits(holder.kvk())).isZero();
  }

  @Test
  void newContactDataWaitForTheAccountmanagerWhoTakesThemOverInTheDossier() throws Exception {
    Holder holder = holder(LocalDate.now(Dates.AMSTERDAM).plusMonths(10));
    String page = signIn(holder);
    String newEmail = "nieuw." + holder.kvk() + "@portaal.example";

    var bad =
        post(
            "/mijn-keurmerk/contactgegevens",
            "same-origin",
            "token",
            token(page),
            "contactpersoon",
            "Femke Bakker",
            "email",
            "geen-adres",
            "telefoon",
            "");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(proposals.open(holder.id())).isEmpty();

    var proposed =
        post(
            "/mijn-keurmerk/contactgegevens",
            "same-origin",
            "token",
            token(page),
            "contactpersoon",
            "Femke Bakker",
            "email",
            newEmail,
            "telefoon",
            "010-1234567");
    assertThat(proposed.statusCode()).isEqualTo(200);
    assertThat(done(proposed.body())).startsWith("Dank u. Uw accountmanager bekijkt");
    assertThat(new Records(jdbc).contactEmail(holder.id()))
        .as("nothing changes before the accountmanager accepts")
        .isEqualTo(holder.email());
    var proposal = proposals.open(holder.id()).orElseThrow();

    var staff = new StaffSession(baseUrl(), ACCOUNTMANAGER, PASSWORD);
    assertThat(staff.get("/dossier/" + holder.kvk()).body())
        .contains("Voorstel van de werkgever")
        .contains(newEmail);
    var accepted =
        staff.post(
            "/dossier/" + holder.kvk() + "/contactvoorstel",
            "voorstel",
            Long.toString(proposal.id()),
            "besluit",
            "overnemen");
    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(accepted.body()).contains("De voorgestelde contactgegevens zijn overgenomen.");
    assertThat(new Records(jdbc).contactEmail(holder.id())).isEqualTo(newEmail);
    assertThat(
            jdbc.sql(
                    "SELECT changed_by FROM employer_contact_change WHERE employer_id = ? AND new_contact_email = ?")
                .params(holder.id(), newEmail)
                .query(String.class)
                .list())
        .containsExactly(ACCOUNTMANAGER);

    var twice =
        staff.post(
            "/dossier/" + holder.kvk() + "/contactvoorstel",
            "voorstel",
            Long.toString(proposal.id()),
            "besluit",
            "afwijzen");
    assertThat(twice.statusCode()).isEqualTo(409);
  }

  @Test
  void aFloodOfLinkRequestsFromOneSourceIsRefusedForKnownAndUnknownAlike() throws Exception {
    for (int i = 0; i < EmployerSignIns.PER_SOURCE_PER_HOUR; i++) {
      assertThat(askLink(Unique.kvk(), "vloed" + i + "@elders.example").statusCode())
          .isEqualTo(200);
    }
    Holder holder = holder(LocalDate.now(Dates.AMSTERDAM).plusMonths(10));

    var refused = askLink(holder.kvk(), holder.email());

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.body()).contains("Probeer het over een uur opnieuw");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM correspondence WHERE recipient = ?")
                .param(holder.email())
                .query(Long.class)
                .single())
        .isZero();
    assertThat(post("/mijn-keurmerk/inloggen", "cross-site", "kvk", holder.kvk()).statusCode())
        .isEqualTo(403);
  }

  /** Completes the audit's task as the auditor, through the engine's checks of that user. */
  private void completeAsAuditor(
      String processInstanceId, String taskKey, Map<String, Object> vars) {
    var task =
        tasks
            .createTaskQuery()
            .processInstanceId(processInstanceId)
            .taskDefinitionKey(taskKey)
            .singleResult();
    identityService.setAuthentication(AUDITOR, List.of(Groups.AUDITORS), List.of(TestUsers.REGION));
    try {
      tasks.complete(task.getId(), vars);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private HttpResponse<String> prepare(String token, String workforce) throws Exception {
    return post(
        "/mijn-keurmerk/cijfers",
        "same-origin",
        "token",
        token,
        Vars.WORKFORCE_SIZE,
        workforce,
        Vars.TARGET_GROUP_EMPLOYEES,
        "120",
        Vars.EXTRA_WORKPLACES,
        "3",
        Vars.WORK_EXPERIENCE_PLACES,
        "4",
        Vars.SOCIAL_PURCHASING_EUROS,
        "9.999,99",
        Vars.SOCIAL_WORKSHOPS,
        "Patijnenburg",
        Vars.TRAININGS_FINISHED,
        "2",
        "activiteiten",
        "Open dag voor werkzoekenden");
  }

  private Integer draftWorkforce(String processInstanceId) {
    return jdbc.sql(
            "SELECT d.workforce_size FROM audit_figures_draft d JOIN audit a ON a.id = d.audit_id WHERE a.process_instance_id = ?")
        .param(processInstanceId)
        .query(Integer.class)
        .optional()
        .orElse(null);
  }

  @Test
  void figuresPreparedForThePlannedAuditFillTheAuditorsFormAndCannotChangeOnceItIsPerformed()
      throws Exception {
    TestUsers.ensure(identityService, AUDITOR, PASSWORD, Groups.AUDITORS);
    Holder holder = holder(LocalDate.now(Dates.AMSTERDAM).plusDays(60));
    String page = signIn(holder);
    var renewed = post("/mijn-keurmerk/verlengen", "same-origin", "token", token(page));
    String instance =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(KeurmerkAuditProcess.PROCESS_KEY)
            .processInstanceBusinessKey(holder.kvk())
            .singleResult()
            .getId();
    assertThat(renewed.body()).doesNotContain("Uw cijfers voor de audit");
    assertThat(prepare(token(page), "2.000").statusCode())
        .as("not before the audit is planned")
        .isEqualTo(409);

    completeAsAuditor(
        instance,
        Elements.TASK_PLAN_AUDIT,
        Map.of(Vars.AUDIT_DATE, LocalDate.now(Dates.AMSTERDAM).toString(), Vars.AUDITOR, AUDITOR));
    page = get("/mijn-keurmerk").body();
    assertThat(page).contains("Uw cijfers voor de audit");

    var unreadable = prepare(token(page), "2,5");
    assertThat(unreadable.statusCode()).isEqualTo(400);
    assertThat(unreadable.body()).contains("Totaal aantal medewerkers is geen geheel getal");
    assertThat(draftWorkforce(instance)).isNull();

    var saved = prepare(token(page), "2.000");
    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(done(saved.body())).startsWith("Dank u. De auditor ziet uw cijfers");
    assertThat(saved.body()).contains("value=\"2000\"").contains("Open dag voor werkzoekenden");
    var form = runtime.getVariables(instance);
    assertThat(form)
        .containsEntry(Vars.WORKFORCE_SIZE, "2000")
        .containsEntry(Vars.SOCIAL_PURCHASING_EUROS, "9999,99")
        .containsEntry(Vars.TRAININGS_FINISHED, "2")
        .containsEntry(Vars.SOCIAL_WORKSHOPS, "Patijnenburg");
    assertThat((String) form.get(Vars.EMPLOYER_DRAFT))
        .contains("2.000 medewerkers")
        .contains("Open dag voor werkzoekenden");

    // the auditor corrects one figure and confirms the rest
    completeAsAuditor(
        instance,
        Elements.TASK_PERFORM_AUDIT,
        Map.of(Vars.WORKFORCE_SIZE, "1.950", Vars.FINDINGS, "Cijfers gecontroleerd."));
    var confirmed =
        jdbc.sql(
                "SELECT workforce_size, target_group_employees, trainings_finished, performed_by FROM audit WHERE process_instance_id = ?")
            .param(instance)
            .query()
            .singleRow();
    assertThat(confirmed)
        .containsEntry("workforce_size", 1950)
        .containsEntry("target_group_employees", 120)
        .containsEntry("trainings_finished", 2)
        .containsEntry("performed_by", AUDITOR);
    assertThat(draftWorkforce(instance)).as("the employer's version is kept").isEqualTo(2000);

    var after = prepare(token(page), "5.000");
    assertThat(after.statusCode()).isEqualTo(409);
    assertThat(after.body()).contains("de auditor heeft de cijfers al vastgesteld");
    assertThat(draftWorkforce(instance)).isEqualTo(2000);
    assertThat(
            new StaffSession(baseUrl(), ACCOUNTMANAGER, PASSWORD)
                .get("/dossier/" + holder.kvk())
                .body())
        .contains("vooraf door de werkgever opgegeven op Mijn keurmerk");
  }

  @Test
  void aBurstFromOneSourceGetsExactlyItsLimitWhateverArrivesAtOnce() throws Exception {
    int requests = 3 * EmployerSignIns.PER_SOURCE_PER_HOUR;
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < requests; i++) {
        String kvk = Unique.kvk();
        answers.add(
            pool.submit(
                () -> askLink(kvk, "gelijktijdig." + kvk + "@elders.example").statusCode()));
      }
      List<Integer> statuses = new ArrayList<>();
      for (var answer : answers) {
        statuses.add(answer.get());
      }
      assertThat(statuses.stream().filter(s -> s == 200).count())
          .isEqualTo(EmployerSignIns.PER_SOURCE_PER_HOUR);
      assertThat(statuses.stream().filter(s -> s == 429).count())
          .isEqualTo(requests - EmployerSignIns.PER_SOURCE_PER_HOUR);
    } finally {
      pool.shutdown();
    }
  }
}
