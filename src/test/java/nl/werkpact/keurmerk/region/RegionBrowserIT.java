package nl.werkpact.keurmerk.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess.Vars;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.models.RegionOnboarding;
import nl.werkpact.keurmerk.support.BrowserTest;
import nl.werkpact.keurmerk.support.EngineRest;
import nl.werkpact.keurmerk.support.Intents;
import nl.werkpact.keurmerk.support.TestUsers;
import nl.werkpact.keurmerk.support.Unique;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Two regions in Chromium: an accountmanager of the second region finds its own intake in the Takenlijst and none of
 * the first region's; the admin's page of regions and the second region's register pass axe-core.
 */
class RegionBrowserIT extends BrowserTest {

  @Autowired RegionOnboarding onboarding;
  @Autowired Regions regions;
  @Autowired TestRestTemplate rest;

  @Test
  void eachRegionsAccountmanagerSeesOnlyItsOwnTasksInTheTakenlijst() throws Exception {
    RegionSeparationIT.ensureSecondRegion(onboarding, regions);
    TestUsers.ensure(
        identityService,
        RegionSeparationIT.SECOND_ACCOUNTMANAGER,
        PASSWORD,
        Groups.ACCOUNTMANAGERS,
        RegionSeparationIT.SECOND);
    int n = Unique.suffix();
    String mvsName = "Browser MVS " + n;
    Intents.start(new EngineRest(rest, ACCOUNTMANAGER, PASSWORD), mvsName, Unique.kvk());
    String zuidName = "Browser Zuid " + n;
    var started =
        new EngineRest(rest, RegionSeparationIT.SECOND_ACCOUNTMANAGER, PASSWORD)
            .post(
                "/process-definition/key/" + ConvenantProcess.PROCESS_KEY + "/start",
                EngineRest.variables(
                    Map.of(
                        Vars.EMPLOYER_NAME,
                        zuidName,
                        Vars.KVK_NUMBER,
                        Unique.kvk(),
                        Vars.ADDRESS,
                        "Kasweg 2",
                        Vars.MUNICIPALITY,
                        "Monster",
                        Vars.CONTACT_PERSON,
                        "Wim",
                        Vars.CONTACT_EMAIL,
                        "wim." + n + "@kas.example")));
    assertThat(started.getStatusCode().value()).isEqualTo(200);

    openBrowser();
    browser.logIn(baseUrl(), "tasklist", RegionSeparationIT.SECOND_ACCOUNTMANAGER, PASSWORD);
    browser.click(By.xpath("//*[starts-with(normalize-space(text()),'Taken accountmanagers · ')]"));
    browser.waitFor(
        By.xpath("//*[contains(normalize-space(text()), 'Intakegesprek: " + zuidName + "')]"));
    assertThat(browser.driver.getPageSource()).doesNotContain(mvsName);

    browser.driver.get(baseUrl() + "/register/" + RegionSeparationIT.SECOND);
    browser.waitFor(By.xpath("//h1[contains(normalize-space(), 'Sociaal Werkpact Zuid')]"));
    assertThat(browser.wcagViolations()).as("WCAG 2.1 A/AA on a region's register").isEmpty();
  }

  @Test
  void theAdminsPageOfRegionsPassesAxe() throws Exception {
    RegionSeparationIT.ensureSecondRegion(onboarding, regions);
    openBrowser();
    browser.logIn(baseUrl(), "tasklist", ADMIN, ADMIN_PASSWORD);
    browser.driver.get(baseUrl() + "/beheer/regios");
    browser.waitFor(By.xpath("//h1[normalize-space()='Regio’s']"));
    assertThat(browser.driver.getPageSource())
        .contains("Sociaal Werkpact Zuid")
        .contains("ZU-jjjj-nnnn");
    assertThat(browser.wcagViolations()).as("WCAG 2.1 A/AA on the page of regions").isEmpty();

    // the second region's logo, chosen in the form, shown beside its row; then taken away again
    Path file = Files.createTempFile("logo-zuid", ".png");
    try {
      Files.write(file, RegionSeparationIT.png(240, 80));
      browser
          .waitFor(By.id("logo-" + RegionSeparationIT.SECOND))
          .sendKeys(file.toAbsolutePath().toString());
      browser.click(
          By.xpath(
              "//input[@id='logo-"
                  + RegionSeparationIT.SECOND
                  + "']/ancestor::form//button[normalize-space()='Logo opslaan']"));
      browser.waitFor(By.xpath("//img[@alt='Logo Sociaal Werkpact Zuid']"));
      assertThat(browser.wcagViolations())
          .as("WCAG 2.1 A/AA on the page of regions with a logo and its message")
          .isEmpty();
      browser.click(By.xpath("//button[normalize-space()='Logo weghalen']"));
      browser.waitFor(By.xpath("//*[contains(normalize-space(), 'heeft geen logo meer')]"));
      assertThat(browser.driver.findElements(By.xpath("//img[@alt='Logo Sociaal Werkpact Zuid']")))
          .isEmpty();
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void theNationalViewShowsEveryRegionSideBySide_andPassesAxe() throws Exception {
    RegionSeparationIT.ensureSecondRegion(onboarding, regions);
    TestUsers.ensure(identityService, "browserlandelijk", PASSWORD, Groups.NATIONAL, null);
    openBrowser();
    // The national role has no Tasklist: it signs in on the app's own page, and lands on the view.
    browser.driver.get(baseUrl() + "/dashboard/landelijk");
    browser.signInOnAppPage("browserlandelijk", PASSWORD);
    browser.waitFor(By.xpath("//th[normalize-space()='Sociaal Werkpact Zuid']"));
    browser.waitFor(By.xpath("//th[normalize-space()='Sociaal Werkpact MVS']"));
    assertThat(browser.wcagViolations()).as("WCAG 2.1 A/AA on the national view").isEmpty();
  }
}
