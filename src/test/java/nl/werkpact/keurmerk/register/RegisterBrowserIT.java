package nl.werkpact.keurmerk.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.werkpact.keurmerk.support.BrowserTest;
import nl.werkpact.keurmerk.support.Records;
import nl.werkpact.keurmerk.support.Unique;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Dutch public websites must meet WCAG 2.1 AA: axe-core (from its WebJar) checks every public page in Chromium and any
 * A or AA violation fails the test. The pages run no JavaScript of their own (their CSP forbids it).
 */
class RegisterBrowserIT extends BrowserTest {

  @Autowired JdbcClient jdbc;

  @Test
  void everyPublicPageMeetsWcag21AA() throws Exception {
    int n = Unique.serial();
    String town = "Axestad" + n;
    var records = new Records(jdbc);
    LocalDate today = LocalDate.now();
    String valid = "SW-2098-" + n;
    long holder = records.employer("Bakkerij Toegankelijk " + n, town);
    records.keurmerk(
        holder,
        records.audit(
            holder,
            today.minusMonths(2),
            "AWARDED",
            today.minusMonths(1),
            null,
            1,
            1,
            BigDecimal.ONE),
        valid,
        today.minusMonths(1),
        today.minusMonths(1).plusYears(2).minusDays(1),
        "ACTIVE",
        null);
    String expired = "SW-2097-" + n;
    long former = records.employer("Slagerij Verlopen " + n, town);
    records.keurmerk(
        former,
        records.audit(
            former,
            today.minusYears(3),
            "AWARDED",
            today.minusYears(3),
            null,
            1,
            1,
            BigDecimal.ONE),
        expired,
        today.minusYears(3),
        today.minusYears(1).minusDays(1),
        "EXPIRED",
        null);
    String withdrawn = "SW-2096-" + n;
    long pulled = records.employer("Garage Ingetrokken " + n, town);
    records.keurmerk(
        pulled,
        records.audit(
            pulled,
            today.minusYears(1),
            "AWARDED",
            today.minusYears(1),
            null,
            1,
            1,
            BigDecimal.ONE),
        withdrawn,
        today.minusYears(1),
        today.plusYears(1).minusDays(1),
        "WITHDRAWN",
        today.minusDays(3));
    openBrowser();

    for (String page :
        List.of(
            "/register",
            "/register?q=" + town,
            "/register?q=niemand-" + n,
            "/register?pagina=twee",
            "/register/" + valid,
            "/register/" + expired,
            "/register/" + withdrawn,
            "/register/SW-1999-0001")) {
      browser.driver.get(baseUrl() + page);
      browser.waitFor(By.cssSelector("main h1"));
      assertThat(browser.wcagViolations()).as("WCAG 2.1 A/AA violations on %s", page).isEmpty();
      browser.screenshot("register" + page.replaceAll("[^A-Za-z0-9]+", "-"));
    }
    // Searching works as a plain form: type, submit, read; only the current holder is listed.
    browser.driver.get(baseUrl() + "/register");
    browser.waitFor(By.id("q")).sendKeys(town);
    browser.click(By.cssSelector("form.search button"));
    browser.waitFor(By.xpath("//td[normalize-space()='Bakkerij Toegankelijk " + n + "']"));
    assertThat(browser.driver.getPageSource())
        .doesNotContain("Slagerij Verlopen " + n, "Garage Ingetrokken " + n);
    browser.click(By.linkText(valid));
    browser.waitFor(By.xpath("//h2[normalize-space()='Geldig']"));

    // What a QR code on each certificate leads to.
    Map<String, String> verdicts =
        Map.of(expired, "Verlopen", withdrawn, "Ingetrokken", "SW-1999-0001", "Onbekend nummer");
    for (var verdict : verdicts.entrySet()) {
      browser.driver.get(baseUrl() + "/register/" + verdict.getKey());
      browser.waitFor(By.xpath("//h2[normalize-space()='" + verdict.getValue() + "']"));
    }
  }

  @Test
  void anEmployerDoesTheSelfScanWithoutJavaScriptAndReadsWhatItLacks() throws Exception {
    openBrowser();
    browser.driver.get(
        baseUrl() + "/partner-worden/" + nl.werkpact.keurmerk.support.TestUsers.REGION);
    browser.waitFor(By.xpath("//h2[normalize-space()='Wat vraagt het keurmerk?']"));
    assertThat(browser.wcagViolations()).as("WCAG 2.1 A/AA violations on Partner worden").isEmpty();

    browser.driver.findElement(By.id("medewerkers")).sendKeys("2.5");
    browser.driver.findElement(By.id("doelgroep")).sendKeys("1");
    browser.click(By.cssSelector("form[action$='/zelfscan'] button[type='submit']"));
    assertThat(browser.waitFor(By.cssSelector("[role='alert']")).getText())
        .contains("Totaal aantal medewerkers is geen geheel getal zoals wij het lezen");
    assertThat(browser.wcagViolations()).as("WCAG 2.1 A/AA violations with the refusal").isEmpty();

    var workforce = browser.driver.findElement(By.id("medewerkers"));
    workforce.clear();
    workforce.sendKeys("60");
    browser.click(By.cssSelector("form[action$='/zelfscan'] button[type='submit']"));
    assertThat(browser.waitFor(By.id("uitkomst")).getText())
        .isEqualTo(
            "Met deze cijfers voldoet u nog niet aan de criteria. Hieronder ziet u wat ontbreekt.");
    assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains("niet voldaan");
    assertThat(browser.wcagViolations()).as("WCAG 2.1 A/AA violations with a result").isEmpty();
    browser.screenshot("partner-worden-zelfscan");

    // The employer registers its intent in the same page and confirms it from the e-mail.
    jdbc.sql("UPDATE intent_request SET source_hash = 'test-oud'").update();
    String kvk = Unique.kvk();
    String email = "browser." + kvk + "@aanmelding.example";
    browser.driver.findElement(By.id("naam")).sendKeys("Browserbakkerij " + kvk);
    browser.driver.findElement(By.id("kvk")).sendKeys(kvk);
    browser.driver.findElement(By.id("adres")).sendKeys("Markt 3");
    new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("gemeente")))
        .selectByVisibleText("Vlaardingen");
    browser.driver.findElement(By.id("contactpersoon")).sendKeys("Sanne de Boer");
    browser.driver.findElement(By.id("email")).sendKeys(email);
    browser.click(By.cssSelector("form[action$='/aanmelden'] button[type='submit']"));
    assertThat(browser.waitFor(By.cssSelector("[role='status']")).getText())
        .contains("Wij hebben een e-mail gestuurd naar " + email);
    var link =
        java.util.regex.Pattern.compile(
                "(https?://\\S+/partner-worden/bevestigen\\?code=[0-9a-f]{64})")
            .matcher(nl.werkpact.keurmerk.support.MailParts.text(awaitMailTo(email)));
    assertThat(link.find()).isTrue();
    browser.driver.get(baseUrl() + link.group(1).replaceFirst("^https?://[^/]+", ""));
    browser.waitFor(By.xpath("//button[normalize-space()='Bevestig mijn aanmelding']"));
    assertThat(browser.wcagViolations())
        .as("WCAG 2.1 A/AA violations on the confirmation")
        .isEmpty();
    browser.click(By.xpath("//button[normalize-space()='Bevestig mijn aanmelding']"));
    assertThat(browser.waitFor(By.cssSelector("[role='status']")).getText())
        .startsWith("Uw aanmelding is bevestigd.");
  }
}
