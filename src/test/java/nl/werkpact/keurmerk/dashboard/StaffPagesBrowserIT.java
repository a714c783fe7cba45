package nl.werkpact.keurmerk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.support.BrowserTest;
import nl.werkpact.keurmerk.support.Records;
import nl.werkpact.keurmerk.support.TestUsers;
import nl.werkpact.keurmerk.support.Unique;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The staff pages in Chromium with the Tasklist login: the dashboard's charts show exactly the numbers of the tables
 * beside them, a CSV downloads with the browser's session, the dossier is found by name and its certificate downloads as a
 * PDF. axe-core finds no WCAG 2.1 A or AA violation on them either.
 */
class StaffPagesBrowserIT extends BrowserTest {

  @Autowired JdbcClient jdbc;

  @Test
  void dashboardChartsShowTheTablesNumbersAndTheDossierHandsOutTheCertificate() throws Exception {
    TestUsers.ensure(identityService, "itstaffanna", PASSWORD, Groups.ACCOUNTMANAGERS);
    int n = Unique.suffix();
    String town = "Grafiekstad " + n;
    String name = "Kaasmakerij Grafiek " + n;
    String number = "SW-" + n + "-G";
    var records = new Records(jdbc);
    LocalDate today = LocalDate.now();
    long employer = records.employer(name, town);
    records.convenant(employer, today.minusYears(1), today.minusYears(1).plusDays(20));
    long audit =
        records.audit(
            employer,
            today.minusMonths(2),
            "AWARDED",
            today.minusMonths(1),
            null,
            7,
            3,
            new BigDecimal("12345.67"));
    records.keurmerk(
        employer,
        audit,
        number,
        today.minusMonths(1),
        today.minusMonths(1).plusYears(2).minusDays(1),
        "ACTIVE",
        null);
    long other = records.employer("Intentie Grafiek " + n, town);
    records.convenant(other, today, null);

    openBrowser();
    browser.logIn(baseUrl(), "tasklist", "itstaffanna", PASSWORD);

    browser.driver.get(
        baseUrl() + "/dashboard?gemeente=" + URLEncoder.encode(town, StandardCharsets.UTF_8));
    browser.waitFor(By.xpath("//h1[normalize-space()='Dashboard Sociaal Werkpact']"));
    var canvases = browser.driver.findElements(By.cssSelector("canvas[data-table]"));
    assertThat(canvases).hasSize(3);
    for (WebElement canvas : canvases) {
      new WebDriverWait(browser.driver, Duration.ofSeconds(30))
          .until(d -> "ja".equals(canvas.getAttribute("data-getekend")));
      String table = canvas.getAttribute("data-table");
      assertThat(chart(canvas))
          .as("chart beside %s", table)
          .isEqualTo(tableSeries(table))
          .isNotEmpty();
    }
    // The numbers of this town, as the records say.
    assertThat(
            browser
                .driver
                .findElement(By.cssSelector("[data-figure='extra-werkplekken']"))
                .getText())
        .isEqualTo("7");
    assertThat(
            browser.driver.findElement(By.cssSelector("[data-figure='sociale-inkoop']")).getText())
        .isEqualTo("€ 12.345,67");
    assertThat(tableSeries("tabel-trechter"))
        .containsEntry("Aantal", List.of(2.0, 1.0, 1.0, 1.0, 0.0));
    assertThat(browser.wcagViolations()).as("WCAG 2.1 A/AA violations on the dashboard").isEmpty();
    browser.screenshot("dashboard");

    String csvHref =
        browser
            .driver
            .findElement(By.partialLinkText("Tabel per gemeente als CSV"))
            .getAttribute("href");
    Map<String, Object> csv = fetch(csvHref);
    assertThat(csv.get("status")).isEqualTo(200L);
    assertThat((String) csv.get("text")).contains(town + ";1;1;1;7;3;12345,67");

    browser.driver.get(baseUrl() + "/dossier");
    browser.waitFor(By.id("q")).sendKeys(name);
    browser.click(By.cssSelector("form.search button"));
    browser.click(By.linkText(name));
    browser.waitFor(By.xpath("//h1[normalize-space()='" + name + "']"));
    assertThat(browser.wcagViolations()).as("WCAG 2.1 A/AA violations on the dossier").isEmpty();
    browser.screenshot("dossier");
    String pdfHref =
        browser
            .driver
            .findElement(By.linkText("Certificaat " + number + " (PDF)"))
            .getAttribute("href");
    Map<String, Object> pdf = fetch(pdfHref);
    assertThat(pdf.get("status")).isEqualTo(200L);
    assertThat(pdf.get("type")).isEqualTo("application/pdf");
    assertThat((String) pdf.get("text")).startsWith("%PDF-");
    assertThat((String) pdf.get("disposition")).contains("keurmerk-" + number + ".pdf");
  }

  @Test
  void theProcesbeheerderSeesLeadTimesWithTheirChart() throws Exception {
    TestUsers.ensure(identityService, "itstaffpien", PASSWORD, Groups.PROCESBEHEERDERS);
    int n = Unique.suffix();
    String town = "Looptijd " + n;
    var records = new Records(jdbc);
    LocalDate start = LocalDate.now().minusYears(1).withDayOfYear(1);
    long employer = records.employer("Doorloop Grafiek " + n, town);
    records.convenant(employer, start, start.plusDays(12));

    openBrowser();
    browser.logIn(baseUrl(), "tasklist", "itstaffpien", PASSWORD);
    browser.driver.get(
        baseUrl() + "/doorlooptijden?gemeente=" + URLEncoder.encode(town, StandardCharsets.UTF_8));
    browser.waitFor(By.xpath("//h1[normalize-space()='Doorlooptijden']"));
    WebElement canvas = browser.driver.findElement(By.id("grafiek-fasen"));
    new WebDriverWait(browser.driver, Duration.ofSeconds(30))
        .until(d -> "ja".equals(canvas.getAttribute("data-getekend")));
    assertThat(browser.driver.findElement(By.id("tabel-fasen")).getText())
        .contains("Intentie tot ondertekening")
        .contains("12 dagen");
    assertThat(browser.driver.findElements(By.linkText("Doorlooptijden"))).isNotEmpty();
    assertThat(browser.wcagViolations())
        .as("WCAG 2.1 A/AA violations on the doorlooptijden page")
        .isEmpty();
    browser.screenshot("doorlooptijden");
  }

  @Test
  void theDossierOpensThroughTheLoginPageAndSpeaksDutch() throws Exception {
    TestUsers.ensure(identityService, "itstaffbert", PASSWORD, Groups.ACCOUNTMANAGERS);
    int n = Unique.suffix();
    String name = "Zeepziederij Aanmeld " + n;
    String number = "SW-" + n + "-A";
    var records = new Records(jdbc);
    LocalDate today = LocalDate.now();
    long employer = records.employer(name, "Schiedam");
    records.convenant(employer, today.minusYears(1), today.minusYears(1).plusDays(20));
    long audit =
        records.audit(
            employer,
            today.minusMonths(2),
            "AWARDED",
            today.minusMonths(1),
            null,
            2,
            1,
            new BigDecimal("500.00"));
    long keurmerk =
        records.keurmerk(
            employer,
            audit,
            number,
            today.minusMonths(1),
            today.minusMonths(1).plusYears(2).minusDays(1),
            "ACTIVE",
            null);
    jdbc.sql("UPDATE convenant SET registered_by = 'itstaffbert' WHERE employer_id = ?")
        .param(employer)
        .update();
    jdbc.sql(
            "UPDATE audit SET decided_by = 'itstaffbert', requested_by = 'itstaffbert' WHERE id = ?")
        .param(audit)
        .update();
    jdbc.sql(
            "INSERT INTO keurmerk_status_change (keurmerk_id, status, reason, changed_at) VALUES (?, 'ACTIVE', NULL, ?)")
        .params(keurmerk, java.time.OffsetDateTime.now().minusMonths(1))
        .update();
    String kvk = records.kvkNumber(employer);

    openBrowser();
    browser.driver.get(baseUrl() + "/dossier/" + kvk);
    // Our own login page instead of the browser's pop-up, and back to the dossier after it.
    browser.waitFor(By.xpath("//h1[normalize-space()='Aanmelden']"));
    assertThat(browser.driver.getCurrentUrl()).contains("/aanmelden");
    assertThat(browser.wcagViolations()).as("WCAG 2.1 A/AA violations on the login page").isEmpty();
    browser.waitFor(By.id("gebruiker")).sendKeys("itstaffbert");
    browser.driver.findElement(By.id("wachtwoord")).sendKeys("niet-het-wachtwoord");
    browser.click(By.cssSelector("main form button[type='submit']"));
    browser.waitFor(By.xpath("//*[contains(text(), 'horen niet bij elkaar')]"));
    browser.driver.findElement(By.id("wachtwoord")).sendKeys(PASSWORD);
    browser.click(By.cssSelector("main form button[type='submit']"));
    browser.waitFor(By.xpath("//h1[normalize-space()='" + name + "']"));
    assertThat(browser.driver.getCurrentUrl()).endsWith("/dossier/" + kvk);

    String text = browser.driver.findElement(By.id("inhoud")).getText();
    assertThat(text)
        .contains("Getekend", "Toegekend", "Geldig", "Test itstaffbert")
        .doesNotContain("SIGNED", "AWARDED", "ACTIVE", "TOEKENNEN", "door itstaffbert");
    assertThat(browser.wcagViolations()).as("WCAG 2.1 A/AA violations on the dossier").isEmpty();
    browser.screenshot("dossier-na-aanmelden");
  }

  @Test
  void aProcesbeheerderTriesStricterCriteriaAndSeesTheAuditTheyWouldFlip() throws Exception {
    TestUsers.ensure(identityService, "itstaffpetra", PASSWORD, Groups.PROCESBEHEERDERS);
    int n = Unique.suffix();
    String name = "Drukkerij Proef " + n;
    LocalDate decided = LocalDate.now().minusMonths(2);
    var records = new Records(jdbc);
    long employer = records.employer(name, "Vlaardingen");
    long audit =
        records.audit(
            employer, decided.minusMonths(1), "AWARDED", decided, null, 1, 0, BigDecimal.ZERO);
    jdbc.sql("UPDATE audit SET criteria_outcome = 'TOEKENNEN', criteria_version = 1 WHERE id = ?")
        .param(audit)
        .update();
    java.nio.file.Path candidate = java.nio.file.Files.createTempFile("KeurmerkCriteria", ".dmn");
    java.nio.file.Files.writeString(
        candidate,
        java.nio.file.Files.readString(java.nio.file.Path.of("bpmn/KeurmerkCriteria.dmn"))
            .replace(
                "<inputEntry id=\"Rule_AwardOnShare_In2\"><text>&gt;= 5</text>",
                "<inputEntry id=\"Rule_AwardOnShare_In2\"><text>&gt;= 10</text>"));

    openBrowser();
    browser.driver.get(baseUrl() + "/beheer/criteria");
    browser.signInOnAppPage("itstaffpetra", PASSWORD);
    browser.waitFor(By.xpath("//h1[normalize-space()='Criteria uitproberen']"));
    assertThat(browser.wcagViolations()).as("WCAG 2.1 A/AA violations on the trial page").isEmpty();
    browser.driver.findElement(By.id("bestand")).sendKeys(candidate.toAbsolutePath().toString());
    browser.click(By.cssSelector("main form button[type='submit']"));

    String flips = browser.waitFor(By.id("omslagen")).getText();
    assertThat(flips)
        .contains(
            name
                + ", beslist "
                + nl.werkpact.keurmerk.common.Dates.numeric(decided)
                + ": Toekennen → Afwijzen");
    assertThat(browser.wcagViolations())
        .as("WCAG 2.1 A/AA violations on the trial's result")
        .isEmpty();
    browser.screenshot("criteria-uitproberen");
    java.nio.file.Files.deleteIfExists(candidate);
  }

  @Test
  void theAccountmanagerPlansANetworkMeetingCorrectingADateTheFormRefused() throws Exception {
    String name = "Netwerkbakkerij " + Unique.suffix();
    LocalDate awarded = LocalDate.now().minusMonths(2);
    new Records(jdbc).holderWithFreeYear(name, "Maassluis", "SW-2093-" + Unique.serial(), awarded);

    openBrowser();
    browser.driver.get(baseUrl() + "/netwerk?q=" + name.replace(' ', '+'));
    browser.signInOnAppPage(ACCOUNTMANAGER, PASSWORD);
    browser.waitFor(By.xpath("//h1[normalize-space()='Sociaal Economisch Netwerk']"));
    assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains(name);
    assertThat(browser.wcagViolations())
        .as("WCAG 2.1 A/AA violations on the network page")
        .isEmpty();

    String subject = "Voorjaarsbijeenkomst " + Unique.suffix();
    browser.driver.findElement(By.id("datum")).sendKeys("30-02-2099");
    browser.driver.findElement(By.id("van")).sendKeys("16:00");
    browser.driver.findElement(By.id("tot")).sendKeys("18:00");
    browser.driver.findElement(By.id("plaats")).sendKeys("Stadhuis Maassluis");
    browser.driver.findElement(By.id("onderwerp")).sendKeys(subject);
    browser.click(By.cssSelector("form[action='/netwerk/bijeenkomst'] button[type='submit']"));
    String problem = browser.waitFor(By.cssSelector("[role='alert']")).getText();
    assertThat(problem).contains("30-02-2099 bestaat niet; februari 2099 heeft 28 dagen.");
    assertThat(browser.wcagViolations()).as("WCAG 2.1 A/AA violations with the refusal").isEmpty();

    var date = browser.driver.findElement(By.id("datum"));
    date.clear();
    date.sendKeys(nl.werkpact.keurmerk.common.Dates.numeric(LocalDate.now().plusDays(40)));
    browser.click(By.cssSelector("form[action='/netwerk/bijeenkomst'] button[type='submit']"));
    String done = browser.waitFor(By.cssSelector("[role='status']")).getText();
    assertThat(done).startsWith("Bijeenkomst gepland:");
    assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains(subject);
    browser.screenshot("netwerk");
  }

  @Test
  void theAccountmanagerPlansACeremonyForANewHolderCorrectingATimeTheFormRefused()
      throws Exception {
    String name = "Uitreikbakkerij " + Unique.suffix();
    var records = new Records(jdbc);
    long employer = records.employer(name, "Vlaardingen");
    LocalDate awarded = LocalDate.now().minusDays(5);
    long audit =
        records.audit(employer, awarded.minusMonths(1), "AWARDED", awarded, null, 1, 2, null);
    String number = "SW-2096-" + Unique.serial();
    records.keurmerk(
        employer, audit, number, awarded, awarded.plusYears(2).minusDays(1), "ACTIVE", null);

    openBrowser();
    browser.driver.get(baseUrl() + "/uitreikingen?q=" + name.replace(' ', '+'));
    browser.signInOnAppPage(ACCOUNTMANAGER, PASSWORD);
    browser.waitFor(By.xpath("//h1[normalize-space()='Uitreikingen']"));
    assertThat(browser.wcagViolations())
        .as("WCAG 2.1 A/AA violations on the ceremonies page")
        .isEmpty();

    browser.click(By.id("kies-" + number));
    browser
        .driver
        .findElement(By.id("datum"))
        .sendKeys(nl.werkpact.keurmerk.common.Dates.numeric(LocalDate.now().plusDays(21)));
    browser.driver.findElement(By.id("van")).sendKeys("vier uur");
    browser.driver.findElement(By.id("tot")).sendKeys("17:30");
    browser.driver.findElement(By.id("plaats")).sendKeys("Stadhuis Vlaardingen");
    browser.driver.findElement(By.id("uitreiker")).sendKeys("wethouder J. de Vries");
    browser.click(By.cssSelector("form#plannen button[type='submit']"));
    String problem = browser.waitFor(By.cssSelector("[role='alert']")).getText();
    assertThat(problem).contains("Begintijd is geen tijd; typ de tijd als uu:mm");
    assertThat(browser.driver.findElement(By.id("kies-" + number)).isSelected())
        .as("the chosen holder stays chosen")
        .isTrue();
    assertThat(browser.wcagViolations()).as("WCAG 2.1 A/AA violations with the refusal").isEmpty();

    var from = browser.driver.findElement(By.id("van"));
    from.clear();
    from.sendKeys("16:00");
    browser.click(By.cssSelector("form#plannen button[type='submit']"));
    String done = browser.waitFor(By.cssSelector("[role='status']")).getText();
    assertThat(done).startsWith("Uitreiking gepland: 1 keurmerkhouder krijgt");
    assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains(name);
    assertThat(browser.wcagViolations())
        .as("WCAG 2.1 A/AA violations with a planned ceremony and its forms")
        .isEmpty();
    browser.screenshot("uitreikingen");
  }

  /** What Chart.js holds for the chart on this canvas: each series' label and numbers. */
  @SuppressWarnings("unchecked")
  private Map<String, List<Double>> chart(WebElement canvas) {
    var series =
        (Map<String, List<Number>>)
            ((JavascriptExecutor) browser.driver)
                .executeScript(
                    """
        const chart = Chart.getChart(arguments[0]);
        const result = {};
        chart.data.datasets.forEach(d => result[d.label] = d.data);
        return result;""",
                    canvas);
    return doubles(series);
  }

  /** The numbers of each column of the table that a chart draws, read from the page as a reader sees them. */
  @SuppressWarnings("unchecked")
  private Map<String, List<Double>> tableSeries(String tableId) {
    var series =
        (Map<String, List<Number>>)
            ((JavascriptExecutor) browser.driver)
                .executeScript(
                    """
        const table = document.getElementById(arguments[0]);
        const result = {};
        Array.from(table.tHead.rows[0].cells).forEach((th, column) => {
          if (!th.hasAttribute('data-series')) return;
          result[th.textContent.trim()] = Array.from(table.tBodies[0].rows).map(row =>
            Number(row.cells[column].textContent.replace('€', '').trim().replace(/\\./g, '').replace(',', '.')));
        });
        return result;""",
                    tableId);
    return doubles(series);
  }

  private static Map<String, List<Double>> doubles(Map<String, List<Number>> series) {
    var result = new TreeMap<String, List<Double>>();
    series.forEach(
        (label, values) -> result.put(label, values.stream().map(Number::doubleValue).toList()));
    return result;
  }

  /**
   * Downloads what a link points to with this browser's session cookies, as a click on it would (the pages' CSP lets no
   * script of theirs fetch anything, so the download is done beside the browser).
   */
  private Map<String, Object> fetch(String href) throws Exception {
    String cookies =
        browser.driver.manage().getCookies().stream()
            .map(c -> c.getName() + "=" + c.getValue())
            .collect(Collectors.joining("; "));
    var response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(href)).header("Cookie", cookies).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    return Map.of(
        "status",
        (long) response.statusCode(),
        "type",
        response.headers().firstValue("Content-Type").orElse(""),
        "disposition",
        response.headers().firstValue("Content-Disposition").orElse(""),
        "text",
        new String(response.body(), StandardCharsets.UTF_8));
  }
}
