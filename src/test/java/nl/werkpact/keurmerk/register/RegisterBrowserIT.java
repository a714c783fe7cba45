package nl.werkpact.keurmerk.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import nl.werkpact.keurmerk.support.Browser;
import nl.werkpact.keurmerk.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Dutch public websites must meet WCAG 2.1 AA: axe-core (from its WebJar) checks every public page in Chromium and any
 * A or AA violation fails the test. The pages run no JavaScript of their own (their CSP forbids it).
 */
class RegisterBrowserIT extends IntegrationTest {

  private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

  @Autowired JdbcClient jdbc;

  private Browser browser;

  @AfterEach
  void close() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void everyPublicPageMeetsWcag21AA() throws Exception {
    int n = ThreadLocalRandom.current().nextInt(1000, 9999);
    String town = "Axestad" + n;
    String number = holder("Bakkerij Toegankelijk " + n, town, "SW-2098-" + n);
    browser = Browser.start();

    for (String page : List.of("/register", "/register?q=" + town, "/register?q=niemand-" + n, "/register?pagina=twee",
        "/register/" + number, "/register/SW-1999-0001")) {
      browser.driver.get(baseUrl() + page);
      browser.waitFor(By.cssSelector("main h1"));
      assertThat(violations()).as("WCAG 2.1 A/AA violations on %s", page).isEmpty();
      browser.screenshot("register" + page.replaceAll("[^A-Za-z0-9]+", "-"));
    }
    // Searching works as a plain form: type, submit, read.
    browser.driver.get(baseUrl() + "/register");
    browser.waitFor(By.id("q")).sendKeys(town);
    browser.click(By.cssSelector("form.search button"));
    browser.waitFor(By.xpath("//td[normalize-space()='Bakkerij Toegankelijk " + n + "']"));
    browser.click(By.linkText(number));
    browser.waitFor(By.xpath("//h2[normalize-space()='Geldig']"));
  }

  @SuppressWarnings("unchecked")
  private List<String> violations() throws IOException {
    String axe;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(AXE)) {
      assertThat(in).as("axe-core WebJar on the test class path").isNotNull();
      axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    var js = (JavascriptExecutor) browser.driver;
    js.executeScript(axe);
    var result = (Map<String, Object>) js.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
          .then(r => done({violations: r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
            + v.nodes.map(node => node.target.join(' ')).join(', '))}))
          .catch(e => done({violations: ['axe failed: ' + e]}));""");
    return (List<String>) result.get("violations");
  }

  private String holder(String name, String town, String number) {
    OffsetDateTime now = OffsetDateTime.now();
    long employer = jdbc.sql("""
            INSERT INTO employer (name, kvk_number, address, municipality, contact_person, contact_email, created_at, updated_at)
            VALUES (?, ?, 'Markt 1', ?, 'Contact', ?, ?, ?) RETURNING id""")
        .params(name, "8" + number.substring(number.length() - 4) + "123", town, "axe" + number + "@register.example", now, now)
        .query(Long.class).single();
    long audit = jdbc.sql("INSERT INTO audit (employer_id, status, requested_at) VALUES (?, 'AWARDED', ?) RETURNING id")
        .params(employer, now).query(Long.class).single();
    LocalDate from = LocalDate.now().minusMonths(1);
    jdbc.sql("INSERT INTO keurmerk (number, employer_id, audit_id, valid_from, valid_until, status, created_at) VALUES (?, ?, ?, ?, ?, 'ACTIVE', ?)")
        .params(number, employer, audit, from, from.plusYears(2).minusDays(1), now).update();
    return number;
  }
}
