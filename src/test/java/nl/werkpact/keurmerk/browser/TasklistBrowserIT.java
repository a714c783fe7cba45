package nl.werkpact.keurmerk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess.Elements;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess.Vars;
import nl.werkpact.keurmerk.support.Browser;
import nl.werkpact.keurmerk.support.IntegrationTest;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Tasklist in headless Chromium, as an accountmanager: the intake form in Dutch, filled in and completed. */
class TasklistBrowserIT extends IntegrationTest {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;

  private Browser browser;

  @BeforeEach
  void openBrowser() throws Exception {
    browser = Browser.start();
  }

  @AfterEach
  void closeBrowser(TestInfo test) {
    if (browser != null) {
      browser.screenshot(test.getTestMethod().orElseThrow().getName());
      browser.close();
    }
  }

  @Test
  void accountmanagerCompletesIntakeFormInTasklist() {
    String kvk = String.valueOf(ThreadLocalRandom.current().nextInt(30_000_000, 39_999_999));
    String employerName = "Browsertest Kwekerij " + kvk;
    String processInstanceId = startConvenant(employerName, kvk);

    logInToTasklist(ACCOUNTMANAGER, PASSWORD);
    browser.waitFor(By.xpath("//*[contains(normalize-space(text()), 'Intakegesprek: " + employerName + "')]")).click();

    // The Camunda Form from forms/ConvenantIntake.form, with its Dutch labels.
    browser.waitFor(By.xpath("//label[starts-with(normalize-space(), 'Verslag intakegesprek')]"));
    assertThat(labels()).contains("Werkgever", "KvK-nummer", "Datum intakegesprek", "Beoogd aantal extra werkplekken", "Verslag intakegesprek");
    assertThat(field("Werkgever").getAttribute("value")).isEqualTo(employerName);

    // Tasklist lets only the assignee complete a task.
    browser.waitFor(By.xpath("//*[normalize-space(text())='Claim']")).click();
    new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> taskService.createTaskQuery()
        .processInstanceId(processInstanceId).taskAssignee(ACCOUNTMANAGER).count() == 1);
    field("Beoogd aantal extra werkplekken").sendKeys("4");
    field("Verslag intakegesprek").sendKeys("Wil vier werkervaringsplaatsen in de kwekerij aanbieden.");
    WebElement date = field("Datum intakegesprek");
    date.click();
    date.sendKeys("11/20/2026", Keys.ENTER);
    browser.screenshot("intake-form-filled");
    browser.click(By.cssSelector("button[ng-click='complete()']"));

    new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> taskService.createTaskQuery()
        .processInstanceId(processInstanceId).taskDefinitionKey(Elements.TASK_RECORD_SIGNING).count() == 1);
    var convenant = jdbc.sql("SELECT c.intake_notes, c.intended_workplaces, c.intake_date FROM convenant c JOIN employer e ON e.id = c.employer_id WHERE e.kvk_number = ?")
        .param(kvk).query().singleRow();
    assertThat(convenant).containsEntry("intake_notes", "Wil vier werkervaringsplaatsen in de kwekerij aanbieden.")
        .containsEntry("intended_workplaces", 4);
    assertThat(convenant.get("intake_date")).hasToString("2026-11-20");
  }

  private String startConvenant(String employerName, String kvk) {
    identityService.setAuthenticatedUserId(ACCOUNTMANAGER);
    try {
      return runtimeService.startProcessInstanceByKey(ConvenantProcess.PROCESS_KEY, Map.of(
          Vars.EMPLOYER_NAME, employerName, Vars.KVK_NUMBER, kvk, Vars.ADDRESS, "Zuidbuurtseweg 2",
          Vars.MUNICIPALITY, "Maassluis", Vars.CONTACT_PERSON, "Fatima Yilmaz", Vars.CONTACT_EMAIL, "fatima@kwekerij.example")).getId();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void logInToTasklist(String user, String password) {
    browser.driver.get(baseUrl() + "/camunda/app/tasklist/default/");
    browser.waitFor(By.cssSelector("input[ng-model='username']")).sendKeys(user);
    browser.driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(password);
    browser.driver.findElement(By.cssSelector("button[type='submit']")).click();
  }

  private java.util.List<String> labels() {
    return browser.driver.findElements(By.cssSelector("label.fjs-form-field-label")).stream().map(WebElement::getText)
        .map(text -> text.replace("*", "").strip()).toList();
  }

  private WebElement field(String label) {
    // Required fields carry a "*" after the label text.
    WebElement element = browser.driver.findElement(By.xpath(
        "//label[normalize-space()='" + label + "' or normalize-space()='" + label + "*']"));
    return browser.driver.findElement(By.id(element.getAttribute("for")));
  }
}
