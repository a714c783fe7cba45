package nl.werkpact.keurmerk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.werkpact.keurmerk.audit.process.KeurmerkAuditProcess;
import nl.werkpact.keurmerk.convenant.ConvenantService;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess.Elements;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess.Vars;
import nl.werkpact.keurmerk.keurmerk.process.KeurmerkWithdrawalProcess;
import nl.werkpact.keurmerk.support.Browser;
import nl.werkpact.keurmerk.support.IntegrationTest;
import nl.werkpact.keurmerk.support.TestUsers;
import nl.werkpact.keurmerk.support.Unique;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Tasklist in headless Chromium: the Dutch forms filled in and completed by accountmanager, auditor and committee member. */
class TasklistBrowserIT extends IntegrationTest {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;
  @Autowired ConvenantService convenants;
  @Autowired nl.werkpact.keurmerk.tasks.process.LateTasks lateTasks;

  static final String AUDITOR = "itbrowserauditor";
  static final String COMMITTEE = "itbrowsercommissie";
  static final String OWNER = "itbrowserbeheer";

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
    String kvk = Unique.kvk();
    String employerName = "Browsertest Kwekerij " + kvk;
    String processInstanceId = startConvenant(employerName, kvk);

    logInToTasklist(ACCOUNTMANAGER, PASSWORD);
    // "Mijn taken" opens first; the intake waits, unassigned, for the group.
    browser.click(By.xpath("//*[starts-with(normalize-space(text()),'Taken accountmanagers · ')]"));
    browser.click(
        By.xpath("//*[contains(normalize-space(text()), 'Intakegesprek: " + employerName + "')]"));

    // The Camunda Form from forms/ConvenantIntake.form, with its Dutch labels.
    browser.waitFor(By.xpath("//label[starts-with(normalize-space(), 'Verslag intakegesprek')]"));
    assertThat(labels())
        .contains(
            "Werkgever",
            "KvK-nummer",
            "Datum intakegesprek",
            "Beoogd aantal extra werkplekken",
            "Verslag intakegesprek");
    assertThat(field("Werkgever").getAttribute("value")).isEqualTo(employerName);

    // Tasklist lets only the assignee complete a task.
    browser.click(By.xpath("//*[normalize-space(text())='Oppakken']"));
    new WebDriverWait(browser.driver, Duration.ofSeconds(30))
        .until(
            d ->
                taskService
                        .createTaskQuery()
                        .processInstanceIdIn(withCalledInstances(processInstanceId))
                        .taskAssignee(ACCOUNTMANAGER)
                        .count()
                    == 1);
    fill(
        Map.of(
            "Beoogd aantal extra werkplekken",
            "4",
            "Verslag intakegesprek",
            "Wil vier werkervaringsplaatsen in de kwekerij aanbieden.",
            "Datum intakegesprek",
            "20-11-2026"));
    browser.screenshot("intake-form-filled");
    browser.click(By.cssSelector("button[ng-click='complete()']"));

    new WebDriverWait(browser.driver, Duration.ofSeconds(30))
        .until(
            d ->
                taskService
                        .createTaskQuery()
                        .processInstanceIdIn(withCalledInstances(processInstanceId))
                        .taskDefinitionKey(Elements.TASK_RECORD_SIGNING)
                        .count()
                    == 1);
    var convenant =
        jdbc.sql(
                "SELECT c.intake_notes, c.intended_workplaces, c.intake_date FROM convenant c JOIN employer e ON e.id = c.employer_id WHERE e.kvk_number = ?")
            .param(kvk)
            .query()
            .singleRow();
    assertThat(convenant)
        .containsEntry("intake_notes", "Wil vier werkervaringsplaatsen in de kwekerij aanbieden.")
        .containsEntry("intended_workplaces", 4);
    assertThat(convenant.get("intake_date")).hasToString("2026-11-20");
  }

  @Test
  void auditorRecordsFindingsAndCommitteeMemberAwardsInTasklist() throws Exception {
    String kvk = Unique.kvk();
    String employerName = "Browsertest Bouwbedrijf " + kvk;
    String processInstanceId = plannedAudit(employerName, kvk);

    logInToTasklist(AUDITOR, PASSWORD);
    browser.click(By.xpath("//*[starts-with(normalize-space(text()),'Taken auditoren · ')]"));
    // The auditor chosen at planning has the task; its name says which audit it is.
    assertThat(taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult())
        .satisfies(task -> assertThat(task.getAssignee()).isEqualTo(AUDITOR))
        .satisfies(
            task ->
                assertThat(task.getName())
                    .isEqualTo("Audit uitvoeren: " + employerName + " (eerste audit)"));
    openAndClaim("Audit uitvoeren: " + employerName, processInstanceId, AUDITOR);
    assertThat(labels())
        .contains(
            "Totaal aantal medewerkers",
            "Medewerkers uit de doelgroep",
            "Extra werkplekken voor de doelgroep",
            "Werkervaringsplaatsen en stages",
            "Inkoop bij sociale werkbedrijven (euro)",
            "Bij welk sociaal werkbedrijf ingekocht",
            "Snuffelstages",
            "Plaatsingen via het Werkgeversservicepunt",
            "Bevindingen");
    // Dutch numbers: 2.5 is no count (refused in Dutch, nothing stored), 2.000 is two thousand,
    // 9.999,99 an amount.
    fill(
        Map.of(
            "Bevindingen",
            "Twee stageplaatsen op de bouwplaats.",
            "Totaal aantal medewerkers",
            "2.5",
            "Medewerkers uit de doelgroep",
            "100",
            "Extra werkplekken voor de doelgroep",
            "1",
            "Werkervaringsplaatsen en stages",
            "2",
            "Inkoop bij sociale werkbedrijven (euro)",
            "9.999,99",
            "Bij welk sociaal werkbedrijf ingekocht",
            "Patijnenburg",
            "Snuffelstages",
            "15",
            "Opleidingstrajecten afgerond",
            "1.200"));
    browser.waitFor(
        By.xpath("//li[contains(normalize-space(.), 'Totaal aantal medewerkers: niet te lezen')]"));
    browser.click(By.cssSelector("button[ng-click='complete()']"));
    browser.waitFor(
        By.xpath(
            "//*[contains(normalize-space(.), 'Totaal aantal medewerkers is geen geheel getal zoals wij het lezen')]"));
    browser.screenshot("audit-form-refused");
    dismissNotifications();
    assertThat(
            jdbc.sql("SELECT status FROM audit WHERE process_instance_id = ?")
                .param(processInstanceId)
                .query(String.class)
                .single())
        .isEqualTo("PLANNED");

    fill(Map.of("Totaal aantal medewerkers", "2.000"));
    browser.waitFor(By.xpath("//li[normalize-space(.)='Totaal aantal medewerkers: 2000']"));
    browser.waitFor(
        By.xpath("//li[normalize-space(.)='Aandeel doelgroep (naar beneden afgerond): 5 %']"));
    browser.waitFor(
        By.xpath("//li[normalize-space(.)='Inkoop bij sociale werkbedrijven: € 9999,99']"));
    browser.waitFor(By.xpath("//li[normalize-space(.)='Opleidingstrajecten afgerond: 1200']"));
    browser.waitFor(
        By.xpath(
            "//li[normalize-space(.)='Vaste contracten voor de doelgroep: 0 (leeg gelaten)']"));
    browser.screenshot("audit-form-filled");
    browser.click(By.cssSelector("button[ng-click='complete()']"));
    awaitTask(processInstanceId, KeurmerkAuditProcess.Elements.TASK_COMMITTEE_DECISION);
    assertThat(
            jdbc.sql(
                    "SELECT workforce_size || '/' || target_group_employees || '/' || social_purchasing_euros || '/' || criteria_outcome "
                        + "|| '/' || snuffelstages || '/' || trainings_finished || '/' || permanent_contracts || '/' || social_workshops "
                        + "FROM audit WHERE process_instance_id = ?")
                .param(processInstanceId)
                .query(String.class)
                .single())
        .isEqualTo("2000/100/9999.99/TOEKENNEN/15/1200/0/Patijnenburg");

    browser.close();
    browser = Browser.start();
    logInToTasklist(COMMITTEE, PASSWORD);
    browser.click(
        By.xpath("//*[starts-with(normalize-space(text()),'Taken keurmerkcommissie · ')]"));
    openAndClaim("Besluit keurmerkcommissie: " + employerName, processInstanceId, COMMITTEE);
    assertThat(field("Advies volgens de criteria").getAttribute("value")).isEqualTo("TOEKENNEN");
    // The committee sees per criterion what was required, what was found and whether it was met.
    assertThat(field("Toetsing per criterium").getAttribute("value"))
        .contains("Gelezen cijfers: 2.000 medewerkers, waarvan 100 uit de doelgroep (5,00 %")
        .contains(
            "Regel 1 → TOEKENNEN: Extra werkplekken doelgroep minstens 1 (gevonden: 1, voldaan); Aandeel doelgroep (%) minstens 5 (gevonden: 5,00, voldaan). "
                + "Deze regel past als eerste en geeft het advies.");
    assertThat(field("Social return").getAttribute("value"))
        .contains("Snuffelstages: 15", "Opleidingstrajecten afgerond: 1.200", "Patijnenburg");
    browser.click(By.xpath("//label[normalize-space()='Keurmerk toekennen']"));
    browser.click(By.cssSelector("button[ng-click='complete()']"));

    awaitTask(processInstanceId, KeurmerkAuditProcess.Elements.TASK_PLAN_CEREMONY);
    assertThat(
            jdbc.sql(
                    "SELECT k.status FROM keurmerk k JOIN audit a ON a.id = k.audit_id WHERE a.process_instance_id = ?")
                .param(processInstanceId)
                .query(String.class)
                .single())
        .isEqualTo("ACTIVE");
    assertThat(
            jdbc.sql(
                    "SELECT performed_by || '/' || decided_by FROM audit WHERE process_instance_id = ?")
                .param(processInstanceId)
                .query(String.class)
                .single())
        .isEqualTo(AUDITOR + "/" + COMMITTEE);

    // The committee withdraws the keurmerk in Tasklist by the number the e-mails show; the ceremony
    // task lapses.
    String number =
        jdbc.sql(
                "SELECT k.number FROM keurmerk k JOIN audit a ON a.id = k.audit_id WHERE a.process_instance_id = ?")
            .param(processInstanceId)
            .query(String.class)
            .single();
    browser.click(By.xpath("//a[contains(normalize-space(.), 'Proces starten')]"));
    browser.click(By.xpath("//a[contains(normalize-space(.), 'Keurmerk intrekken')]"));
    browser.waitFor(By.xpath("//label[starts-with(normalize-space(), 'Keurmerknummer')]"));
    fill(
        Map.of(
            "Keurmerknummer",
            number,
            "Reden van intrekking",
            "Geen extra werkplekken meer na de reorganisatie."));
    browser.click(By.xpath("//button[normalize-space()='Starten']"));
    // A last look before anything happens: whose keurmerk it is and what follows.
    new WebDriverWait(browser.driver, Duration.ofSeconds(30))
        .until(
            d ->
                taskService
                        .createTaskQuery()
                        .processInstanceBusinessKey(number)
                        .taskDefinitionKey(
                            KeurmerkWithdrawalProcess.Elements.TASK_CONFIRM_WITHDRAWAL)
                        .taskAssignee(COMMITTEE)
                        .count()
                    == 1);
    assertThat(
            jdbc.sql("SELECT status FROM keurmerk WHERE number = ?")
                .param(number)
                .query(String.class)
                .single())
        .as("nothing withdrawn before the confirmation")
        .isEqualTo("ACTIVE");
    browser.click(By.xpath("//*[normalize-space(text())='Mijn taken']"));
    browser.click(
        By.xpath(
            "//*[contains(normalize-space(text()), 'Intrekking bevestigen: "
                + employerName
                + " ("
                + number
                + ")')]"));
    browser.waitFor(By.xpath("//label[starts-with(normalize-space(), 'Werkgever')]"));
    assertThat(field("Werkgever").getAttribute("value")).isEqualTo(employerName);
    assertThat(field("Keurmerknummer").getAttribute("value")).isEqualTo(number);
    assertThat(field("Geldig").getAttribute("value")).startsWith("van ").contains(" tot en met ");
    assertThat(browser.driver.findElement(By.tagName("body")).getText())
        .contains("Wat er volgt als u intrekt")
        .contains("verdwijnt uit het openbare keurmerkregister");
    browser.screenshot("withdrawal-confirmation");
    browser.click(By.xpath("//label[normalize-space()='Ja, keurmerk intrekken']"));
    browser.click(By.cssSelector("button[ng-click='complete()']"));
    new WebDriverWait(browser.driver, Duration.ofSeconds(30))
        .until(
            d ->
                "WITHDRAWN"
                    .equals(
                        jdbc.sql("SELECT status FROM keurmerk WHERE number = ?")
                            .param(number)
                            .query(String.class)
                            .single()));
    new WebDriverWait(browser.driver, Duration.ofSeconds(30))
        .until(
            d ->
                taskService
                        .createTaskQuery()
                        .processInstanceIdIn(withCalledInstances(processInstanceId))
                        .count()
                    == 0);
    browser.screenshot("keurmerk-withdrawn");
  }

  /** The README's first demo step: the figures of the demo audits are stored as numbers, the form sends them back as text. */
  @Test
  void theCommitteeDecidesAnAuditWhoseFiguresCameInAsNumbers() throws Exception {
    String kvk = Unique.kvk();
    String employerName = "Browsertest Restaurant " + kvk;
    String processInstanceId = plannedAudit(employerName, kvk);
    var audit = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    identityService.setAuthentication(
        AUDITOR, List.of("auditors"), List.of(nl.werkpact.keurmerk.support.TestUsers.REGION));
    try {
      taskService.complete(
          audit.getId(),
          Map.of(
              KeurmerkAuditProcess.Vars.WORKFORCE_SIZE,
              14,
              KeurmerkAuditProcess.Vars.TARGET_GROUP_EMPLOYEES,
              2,
              KeurmerkAuditProcess.Vars.EXTRA_WORKPLACES,
              1,
              KeurmerkAuditProcess.Vars.WORK_EXPERIENCE_PLACES,
              0,
              KeurmerkAuditProcess.Vars.SOCIAL_PURCHASING_EUROS,
              0,
              KeurmerkAuditProcess.Vars.FINDINGS,
              "Twee medewerkers uit de doelgroep."));
    } finally {
      identityService.clearAuthentication();
    }
    awaitTask(processInstanceId, KeurmerkAuditProcess.Elements.TASK_COMMITTEE_DECISION);

    logInToTasklist(COMMITTEE, PASSWORD);
    browser.click(
        By.xpath("//*[starts-with(normalize-space(text()),'Taken keurmerkcommissie · ')]"));
    openAndClaim("Besluit keurmerkcommissie: " + employerName, processInstanceId, COMMITTEE);
    browser.click(By.xpath("//label[normalize-space()='Keurmerk toekennen']"));
    browser.click(By.cssSelector("button[ng-click='complete()']"));

    awaitTask(processInstanceId, KeurmerkAuditProcess.Elements.TASK_PLAN_CEREMONY);
    assertThat(
            jdbc.sql(
                    "SELECT k.status FROM keurmerk k JOIN audit a ON a.id = k.audit_id WHERE a.process_instance_id = ?")
                .param(processInstanceId)
                .query(String.class)
                .single())
        .isEqualTo("ACTIVE");
  }

  @Test
  void accountmanagerRegistersAnIntentWithTheStartFormAndASecondIsRefusedInDutch() {
    String kvk = Unique.kvk();
    logInToTasklist(ACCOUNTMANAGER, PASSWORD);

    for (int attempt = 1; attempt <= 2; attempt++) {
      browser.click(By.xpath("//a[contains(normalize-space(.), 'Proces starten')]"));
      browser.click(By.xpath("//a[contains(normalize-space(.), 'Convenant Sociaal Werkpact')]"));
      browser.waitFor(By.xpath("//label[starts-with(normalize-space(), 'KvK-nummer')]"));
      fill(
          Map.of(
              "Naam werkgever",
              "Starttest Timmerwerk " + kvk,
              "KvK-nummer",
              kvk,
              "Adres",
              "Kerkstraat 1, 3141 AA",
              "Contactpersoon",
              "Sem de Boer",
              "E-mailadres contactpersoon",
              "sem." + kvk + "@timmerwerk.example"));
      choose("Gemeente", "Maassluis");
      browser.screenshot("start-form-filled-" + attempt);
      browser.click(By.xpath("//button[normalize-space()='Starten']"));
      if (attempt == 1) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
            .until(
                d ->
                    runtimeService
                            .createProcessInstanceQuery()
                            .processDefinitionKey(ConvenantProcess.PROCESS_KEY)
                            .processInstanceBusinessKey(kvk)
                            .count()
                        == 1);
      }
    }

    browser.waitFor(
        By.xpath(
            "//*[contains(normalize-space(.), 'Voor KvK-nummer "
                + kvk
                + " loopt al een convenant')]"));
    browser.screenshot("start-form-refused");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(kvk).count())
        .isEqualTo(1);
  }

  /** Tasklist's notifications cover the buttons at the bottom; close them and wait until they are gone. */
  /** An employer with a signed convenant whose audit is planned with AUDITOR, who then has "Audit uitvoeren". */
  private String plannedAudit(String employerName, String kvk) {
    TestUsers.ensure(identityService, AUDITOR, PASSWORD, "auditors");
    TestUsers.ensure(identityService, COMMITTEE, PASSWORD, "keurmerkcommissie");
    nl.werkpact.keurmerk.support.Intents.signed(convenants, employerName, kvk, ACCOUNTMANAGER);
    String processInstanceId =
        runtimeService
            .createMessageCorrelation(KeurmerkAuditProcess.MESSAGE_AUDIT_REQUESTED)
            .tenantId(nl.werkpact.keurmerk.support.TestUsers.REGION)
            .processInstanceBusinessKey(kvk)
            .setVariable(KeurmerkAuditProcess.Vars.KVK_NUMBER, kvk)
            .correlateStartMessage()
            .getId();
    var planning =
        taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    taskService.complete(
        planning.getId(),
        Map.of(
            KeurmerkAuditProcess.Vars.AUDIT_DATE,
            LocalDate.now().toString(),
            KeurmerkAuditProcess.Vars.AUDITOR,
            AUDITOR));
    return processInstanceId;
  }

  private void dismissNotifications() {
    for (WebElement close :
        browser.driver.findElements(By.cssSelector(".page-notifications .close"))) {
      if (close.isDisplayed()) {
        close.click();
      }
    }
    new WebDriverWait(browser.driver, Duration.ofSeconds(30))
        .until(
            d ->
                d.findElements(By.cssSelector(".page-notifications .alert")).stream()
                    .noneMatch(WebElement::isDisplayed));
  }

  private void openAndClaim(String taskName, String processInstanceId, String user) {
    browser.click(By.xpath("//*[contains(normalize-space(text()), '" + taskName + "')]"));
    browser.waitFor(By.cssSelector("label.fjs-form-field-label"));
    // A task planned for this user is assigned already; otherwise the user claims it.
    if (taskService
            .createTaskQuery()
            .processInstanceIdIn(withCalledInstances(processInstanceId))
            .taskAssignee(user)
            .count()
        == 0) {
      browser.click(By.xpath("//*[normalize-space(text())='Oppakken']"));
    }
    new WebDriverWait(browser.driver, Duration.ofSeconds(30))
        .until(
            d ->
                taskService
                        .createTaskQuery()
                        .processInstanceIdIn(withCalledInstances(processInstanceId))
                        .taskAssignee(user)
                        .count()
                    == 1);
  }

  private void awaitTask(String processInstanceId, String taskKey) {
    new WebDriverWait(browser.driver, Duration.ofSeconds(30))
        .until(
            d ->
                taskService
                        .createTaskQuery()
                        .processInstanceIdIn(withCalledInstances(processInstanceId))
                        .taskDefinitionKey(taskKey)
                        .count()
                    == 1);
  }

  private String startConvenant(String employerName, String kvk) {
    identityService.setAuthentication(
        ACCOUNTMANAGER,
        List.of("accountmanagers"),
        List.of(nl.werkpact.keurmerk.support.TestUsers.REGION));
    try {
      return runtimeService
          .startProcessInstanceByKey(
              ConvenantProcess.PROCESS_KEY,
              Map.of(
                  Vars.EMPLOYER_NAME,
                  employerName,
                  Vars.KVK_NUMBER,
                  kvk,
                  Vars.ADDRESS,
                  "Zuidbuurtseweg 2",
                  Vars.MUNICIPALITY,
                  "Maassluis",
                  Vars.CONTACT_PERSON,
                  "Fatima Yilmaz",
                  Vars.CONTACT_EMAIL,
                  "fatima@kwekerij.example"))
          .getId();
    } finally {
      identityService.clearAuthentication();
    }
  }

  /**
   * A task past its due date: Tasklist shows the date the model gave it, and the round tells the accountmanager once,
   * with a link that opens the task.
   */
  @Test
  void aLateIntakeShowsItsDueDateInTasklistAndIsEscalatedOnce() {
    String kvk = Unique.kvk();
    String employerName = "Browsertest Laat " + kvk;
    String processInstanceId = startConvenant(employerName, kvk);
    var intake = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    taskService.setDueDate(
        intake.getId(),
        java.util.Date.from(java.time.Instant.now().minus(java.time.Duration.ofDays(2))));
    lateTasks.escalateDue();
    String link =
        jdbc.sql("SELECT body_text FROM correspondence WHERE dedup_key = ?")
            .param("task-late:" + intake.getId() + ":" + ACCOUNTMANAGER)
            .query(String.class)
            .single()
            .lines()
            .filter(line -> line.contains("?task="))
            .findFirst()
            .orElseThrow();

    logInToTasklist(ACCOUNTMANAGER, PASSWORD);
    browser.driver.get(baseUrl() + link.substring(link.indexOf("/camunda/")));
    browser.waitFor(
        By.xpath("//*[contains(normalize-space(text()), 'Intakegesprek: " + employerName + "')]"));
    // The task's due date, past: Tasklist's bell with "2 dagen geleden".
    assertThat(
            browser
                .waitFor(By.xpath("//*[contains(normalize-space(text()), 'dagen geleden')]"))
                .getText())
        .contains("2 dagen geleden");
  }

  @Test
  void processOwnerAndAdminWorkInDutchCockpitAndAdmin() throws Exception {
    TestUsers.ensure(identityService, OWNER, PASSWORD, "procesbeheerders");
    String kvk = Unique.kvk();
    startConvenant("Browsertest Cockpit " + kvk, kvk);

    logIn("cockpit", OWNER, PASSWORD);
    browser.waitFor(By.xpath("//a[normalize-space()='Processen']"));
    browser.waitFor(By.xpath("//a[normalize-space()='Beslissingen']"));
    // The open tasks per group, which a procesbeheerder may read (not work on).
    browser.click(By.xpath("//a[normalize-space()='Gebruikerstaken']"));
    browser.waitFor(
        By.xpath(
            "//*[contains(normalize-space(text()), 'Accountmanagers Werkgeversservicepunt') or normalize-space(text())='accountmanagers']"));
    assertThat(
            browser.driver.findElements(By.cssSelector(".alert-danger, .alert-error")).stream()
                .noneMatch(WebElement::isDisplayed))
        .as("no permission error on the Gebruikerstaken page")
        .isTrue();
    browser.screenshot("cockpit-gebruikerstaken");

    browser.close();
    browser = Browser.start();
    logIn("admin", "itadmin", "Integratie-Beheer-2026!");
    browser.waitFor(By.xpath("//a[normalize-space()='Gebruikers']"));
    browser.waitFor(By.xpath("//a[normalize-space()='Groepen']"));
    browser.waitFor(By.xpath("//a[normalize-space()='Autorisaties']"));
    browser.screenshot("admin-start");
  }

  private void logInToTasklist(String user, String password) {
    logIn("tasklist", user, password);
  }

  private void logIn(String app, String user, String password) {
    browser.logIn(baseUrl(), app, user, password);
  }

  /**
   * Types each value into the field with that label and waits until every field shows its value, on state, not
   * time: Tasklist re-renders the form when a claim comes back, and what was typed into the old form is lost.
   * A pass that finds a field without its value types it again; the fill is done when a whole pass finds every
   * value in place without typing anything.
   */
  private void fill(Map<String, String> values) {
    new WebDriverWait(browser.driver, Duration.ofSeconds(90))
        .pollingEvery(Duration.ofMillis(250))
        .ignoring(StaleElementReferenceException.class)
        .ignoring(NoSuchElementException.class)
        .ignoring(ElementNotInteractableException.class)
        .until(
            d -> {
              boolean allInPlace = true;
              for (var entry : values.entrySet()) {
                WebElement input = field(entry.getKey());
                if (!input.isEnabled() || input.getAttribute("readonly") != null) {
                  return false; // not claimed yet, or being re-rendered
                }
                if (!entry.getValue().equals(input.getAttribute("value"))) {
                  allInPlace = false;
                  input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
                  input.sendKeys(entry.getValue());
                }
              }
              return allInPlace;
            });
  }

  /**
   * Picks a value of a Camunda Forms list; before that, the list asks in Dutch ("Kies…", not form-js's own
   * "Select").
   */
  private void choose(String label, String value) {
    WebElement display =
        browser.driver.findElement(By.id(field(label).getAttribute("id") + "-display"));
    assertThat(
            ((JavascriptExecutor) browser.driver)
                .executeScript("return getComputedStyle(arguments[0], '::after').content", display))
        .isEqualTo("\"Kies…\"");
    assertThat(
            ((JavascriptExecutor) browser.driver)
                .executeScript("return getComputedStyle(arguments[0]).fontSize", display))
        .as("form-js's own 'Select' is not shown")
        .isEqualTo("0px");
    display.click();
    browser.click(
        By.xpath(
            "//*[contains(@class, 'fjs-dropdownlist-item') and normalize-space()='"
                + value
                + "']"));
    new WebDriverWait(browser.driver, Duration.ofSeconds(30))
        .until(d -> value.equals(display.getText().strip()));
  }

  private List<String> labels() {
    return browser.driver.findElements(By.cssSelector("label.fjs-form-field-label")).stream()
        .map(WebElement::getText)
        .map(text -> text.replace("*", "").strip())
        .toList();
  }

  private WebElement field(String label) {
    // Required fields carry a "*" after the label text.
    WebElement element =
        browser.driver.findElement(
            By.xpath(
                "//label[normalize-space()='"
                    + label
                    + "' or normalize-space()='"
                    + label
                    + "*']"));
    return browser.driver.findElement(By.id(element.getAttribute("for")));
  }
}
