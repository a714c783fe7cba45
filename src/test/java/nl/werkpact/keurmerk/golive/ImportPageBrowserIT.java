package nl.werkpact.keurmerk.golive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.werkpact.keurmerk.support.BrowserTest;
import nl.werkpact.keurmerk.support.Unique;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The go-live import as an admin does it in Chromium: choose the file, run the dry run, read the report per line,
 * import with one click, and the pages pass axe-core (WCAG 2.1 A and AA).
 */
class ImportPageBrowserIT extends BrowserTest {

  @Autowired JdbcClient jdbc;

  @Test
  void anAdminUploadsTheFileReadsTheDryRunAndImportsIt() throws Exception {
    int base = Unique.kvkBlock(120);
    var lines =
        new StringBuilder(
            "naam;kvk-nummer;adres;gemeente;contactpersoon;e-mail;ondertekend op;ondertekend door;accountmanager\n");
    for (int i = 0; i < 120; i++) {
      lines
          .append("Browserimport ")
          .append(i)
          .append(";")
          .append(base + i)
          .append(";Markt 5;Maassluis;Ria;ria")
          .append(base + i)
          .append("@browser.example;05-06-2023;Ria;")
          .append(ACCOUNTMANAGER)
          .append("\n");
    }
    Path file = Files.createTempFile("werkgevers", ".csv");
    Files.writeString(file, lines, StandardCharsets.UTF_8);

    openBrowser();
    browser.logIn(baseUrl(), "tasklist", "itadmin", "Integratie-Beheer-2026!");
    browser.driver.get(baseUrl() + "/beheer/import");
    browser.waitFor(By.xpath("//h1[normalize-space()='Import van werkgevers en keurmerkhouders']"));
    assertThat(browser.wcagViolations())
        .as("WCAG 2.1 A/AA violations on the upload form")
        .isEmpty();

    browser.driver.findElement(By.id("bestand")).sendKeys(file.toString());
    browser.click(By.cssSelector("button[value='proefdraai']"));

    assertThat(browser.waitFor(By.id("totalen")).getText())
        .isEqualTo(
            "120 regels: 120 goed (proefdraai, nog niets ingevoerd), 0 overgeslagen (staan al in het systeem), 0 met een fout.");
    assertThat(
            browser.driver.findElements(By.cssSelector("#rapport tbody tr[data-uitkomst='GOED']")))
        .hasSize(120);
    assertThat(imported(base)).isZero();
    assertThat(browser.wcagViolations()).as("WCAG 2.1 A/AA violations on the report").isEmpty();
    browser.screenshot("import-proefdraai");

    assertThat(browser.driver.findElement(By.id("bevestigen")).getText())
        .as("the last look before storing")
        .contains("Wat er wordt opgeslagen")
        .contains("120 werkgevers, elk met een getekend convenant")
        .contains("Ja, deze 120 regels invoeren");
    browser.click(By.xpath("//form[contains(@action,'/invoeren')]//button"));

    assertThat(
            browser
                .waitFor(
                    By.xpath(
                        "//p[@id='totalen' and starts-with(normalize-space(), '120 regels: 120 ingevoerd')]"))
                .isDisplayed())
        .isTrue();
    assertThat(imported(base)).isEqualTo(120);
    Files.deleteIfExists(file);
  }

  private long imported(int base) {
    return jdbc.sql("SELECT COUNT(*) FROM employer WHERE kvk_number BETWEEN ? AND ?")
        .params(String.valueOf(base), String.valueOf(base + 119))
        .query(Long.class)
        .single();
  }
}
