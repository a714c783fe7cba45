package nl.werkpact.keurmerk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.werkpact.keurmerk.audit.process.KeurmerkAuditProcess;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.region.RegionScope;
import nl.werkpact.keurmerk.support.BrowserTest;
import nl.werkpact.keurmerk.support.MailParts;
import nl.werkpact.keurmerk.support.Records;
import nl.werkpact.keurmerk.support.TestUsers;
import nl.werkpact.keurmerk.support.Unique;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The employer's whole way in, in Chromium without JavaScript of our own: it registers its intent on Partner worden and
 * confirms it from the e-mail; once it holds a keurmerk it signs in on Mijn keurmerk with the link it is mailed, asks
 * for the renewal audit, prepares its figures for the planned audit and signs out. axe checks every page for WCAG 2.1
 * A and AA.
 */
class PortalBrowserIT extends BrowserTest {

  private static final String AUDITOR = "itportaalauditor";

  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  /** The link of this kind in an e-mail to the address, once one has arrived (others may have come before it). */
  private String linkIn(String email, String path) throws Exception {
    Pattern link = Pattern.compile("(https?://\\S+/" + path + "\\?code=[0-9a-f]{64})");
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      var received = SMTP.getReceivedMessages();
      for (var message : received) {
        if (message.getAllRecipients()[0].toString().equals(email)) {
          var found = link.matcher(MailParts.text(message));
          if (found.find()) {
            return found.group(1).replaceFirst("^https?://[^/]+", "");
          }
        }
      }
      SMTP.waitForIncomingEmail(200, received.length + 1);
    }
    throw new AssertionError("No e-mail with a " + path + " link for " + email);
  }

  private void complete(
      String processInstanceId,
      String taskKey,
      String user,
      String group,
      Map<String, Object> vars) {
    var task =
        tasks
            .createTaskQuery()
            .processInstanceId(processInstanceId)
            .taskDefinitionKey(taskKey)
            .singleResult();
    identityService.setAuthentication(user, List.of(group), List.of(TestUsers.REGION));
    try {
      tasks.complete(task.getId(), vars);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void noViolations(String page) {
    assertThat(browser.wcagViolations()).as("WCAG 2.1 A/AA violations on %s", page).isEmpty();
  }

  @Test
  void anEmployerRegistersOnlineAndLaterSignsInAsksForItsRenewalAndPreparesItsFigures()
      throws Exception {
    TestUsers.ensure(identityService, AUDITOR, PASSWORD, Groups.AUDITORS);
    RegionScope.run(
        RegionScope.ALL,
        () -> {
          jdbc.sql("UPDATE intent_request SET source_hash = 'test-oud'").update();
          jdbc.sql("UPDATE employer_sign_in SET source_hash = 'test-oud'").update();
        });
    String kvk = Unique.kvk();
    String email = "portaal." + kvk + "@werkgever.example";
    LocalDate today = LocalDate.now(Dates.AMSTERDAM);

    openBrowser();
    browser.driver.get(baseUrl() + "/partner-worden/" + TestUsers.REGION);
    browser.driver.findElement(By.id("naam")).sendKeys("Portaalbakkerij " + kvk);
    browser.driver.findElement(By.id("kvk")).sendKeys(kvk);
    browser.driver.findElement(By.id("adres")).sendKeys("Markt 4");
    new Select(browser.driver.findElement(By.id("gemeente"))).selectByVisibleText("Schiedam");
    browser.driver.findElement(By.id("contactpersoon")).sendKeys("Daan Visser");
    browser.driver.findElement(By.id("email")).sendKeys(email);
    browser.click(By.cssSelector("form[action$='/aanmelden'] button[type='submit']"));
    browser.waitFor(By.cssSelector("[role='status']"));
    browser.driver.get(baseUrl() + linkIn(email, "partner-worden/bevestigen"));
    browser.click(By.xpath("//button[normalize-space()='Bevestig mijn aanmelding']"));
    assertThat(browser.waitFor(By.cssSelector("[role='status']")).getText())
        .startsWith("Uw aanmelding is bevestigd.");

    // The accountmanager holds the intake and records the signature; two years later the keurmerk
    // nears its end.
    String convenant =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(ConvenantProcess.PROCESS_KEY)
            .processInstanceBusinessKey(kvk)
            .singleResult()
            .getId();
    complete(
        convenant,
        ConvenantProcess.Elements.TASK_INTAKE,
        ACCOUNTMANAGER,
        Groups.ACCOUNTMANAGERS,
        Map.of(
            ConvenantProcess.Vars.INTAKE_DATE,
            today.minusDays(10).toString(),
            ConvenantProcess.Vars.INTAKE_NOTES,
            "Kennismaking.",
            ConvenantProcess.Vars.INTENDED_WORKPLACES,
            2));
    complete(
        convenant,
        ConvenantProcess.Elements.TASK_RECORD_SIGNING,
        ACCOUNTMANAGER,
        Groups.ACCOUNTMANAGERS,
        Map.of(
            ConvenantProcess.Vars.SIGNING_OUTCOME, ConvenantProcess.SigningOutcome.SIGNED.name(),
            ConvenantProcess.Vars.SIGNED_DATE, today.minusDays(5).toString(),
            ConvenantProcess.Vars.SIGNED_BY, "Daan Visser"));
    long employer =
        jdbc.sql("SELECT id FROM employer WHERE kvk_number = ?")
            .param(kvk)
            .query(Long.class)
            .single();
    var records = new Records(jdbc);
    LocalDate until = today.plusDays(45);
    LocalDate from = until.minusYears(2).plusDays(1);
    String number = "SW-2094-" + Unique.serial();
    records.keurmerk(
        employer,
        records.audit(employer, from.minusMonths(1), "AWARDED", from, null, 1, 1, null),
        number,
        from,
        until,
        "ACTIVE",
        null);

    // The renewal reminder's link: Mijn keurmerk with the KvK number filled in.
    browser.driver.get(baseUrl() + "/mijn-keurmerk?kvk=" + kvk);
    assertThat(browser.waitFor(By.id("kvk")).getAttribute("value")).isEqualTo(kvk);
    noViolations("the sign-in form");
    browser.driver.findElement(By.id("email")).sendKeys(email);
    browser.click(By.xpath("//button[normalize-space()='Stuur mij een link']"));
    assertThat(browser.waitFor(By.cssSelector("[role='status']")).getText())
        .startsWith("Als dit KvK-nummer en dit e-mailadres bij ons bekend zijn");
    noViolations("the answer to a sign-in request");
    browser.driver.get(baseUrl() + linkIn(email, "mijn-keurmerk/link"));
    browser.waitFor(By.xpath("//button[normalize-space()='Inloggen']"));
    noViolations("the page of the sign-in link");
    browser.click(By.xpath("//button[normalize-space()='Inloggen']"));
    assertThat(browser.waitFor(By.tagName("h1")).getText())
        .isEqualTo("Mijn keurmerk: Portaalbakkerij " + kvk);
    assertThat(browser.driver.findElement(By.tagName("main")).getText())
        .contains(number)
        .contains("U kunt nu de verlengingsaudit aanvragen.");
    noViolations("the employer's page");
    browser.screenshot("mijn-keurmerk");

    browser.click(By.xpath("//button[normalize-space()='Vraag de verlengingsaudit aan']"));
    assertThat(browser.waitFor(By.cssSelector("[role='status']")).getText())
        .startsWith("U hebt de verlengingsaudit aangevraagd.");
    String audit =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(KeurmerkAuditProcess.PROCESS_KEY)
            .processInstanceBusinessKey(kvk)
            .singleResult()
            .getId();
    assertThat(
            jdbc.sql(
                    "SELECT recipient FROM correspondence WHERE template = 'renewal-requested-accountmanager' AND process_instance_id = ?")
                .param(audit)
                .query(String.class)
                .list())
        .as("who held the intake of the online intent is its accountmanager, and is told")
        .containsExactly(ACCOUNTMANAGER + "@werkpact.example");
    complete(
        audit,
        KeurmerkAuditProcess.Elements.TASK_PLAN_AUDIT,
        AUDITOR,
        Groups.AUDITORS,
        Map.of(
            KeurmerkAuditProcess.Vars.AUDIT_DATE,
            today.plusDays(7).toString(),
            KeurmerkAuditProcess.Vars.AUDITOR,
            AUDITOR));

    browser.driver.get(baseUrl() + "/mijn-keurmerk");
    browser.waitFor(By.id("cijfers-kop"));
    noViolations("the employer's page with the figures form");
    browser.driver.findElement(By.id("cijfer-workforceSize")).sendKeys("2.5");
    browser.click(By.xpath("//button[normalize-space()='Sla mijn cijfers op']"));
    assertThat(browser.waitFor(By.cssSelector("[role='alert']")).getText())
        .contains("Totaal aantal medewerkers is geen geheel getal");
    noViolations("the figures refused");
    var workforce = browser.driver.findElement(By.id("cijfer-workforceSize"));
    workforce.clear();
    workforce.sendKeys("1.200");
    browser.driver.findElement(By.id("cijfer-targetGroupEmployees")).sendKeys("70");
    browser.driver.findElement(By.id("cijfer-socialPurchasingEuros")).sendKeys("12.500,50");
    browser.driver.findElement(By.id("activiteiten")).sendKeys("Twee open dagen.");
    browser.click(By.xpath("//button[normalize-space()='Sla mijn cijfers op']"));
    assertThat(browser.waitFor(By.cssSelector("[role='status']")).getText())
        .startsWith("Dank u. De auditor ziet uw cijfers");
    assertThat(runtime.getVariable(audit, KeurmerkAuditProcess.Vars.WORKFORCE_SIZE))
        .isEqualTo("1200");

    browser.click(By.xpath("//button[normalize-space()='Uitloggen']"));
    assertThat(browser.waitFor(By.cssSelector("[role='status']")).getText())
        .isEqualTo("U bent uitgelogd.");
    browser.driver.get(baseUrl() + "/mijn-keurmerk");
    browser.waitFor(By.xpath("//button[normalize-space()='Stuur mij een link']"));
  }
}
