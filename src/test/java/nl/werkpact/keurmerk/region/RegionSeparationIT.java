package nl.werkpact.keurmerk.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess.Vars;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.keurmerk.KeurmerkRepository;
import nl.werkpact.keurmerk.models.RegionOnboarding;
import nl.werkpact.keurmerk.support.EngineRest;
import nl.werkpact.keurmerk.support.IntegrationTest;
import nl.werkpact.keurmerk.support.Intents;
import nl.werkpact.keurmerk.support.Records;
import nl.werkpact.keurmerk.support.TestUsers;
import nl.werkpact.keurmerk.support.Unique;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two regions in one installation: MVS (the first) and a second one made as an admin makes it, with MVS's models. A
 * member of staff of one region gets nothing of the other by any id, through the app's pages, its CSV, the app's REST
 * resources or Camunda's REST API (Tasklist's); the public register shows both, each with its region.
 */
class RegionSeparationIT extends IntegrationTest {

  static final String SECOND = "itzuid";
  static final String SECOND_ACCOUNTMANAGER = "itzuidanna";

  @Autowired RegionOnboarding onboarding;
  @Autowired Regions regions;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired KeurmerkRepository keurmerken;
  @Autowired nl.werkpact.keurmerk.mail.MailTemplates mailTemplates;
  @Autowired nl.werkpact.keurmerk.mail.MailOutbox outbox;
  @Autowired org.springframework.transaction.PlatformTransactionManager transactionManager;

  private String mvsKvk;
  private String mvsName;
  private String mvsNumber;

  @BeforeEach
  void twoRegions() {
    ensureSecondRegion(onboarding, regions);
    TestUsers.ensure(
        identityService, SECOND_ACCOUNTMANAGER, PASSWORD, Groups.ACCOUNTMANAGERS, SECOND);
    int n = Unique.suffix();
    var records = new Records(jdbc);
    mvsName = "Alleen MVS " + n;
    long employer = records.employer(mvsName, "Schiedam");
    mvsKvk = records.kvkNumber(employer);
    LocalDate today = LocalDate.now();
    records.convenant(employer, today.minusYears(1), today.minusMonths(11));
    long audit =
        records.audit(
            employer, today.minusMonths(2), "AWARDED", today.minusMonths(1), null, 1, 1, null);
    mvsNumber = "SW-2099-" + Unique.serial();
    // ending within two months: on the dashboard's list of keurmerken that end soon
    records.keurmerk(
        employer, audit, mvsNumber, today.minusDays(670), today.plusDays(60), "ACTIVE", null);
  }

  /** The second region of the tests, Sociaal Werkpact Zuid, made once with MVS's models. */
  static void ensureSecondRegion(RegionOnboarding onboarding, Regions regions) {
    synchronized (RegionSeparationIT.class) {
      if (regions.find(SECOND).isEmpty()) {
        onboarding.create(
            new RegionOnboarding.NewRegion(
                SECOND,
                "Sociaal Werkpact Zuid",
                "ZU",
                List.of("Naaldwijk", "Monster"),
                "Werkpact Zuid <keurmerk@zuid.example>",
                "Werkgeversservicepunt Zuid",
                "0174 000 000",
                "wsp@zuid.example",
                null,
                "het Zuidelijk Netwerk"),
            TestUsers.REGION);
      }
    }
  }

  private String html(String path) {
    var headers = new org.springframework.http.HttpHeaders();
    headers.setAccept(List.of(org.springframework.http.MediaType.TEXT_HTML));
    return rest.exchange(
            path,
            org.springframework.http.HttpMethod.GET,
            new org.springframework.http.HttpEntity<>(headers),
            String.class)
        .getBody();
  }

  @Test
  void theSecondRegionHasItsOwnModelsTenantAndNumbers() {
    assertThat(
            repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(ConvenantProcess.PROCESS_KEY)
                .tenantIdIn(SECOND)
                .count())
        .isPositive();
    assertThat(
            repository
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey("KeurmerkCriteria")
                .tenantIdIn(SECOND)
                .count())
        .isPositive();
    assertThat(RegionScope.in(SECOND, keurmerken::numberPrefix)).isEqualTo("ZU");
    // its e-mails name its own Werkgeversservicepunt
    Map<String, Object> model =
        Map.of(
            "employerName", "Kas Westerlee",
            "contactPerson", "Wim",
            "kvkNumber", "47000001",
            "signedDate", "2 december 2026",
            "signedBy", "Wim");
    String zuid =
        RegionScope.in(
                SECOND,
                () ->
                    mailTemplates.render(
                        nl.werkpact.keurmerk.convenant.ConvenantService.MAIL_CONVENANT_SIGNED,
                        model))
            .text();
    assertThat(zuid).contains("Werkgeversservicepunt Zuid").contains("0174 000 000");
    String mvs =
        RegionScope.in(
                TestUsers.REGION,
                () ->
                    mailTemplates.render(
                        nl.werkpact.keurmerk.convenant.ConvenantService.MAIL_CONVENANT_SIGNED,
                        model))
            .text();
    assertThat(mvs).contains("Werkgeversservicepunt Maassluis").doesNotContain("Zuid");
    // and the network its holders join for their free year, in the subject too
    Map<String, Object> membership =
        Map.of(
            "employerName", "Kas Westerlee",
            "contactPerson", "Wim",
            "membershipUntil", "2 december 2027",
            "keurmerkNumber", "ZU-2026-0001",
            "validUntil", "2 december 2028");
    var zuidMembership =
        RegionScope.in(SECOND, () -> mailTemplates.render("membership-reminder", membership));
    assertThat(zuidMembership.subject()).contains("het Zuidelijk Netwerk").doesNotContain("MVS");
    assertThat(zuidMembership.text() + zuidMembership.html())
        .contains("lidmaatschap van het Zuidelijk Netwerk")
        .doesNotContain("MVS");
    var mvsMembership =
        RegionScope.in(
            TestUsers.REGION, () -> mailTemplates.render("membership-reminder", membership));
    assertThat(mvsMembership.html()).contains("het Sociaal Economisch Netwerk MVS");
    // and come from its own sender
    String recipient = "kas." + Unique.suffix() + "@zuid.example";
    RegionScope.run(
        SECOND,
        () ->
            new org.springframework.transaction.support.TransactionTemplate(transactionManager)
                .executeWithoutResult(
                    status ->
                        outbox.enqueue(
                            new nl.werkpact.keurmerk.mail.MailRequest(
                                nl.werkpact.keurmerk.convenant.ConvenantService
                                    .MAIL_CONVENANT_SIGNED,
                                recipient,
                                model,
                                "CONVENANT",
                                0,
                                null,
                                "it-zuid-sender:" + recipient))));
    try {
      assertThat(awaitMailTo(recipient).getFrom()[0].toString()).contains("keurmerk@zuid.example");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    assertThat(RegionScope.in(TestUsers.REGION, keurmerken::numberPrefix)).isEqualTo("SW");
  }

  @Test
  void staffOfTheSecondRegionGetNothingOfTheFirstByAnyRoute() {
    // MVS's own intent, with its intake in Tasklist
    String mvsIntent =
        Intents.start(
            new EngineRest(rest, ACCOUNTMANAGER, PASSWORD), "MVS Intentie " + mvsKvk, Unique.kvk());
    String mvsTask = Intents.intake(tasks, mvsIntent).getId();
    var zuid = rest.withBasicAuth(SECOND_ACCOUNTMANAGER, PASSWORD);

    // the app's pages and CSV
    assertThat(zuid.getForEntity("/dossier/" + mvsKvk, String.class).getStatusCode().value())
        .isEqualTo(404);
    assertThat(zuid.getForEntity("/dossier?q=" + mvsKvk, String.class).getBody())
        .doesNotContain(mvsName);
    assertThat(
            zuid.getForEntity("/dossier/" + mvsKvk + "/certificaat/" + mvsNumber, String.class)
                .getStatusCode()
                .value())
        .isIn(403, 404);
    assertThat(zuid.getForEntity("/dashboard/per-gemeente.csv", String.class).getBody())
        .doesNotContain("Schiedam");
    assertThat(zuid.getForEntity("/dashboard/verloopt.csv", String.class).getBody())
        .doesNotContain(mvsName);
    assertThat(
            rest.withBasicAuth(ACCOUNTMANAGER, PASSWORD)
                .getForEntity("/dashboard/verloopt.csv", String.class)
                .getBody())
        .contains(mvsName);
    // Camunda's REST API, as Tasklist uses it
    assertThat(
            zuid.getForEntity("/engine-rest/task/" + mvsTask, String.class).getStatusCode().value())
        .isEqualTo(404);
    assertThat(
            zuid.getForEntity("/engine-rest/task?processInstanceId=" + mvsIntent, String.class)
                .getBody())
        .isEqualTo("[]");
    assertThat(
            zuid.getForEntity("/engine-rest/process-instance/" + mvsIntent, String.class)
                .getStatusCode()
                .value())
        .isIn(403, 404);
    // the MVS staff member sees its own
    assertThat(
            rest.withBasicAuth(ACCOUNTMANAGER, PASSWORD)
                .getForEntity("/dossier/" + mvsKvk, String.class)
                .getStatusCode()
                .value())
        .isEqualTo(200);
  }

  @Test
  void anIntentOfTheSecondRegionIsItsOwn_andTheRegisterShowsBothRegions() {
    String kvk = Unique.kvk();
    var started =
        new EngineRest(rest, SECOND_ACCOUNTMANAGER, PASSWORD)
            .post(
                "/process-definition/key/" + ConvenantProcess.PROCESS_KEY + "/start",
                EngineRest.variables(
                    Map.of(
                        Vars.EMPLOYER_NAME,
                        "Kas Zuid " + kvk,
                        Vars.KVK_NUMBER,
                        kvk,
                        Vars.ADDRESS,
                        "Kasweg 1",
                        Vars.MUNICIPALITY,
                        "Naaldwijk",
                        Vars.CONTACT_PERSON,
                        "Wim",
                        Vars.CONTACT_EMAIL,
                        "wim." + kvk + "@kas.example")));
    assertThat(started.getStatusCode().value()).isEqualTo(200);
    String instance = (String) started.getBody().get("id");
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processInstanceId(instance)
                .singleResult()
                .getTenantId())
        .isEqualTo(SECOND);
    assertThat(
            RegionScope.in(
                RegionScope.ALL,
                () ->
                    jdbc.sql("SELECT region_code FROM employer WHERE kvk_number = ?")
                        .param(kvk)
                        .query(String.class)
                        .single()))
        .isEqualTo(SECOND);
    // Schiedam is not the second region's
    var refused =
        new EngineRest(rest, SECOND_ACCOUNTMANAGER, PASSWORD)
            .post(
                "/process-definition/key/" + ConvenantProcess.PROCESS_KEY + "/start",
                EngineRest.variables(
                    Map.of(
                        Vars.EMPLOYER_NAME, "Verkeerd " + kvk,
                        Vars.KVK_NUMBER, String.valueOf(Long.parseLong(kvk) + 1),
                        Vars.ADDRESS, "Markt 1",
                        Vars.MUNICIPALITY, "Schiedam",
                        Vars.CONTACT_PERSON, "Wim",
                        Vars.CONTACT_EMAIL, "wim@kas.example")));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.toString()).contains("Monster of Naaldwijk");
    // the MVS accountmanager does not see the second region's employer
    assertThat(
            rest.withBasicAuth(ACCOUNTMANAGER, PASSWORD)
                .getForEntity("/dossier/" + kvk, String.class)
                .getStatusCode()
                .value())
        .isEqualTo(404);

    String national = html("/register?q=" + mvsKvk);
    assertThat(national)
        .contains(mvsName)
        .contains("<td>Sociaal Werkpact MVS</td>")
        .contains("Sociaal Werkpact Zuid");
    assertThat(html("/register/" + SECOND + "?q=" + mvsKvk))
        .contains("Keurmerkhouders Sociaal Werkpact Zuid")
        .doesNotContain(mvsName);
    assertThat(html("/register/mvs?q=" + mvsKvk)).contains(mvsName);
    assertThat(
            rest.getForEntity("/register.json?regio=" + SECOND + "&q=" + mvsKvk, String.class)
                .getBody())
        .contains("\"totaal\":0");
    // a number issued before regions still verifies, saying who issued it
    assertThat(html("/register/" + mvsNumber))
        .contains("Geldig")
        .contains("Uitgegeven door")
        .contains("Sociaal Werkpact MVS");
  }

  @Test
  void theNationalViewShowsEachRegionsOwnFiguresSideBySide_forAdminsAndTheNationalRoleOnly() {
    var records = new Records(jdbc);
    LocalDate today = LocalDate.now();
    RegionScope.run(
        SECOND,
        () -> {
          long employer = records.employer("Kas Landelijk", "Naaldwijk");
          records.convenant(employer, today.minusMonths(3), today.minusMonths(2));
        });
    TestUsers.ensure(identityService, "itlandelijk", PASSWORD, Groups.NATIONAL, null);
    var admin = rest.withBasicAuth(ADMIN, ADMIN_PASSWORD);
    var national = rest.withBasicAuth("itlandelijk", PASSWORD);

    // each region's row holds what the region's own staff see on their dashboard
    String csv = national.getForEntity("/dashboard/landelijk.csv", String.class).getBody();
    long zuidSigned = signed(csvRow(csv, SECOND));
    long mvsSigned = signed(csvRow(csv, "mvs"));
    assertThat(zuidSigned)
        .isPositive()
        .isEqualTo(keyFigure(rest.withBasicAuth(SECOND_ACCOUNTMANAGER, PASSWORD), "/dashboard"));
    assertThat(mvsSigned)
        .isEqualTo(keyFigure(rest.withBasicAuth(ACCOUNTMANAGER, PASSWORD), "/dashboard"));
    assertThat(signed(csvRow(csv, ""))).as("the total").isEqualTo(sumOfRegions(csv));
    assertThat(admin.getForEntity("/dashboard/landelijk.csv", String.class).getBody())
        .isEqualTo(csv);
    // a region's dashboard chosen from the national view
    assertThat(keyFigure(national, "/dashboard?regio=" + SECOND)).isEqualTo(zuidSigned);
    assertThat(national.getForEntity("/dashboard/landelijk", String.class).getBody())
        .contains("Sociaal Werkpact Zuid", "Sociaal Werkpact MVS", "id=\"totaal\"");
    var unknownRegion = national.getForEntity("/dashboard?regio=nergens", String.class);
    assertThat(unknownRegion.getStatusCode().value()).isEqualTo(400);
    assertThat(unknownRegion.getBody()).contains("Kies een regio uit de lijst");
    assertThat(national.getForEntity("/dashboard/landelijk?jaar=1850", String.class).getBody())
        .contains("Kies een jaar uit de lijst");

    // staff of one region: not the national view, and asking for another region shows their own
    var zuid = rest.withBasicAuth(SECOND_ACCOUNTMANAGER, PASSWORD);
    assertThat(zuid.getForEntity("/dashboard/landelijk", String.class).getStatusCode().value())
        .isEqualTo(403);
    assertThat(zuid.getForEntity("/dashboard/landelijk.csv", String.class).getStatusCode().value())
        .isEqualTo(403);
    assertThat(
            keyFigure(rest.withBasicAuth(ACCOUNTMANAGER, PASSWORD), "/dashboard?regio=" + SECOND))
        .isEqualTo(mvsSigned);
    // the national role reads figures; it is no member of staff of any region
    assertThat(national.getForEntity("/dossier", String.class).getStatusCode().value())
        .isEqualTo(403);
  }

  @Autowired nl.werkpact.keurmerk.golive.GoLiveImport goLiveImport;

  @Test
  void aGoLiveFileOfOneRegionCannotHandItsEmployersToAnotherRegionsAccountmanager() {
    String header =
        "naam;kvk-nummer;adres;gemeente;contactpersoon;e-mail;ondertekend op;ondertekend door;accountmanager";
    String signed =
        LocalDate.now()
            .minusYears(1)
            .format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy"));
    String kvk = Unique.kvk();
    String file =
        header
            + "\nKas Import;"
            + kvk
            + ";Kasweg 2;Naaldwijk;Wim;wim@kasimport.example;"
            + signed
            + ";Directeur;"
            + ACCOUNTMANAGER
            + "\nKas Import Twee;"
            + (Long.parseLong(kvk) + 1)
            + ";Kasweg 3;Naaldwijk;Wim;wim@kasimport2.example;"
            + signed
            + ";Directeur;"
            + SECOND_ACCOUNTMANAGER
            + "\n";
    var report =
        RegionScope.in(
            SECOND,
            () ->
                goLiveImport.run(
                    new java.io.StringReader(file),
                    false,
                    nl.werkpact.keurmerk.golive.GoLiveImport.Progress.NONE));
    assertThat(report.lines().get(0).outcome())
        .isEqualTo(nl.werkpact.keurmerk.golive.ImportReport.Outcome.ERROR);
    assertThat(report.lines().get(0).text())
        .contains("\"" + ACCOUNTMANAGER + "\" is geen accountmanager van deze regio");
    assertThat(report.lines().get(1).outcome())
        .isNotEqualTo(nl.werkpact.keurmerk.golive.ImportReport.Outcome.ERROR);
  }

  private static String csvRow(String csv, String code) {
    return csv.lines()
        .filter(line -> line.split(";", -1).length > 2 && line.split(";", -1)[1].equals(code))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No row " + code + " in " + csv));
  }

  private static long signed(String row) {
    return Long.parseLong(row.split(";", -1)[2]);
  }

  private static long sumOfRegions(String csv) {
    return csv.lines()
        .skip(1)
        .map(line -> line.split(";", -1))
        .filter(cells -> !cells[1].isEmpty())
        .mapToLong(cells -> Long.parseLong(cells[2]))
        .sum();
  }

  private static long keyFigure(TestRestTemplate caller, String path) {
    var matcher =
        java.util.regex.Pattern.compile("data-figure=\"ondertekend\">([0-9.]+)<")
            .matcher(caller.getForEntity(path, String.class).getBody());
    assertThat(matcher.find()).as("the key figure on " + path).isTrue();
    return Long.parseLong(matcher.group(1).replace(".", ""));
  }

  @Test
  void anAdminMakesARegionOnItsPageWithoutACodeChange_andBadInputIsRefusedInDutch()
      throws Exception {
    var browser =
        java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    String basic =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes());
    var page =
        browser.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/beheer/regios"))
                .header("Authorization", basic)
                .header("Accept", "text/html")
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Sociaal Werkpact MVS").contains("SW-jjjj-nnnn");
    String token =
        java.util.regex.Pattern.compile("name=\"token\" value=\"([0-9a-f]+)\"")
            .matcher(page.body())
            .results()
            .findFirst()
            .orElseThrow()
            .group(1);
    String code = "itnoord" + Unique.serial();
    java.util.function.Function<String, java.net.http.HttpResponse<String>> post =
        form -> {
          try {
            return browser.send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(baseUrl() + "/beheer/regios"))
                    .header("Authorization", basic)
                    .header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        java.net.http.HttpRequest.BodyPublishers.ofString(form + "&token=" + token))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        };
    var taken =
        post.apply(
            "code="
                + code
                + "&naam=Noord&voorvoegsel=SW&gemeenten=Assen&netwerk=het+Netwerk+Drenthe");
    assertThat(taken.statusCode()).isEqualTo(400);
    assertThat(taken.body())
        .contains("Voorvoegsel SW hoort al bij een andere regio")
        .contains("value=\"het Netwerk Drenthe\"");
    assertThat(regions.find(code)).isEmpty();

    var made =
        post.apply(
            "code="
                + code
                + "&naam=Werkpact+Noord&voorvoegsel=N"
                + Unique.letters()
                + "&gemeenten=Assen,+Emmen&sjabloon=mvs&netwerk=het+Netwerk+Drenthe");
    assertThat(made.statusCode()).isEqualTo(302);
    assertThat(regions.get(code).municipalities()).containsExactly("Assen", "Emmen");
    assertThat(regions.get(code).network()).isEqualTo("het Netwerk Drenthe");
    assertThat(identityService.createTenantQuery().tenantId(code).count()).isEqualTo(1);
    assertThat(
            repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(ConvenantProcess.PROCESS_KEY)
                .tenantIdIn(code)
                .count())
        .isPositive();
    assertThat(
            rest.withBasicAuth(ACCOUNTMANAGER, PASSWORD)
                .getForEntity("/beheer/regios", String.class)
                .getStatusCode()
                .value())
        .isEqualTo(403);
  }

  @Autowired RegionLogos logos;

  @Test
  void aRegionsLogoIsOnItsRegisterPageCertificateAndEMails_andOnlyASmallPngIsTaken()
      throws Exception {
    var browser =
        java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    String basic =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes());
    String page =
        browser
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(baseUrl() + "/beheer/regios"))
                    .header("Authorization", basic)
                    .header("Accept", "text/html")
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString())
            .body();
    String token =
        java.util.regex.Pattern.compile("name=\"token\" value=\"([0-9a-f]+)\"")
            .matcher(page)
            .results()
            .findFirst()
            .orElseThrow()
            .group(1);
    java.util.function.BiFunction<byte[], Boolean, java.net.http.HttpResponse<String>> upload =
        (file, remove) -> {
          try {
            String boundary = "grens" + Unique.suffix();
            var body = new java.io.ByteArrayOutputStream();
            body.writeBytes(
                ("--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\n"
                        + token
                        + "\r\n")
                    .getBytes());
            if (remove) {
              body.writeBytes(
                  ("--"
                          + boundary
                          + "\r\nContent-Disposition: form-data; name=\"weghalen\"\r\n\r\nja\r\n")
                      .getBytes());
            } else {
              body.writeBytes(
                  ("--"
                          + boundary
                          + "\r\nContent-Disposition: form-data; name=\"logo\"; filename=\"logo.png\"\r\n"
                          + "Content-Type: image/png\r\n\r\n")
                      .getBytes());
              body.writeBytes(file);
              body.writeBytes("\r\n".getBytes());
            }
            body.writeBytes(("--" + boundary + "--\r\n").getBytes());
            return browser.send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(baseUrl() + "/beheer/regios/" + SECOND + "/logo"))
                    .header("Authorization", basic)
                    .header("Accept", "text/html")
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        };

    var gif = upload.apply("GIF89a nep".getBytes(), false);
    assertThat(gif.statusCode()).isEqualTo(400);
    assertThat(gif.body()).contains("Het logo moet een PNG-bestand zijn");
    assertThat(regions.get(SECOND).hasLogo()).isFalse();
    var huge = upload.apply(png(2400, 100), false);
    assertThat(huge.statusCode()).isEqualTo(400);
    assertThat(huge.body()).contains("2400 × 100 pixels; het mag hoogstens 1200 × 600 pixels zijn");

    try {
      assertThat(upload.apply(png(300, 100), false).statusCode()).isEqualTo(302);
      var logo = rest.getForEntity("/register/" + SECOND + "/logo.png", byte[].class);
      assertThat(logo.getStatusCode().value()).isEqualTo(200);
      assertThat(logo.getHeaders().getContentType().toString()).isEqualTo("image/png");
      var decoded = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(logo.getBody()));
      assertThat(decoded.getWidth()).isEqualTo(300);
      assertThat(html("/register/" + SECOND))
          .contains("/register/" + SECOND + "/logo.png")
          .contains("Werkgeversservicepunt Zuid.");
      assertThat(html("/register/mvs")).doesNotContain("logo.png");
      assertThat(rest.getForEntity("/register/mvs/logo.png", String.class).getStatusCode().value())
          .isEqualTo(404);

      // the certificate: the logo above the region's name, the QR code below
      int n = Unique.serial();
      String number = "ZU-2098-" + n;
      String kvk = zuidHolder("Kas Logo " + n, number);
      var pdf =
          rest.withBasicAuth(SECOND_ACCOUNTMANAGER, PASSWORD)
              .getForEntity("/dossier/" + kvk + "/certificaat/" + number, byte[].class);
      try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.getBody())) {
        var resources = document.getPage(0).getResources();
        long images = 0;
        for (var name : resources.getXObjectNames()) {
          if (resources.getXObject(name)
              instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) {
            images++;
          }
        }
        assertThat(images).as("the logo and the QR code").isEqualTo(2);
        assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
            .contains("Werkgeversservicepunt Zuid")
            .doesNotContain("Maassluis, Vlaardingen en Schiedam");
      }

      // its e-mails end with its name and its logo; MVS's do not show Zuid's
      var zuidMail =
          RegionScope.in(
              SECOND,
              () ->
                  mailTemplates.render(
                      nl.werkpact.keurmerk.convenant.ConvenantService.MAIL_CONVENANT_SIGNED,
                      mailModel()));
      assertThat(zuidMail.html())
          .contains("/register/" + SECOND + "/logo.png")
          .contains("Sociaal Werkpact Zuid");
      assertThat(zuidMail.text())
          .contains("Werkgeversservicepunt Zuid")
          .contains("Sociaal Werkpact Zuid");
      var mvsMail =
          RegionScope.in(
              "mvs",
              () ->
                  mailTemplates.render(
                      nl.werkpact.keurmerk.convenant.ConvenantService.MAIL_CONVENANT_SIGNED,
                      mailModel()));
      assertThat(mvsMail.html()).doesNotContain("logo.png").contains("Sociaal Werkpact MVS");
    } finally {
      assertThat(upload.apply(null, true).statusCode()).isEqualTo(302);
    }
    assertThat(regions.get(SECOND).hasLogo()).isFalse();
    assertThat(
            rest.getForEntity("/register/" + SECOND + "/logo.png", String.class)
                .getStatusCode()
                .value())
        .isEqualTo(404);
  }

  /** An employer of the second region in Monster holding this valid keurmerk; answers its KvK number. */
  private String zuidHolder(String name, String number) {
    return RegionScope.in(
        SECOND,
        () -> {
          var records = new Records(jdbc);
          long employer = records.employer(name, "Monster");
          LocalDate today = LocalDate.now();
          long audit =
              records.audit(
                  employer,
                  today.minusMonths(2),
                  "AWARDED",
                  today.minusMonths(1),
                  null,
                  1,
                  1,
                  null);
          records.keurmerk(
              employer, audit, number, today.minusMonths(1), today.plusYears(2), "ACTIVE", null);
          return records.kvkNumber(employer);
        });
  }

  private static Map<String, Object> mailModel() {
    return Map.of(
        "employerName", "Kas Logo",
        "contactPerson", "Wim",
        "kvkNumber", "47000002",
        "signedDate", "2 december 2026",
        "signedBy", "Wim");
  }

  static byte[] png(int width, int height) throws java.io.IOException {
    var image =
        new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
    var out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  @Test
  void aCertificateNamesItsRegion_andStaffOfAnotherRegionCannotDownloadIt() throws Exception {
    int n = Unique.serial();
    String number = "ZU-2099-" + n;
    String kvk = zuidHolder("Kas Certificaat " + n, number);
    var own =
        rest.withBasicAuth(SECOND_ACCOUNTMANAGER, PASSWORD)
            .getForEntity("/dossier/" + kvk + "/certificaat/" + number, byte[].class);
    assertThat(own.getStatusCode().value()).isEqualTo(200);
    try (var pdf = org.apache.pdfbox.Loader.loadPDF(own.getBody())) {
      assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf))
          .contains("Sociaal Werkpact Zuid")
          .contains(number);
    }
    assertThat(
            rest.withBasicAuth(ACCOUNTMANAGER, PASSWORD)
                .getForEntity("/dossier/" + kvk + "/certificaat/" + number, String.class)
                .getStatusCode()
                .value())
        .isEqualTo(404);
    // the same answer as for a number nobody issued: nothing tells it exists elsewhere
    var other =
        rest.withBasicAuth(ACCOUNTMANAGER, PASSWORD)
            .getForEntity("/engine-rest/werkpact/certificaten/" + number, String.class);
    assertThat(other.getStatusCode().value()).isEqualTo(400);
    assertThat(other.getBody()).contains("Er is geen keurmerk met nummer " + number);
  }
}
