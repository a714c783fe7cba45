package nl.werkpact.keurmerk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.werkpact.keurmerk.audit.process.KeurmerkAuditProcess;
import nl.werkpact.keurmerk.audit.process.KeurmerkAuditProcess.Elements;
import nl.werkpact.keurmerk.audit.process.KeurmerkAuditProcess.Vars;
import nl.werkpact.keurmerk.convenant.ConvenantService;
import nl.werkpact.keurmerk.employer.EmployerDetails;
import nl.werkpact.keurmerk.support.EngineRest;
import nl.werkpact.keurmerk.support.IntegrationTest;
import nl.werkpact.keurmerk.support.TestUsers;
import nl.werkpact.keurmerk.support.Unique;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** From a signed convenant through the audit to the award, over REST, on real PostgreSQL, e-mails over SMTP. */
class KeurmerkAuditPostgresIT extends IntegrationTest {

  static final String AUDITOR = "itauditor";
  static final String COMMITTEE = "itcommissie";

  @Autowired TestRestTemplate restTemplate;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired ConvenantService convenants;

  private String kvk;

  @BeforeEach
  void setUp() {
    TestUsers.ensure(identityService, AUDITOR, PASSWORD, "auditors");
    TestUsers.ensure(identityService, COMMITTEE, PASSWORD, "keurmerkcommissie");
    kvk = Unique.kvk();
    var registration =
        convenants.registerIntent(
            new EmployerDetails(
                "Drukkerij De Zeef & Co",
                kvk,
                "Havenstraat 3",
                "Maassluis",
                "Marco Jansen",
                "marco." + kvk + "@dezeef.example"),
            ACCOUNTMANAGER,
            null);
    convenants.recordIntake(registration.convenantId(), LocalDate.now().minusDays(30), "Intake", 2);
    convenants.recordSigning(
        registration.convenantId(), LocalDate.now().minusDays(20), "Marco Jansen", null);
  }

  @Test
  void awardsKeurmerkAfterAuditAndCommitteeWithRulesPinnedAtTheRequest() throws Exception {
    String processInstanceId =
        runtimeService
            .createMessageCorrelation(KeurmerkAuditProcess.MESSAGE_AUDIT_REQUESTED)
            .tenantId(nl.werkpact.keurmerk.support.TestUsers.REGION)
            .processInstanceBusinessKey(kvk)
            .setVariable(Vars.KVK_NUMBER, kvk)
            .correlateStartMessage()
            .getId();
    int versionAtRequest =
        repositoryService
            .createDecisionDefinitionQuery()
            .decisionDefinitionKey(KeurmerkAuditProcess.DECISION_KEY)
            .latestVersion()
            .singleResult()
            .getVersion();

    var auditor = new EngineRest(restTemplate, AUDITOR, PASSWORD);
    complete(
        auditor,
        processInstanceId,
        Elements.TASK_PLAN_AUDIT,
        Map.of(Vars.AUDIT_DATE, LocalDate.now().toString(), Vars.AUDITOR, AUDITOR));
    // A process owner deploys stricter rules while the audit runs: everything is rejected now.
    deployCriteriaThatRejectEverything();
    complete(
        auditor,
        processInstanceId,
        Elements.TASK_PERFORM_AUDIT,
        Map.of(
            Vars.WORKFORCE_SIZE,
            40,
            Vars.TARGET_GROUP_EMPLOYEES,
            2,
            Vars.EXTRA_WORKPLACES,
            1,
            Vars.WORK_EXPERIENCE_PLACES,
            2,
            Vars.SOCIAL_PURCHASING_EUROS,
            1500.50,
            Vars.FINDINGS,
            "Twee stages, één nieuwe baan.",
            Vars.SOCIAL_WORKSHOPS,
            "Patijnenburg",
            Vars.INTERNSHIPS,
            "2",
            Vars.LESSONS_GIVEN,
            "4"));

    var audit =
        jdbc.sql(
                "SELECT id, status, criteria_outcome, criteria_version, performed_by, social_purchasing_euros,"
                    + " internships, lessons_given, moved_on, social_workshops FROM audit WHERE process_instance_id = ?")
            .param(processInstanceId)
            .query()
            .singleRow();
    assertThat(audit)
        .containsEntry("status", "AWAITING_COMMITTEE")
        .containsEntry("criteria_outcome", "TOEKENNEN")
        .containsEntry("criteria_version", versionAtRequest)
        .containsEntry("performed_by", AUDITOR)
        .containsEntry("internships", 2)
        .containsEntry("lessons_given", 4)
        .containsEntry("moved_on", 0)
        .containsEntry("social_workshops", "Patijnenburg");
    assertThat(audit.get("social_purchasing_euros").toString()).isEqualTo("1500.50");
    // The committee's form shows who performed the audit, when, the criteria that advised and
    // the employer's earlier audits.
    var decision =
        runtimeService
            .createProcessInstanceQuery()
            .superProcessInstanceId(processInstanceId)
            .singleResult();
    var context = runtimeService.getVariables(decision.getId());
    assertThat(context)
        .containsEntry(Vars.AUDITOR_NAME, "Test " + AUDITOR)
        .containsEntry(Vars.CRITERIA_VERSION, "KeurmerkCriteria versie " + versionAtRequest)
        .containsEntry(Vars.EARLIER_AUDITS, "Geen eerdere audits.");
    assertThat((String) context.get(Vars.SOCIAL_RETURN))
        .contains(
            "Waarvan stages (deel van de werkervaringsplaatsen en stages): 2",
            "Gastlessen, trainingen en workshops gegeven: 4",
            "Bij welk sociaal werkbedrijf ingekocht: Patijnenburg");
    assertThat((String) context.get(Vars.CRITERIA_EXPLANATION))
        .contains(
            "Social return: 2 stages, 4 gastlessen en workshops; ingekocht bij Patijnenburg.");
    assertThat((String) context.get(Vars.AUDIT_DAY)).matches("\\d{2}-\\d{2}-\\d{4}");

    // The auditor is a member of the committee too, for this test: the four-eyes rule still
    // refuses.
    identityService.createMembership(AUDITOR, "keurmerkcommissie");
    try {
      var refused =
          tryComplete(
              auditor,
              processInstanceId,
              Elements.TASK_COMMITTEE_DECISION,
              Map.of(Vars.FINAL_OUTCOME, "TOEKENNEN"));
      assertThat(refused.getStatusCode().is2xxSuccessful()).isFalse();
      assertThat((String) refused.getBody().get("message")).contains("vier-ogenprincipe");
    } finally {
      identityService.deleteMembership(AUDITOR, "keurmerkcommissie");
    }
    complete(
        new EngineRest(restTemplate, COMMITTEE, PASSWORD),
        processInstanceId,
        Elements.TASK_COMMITTEE_DECISION,
        Map.of(Vars.FINAL_OUTCOME, "TOEKENNEN"));

    var keurmerk =
        jdbc.sql("SELECT number, status, valid_from, valid_until FROM keurmerk WHERE audit_id = ?")
            .param(audit.get("id"))
            .query()
            .singleRow();
    assertThat((String) keurmerk.get("number")).matches("SW-\\d{4}-\\d{4}");
    assertThat(keurmerk).containsEntry("status", "ACTIVE");
    // Through the day before the same date two years later.
    assertThat(keurmerk.get("valid_until").toString())
        .isEqualTo(
            LocalDate.parse(keurmerk.get("valid_from").toString())
                .plusYears(2)
                .minusDays(1)
                .toString());
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM membership m JOIN keurmerk k ON k.id = m.keurmerk_id WHERE k.audit_id = ?")
                .param(audit.get("id"))
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT decided_by FROM audit WHERE id = ?")
                .param(audit.get("id"))
                .query(String.class)
                .single())
        .isEqualTo(COMMITTEE);

    // Congratulations to the employer and a notice to the accountmanager, each once.
    awaitMails(processInstanceId, 2);
    // The SMTP server is shared by all tests: pick this audit's e-mails by their correspondence
    // keys (a suffix such as
    // ":<audit id>" would also match the convenant's confirmation when the two ids happen to be
    // equal).
    List<String> keys =
        jdbc.sql("SELECT dedup_key FROM correspondence WHERE process_instance_id = ?")
            .param(processInstanceId)
            .query(String.class)
            .list();
    List<MimeMessage> mails =
        Arrays.stream(SMTP.getReceivedMessages())
            .filter(m -> keys.contains(correspondenceKey(m)))
            .toList();
    assertThat(mails)
        .extracting(this::recipient)
        .containsExactlyInAnyOrder(
            "marco." + kvk + "@dezeef.example", ACCOUNTMANAGER + "@werkpact.example");
    MimeMessage congratulations =
        mails.stream()
            .filter(m -> recipient(m).equals("marco." + kvk + "@dezeef.example"))
            .findFirst()
            .orElseThrow();
    assertThat(congratulations.getSubject())
        .isEqualTo(
            "Gefeliciteerd: Drukkerij De Zeef & Co is partner in sociaal ondernemen (keurmerk "
                + keurmerk.get("number")
                + ")");
    // The certificate goes with it, as a PDF.
    var parts = (Multipart) congratulations.getContent();
    List<String> attachments = new ArrayList<>();
    for (int i = 0; i < parts.getCount(); i++) {
      if (Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
        attachments.add(
            parts.getBodyPart(i).getFileName()
                + " "
                + parts.getBodyPart(i).getContentType().split(";")[0]);
      }
    }
    assertThat(attachments)
        .containsExactly("keurmerk-" + keurmerk.get("number") + ".pdf application/pdf");
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(processInstanceId)
                .singleResult())
        .isNotNull();
  }

  @Test
  void secondAuditRequestWhileOneRunsIsRefused() {
    runtimeService
        .createMessageCorrelation(KeurmerkAuditProcess.MESSAGE_AUDIT_REQUESTED)
        .tenantId(nl.werkpact.keurmerk.support.TestUsers.REGION)
        .processInstanceBusinessKey(kvk)
        .setVariable(Vars.KVK_NUMBER, kvk)
        .correlateStartMessage();

    var refused =
        new EngineRest(restTemplate, ACCOUNTMANAGER, PASSWORD)
            .post(
                "/message",
                Map.of(
                    "messageName",
                    KeurmerkAuditProcess.MESSAGE_AUDIT_REQUESTED,
                    "businessKey",
                    kvk,
                    "processVariables",
                    Map.of(Vars.KVK_NUMBER, Map.of("value", kvk))));

    assertThat(refused.getStatusCode().is2xxSuccessful()).isFalse();
    assertThat((String) refused.getBody().get("message"))
        .contains("Voor KvK-nummer " + kvk + " loopt al een audit.");
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(KeurmerkAuditProcess.PROCESS_KEY)
                .processInstanceBusinessKey(kvk)
                .count())
        .isEqualTo(1);
  }

  @AfterEach
  void restoreCriteria() throws Exception {
    // The context and its database are shared: later audits must see the real table again.
    repositoryService
        .createDeployment()
        .tenantId(nl.werkpact.keurmerk.support.TestUsers.REGION)
        .name("KeurmerkCriteria")
        .source("Camunda Modeler")
        .addString("KeurmerkCriteria.dmn", criteria())
        .deploy();
  }

  private String criteria() throws Exception {
    try (var in = getClass().getClassLoader().getResourceAsStream("bpmn/KeurmerkCriteria.dmn")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private void deployCriteriaThatRejectEverything() throws Exception {
    String dmn = criteria();
    String strict =
        dmn.replace("<text>\"TOEKENNEN\"</text>", "<text>\"AFWIJZEN\"</text>")
            .replace("<text>\"COMMISSIE\"</text>", "<text>\"AFWIJZEN\"</text>");
    repositoryService
        .createDeployment()
        .tenantId(nl.werkpact.keurmerk.support.TestUsers.REGION)
        .name("KeurmerkCriteria")
        .source("Camunda Modeler")
        .addString("KeurmerkCriteria.dmn", strict)
        .deploy();
  }

  private void complete(
      EngineRest rest, String processInstanceId, String taskKey, Map<String, ?> variables) {
    var response = tryComplete(rest, processInstanceId, taskKey, variables);
    assertThat(response.getStatusCode().is2xxSuccessful())
        .as("complete %s: %s", taskKey, response.getBody())
        .isTrue();
  }

  private ResponseEntity<Map<String, Object>> tryComplete(
      EngineRest rest, String processInstanceId, String taskKey, Map<String, ?> variables) {
    List<Map<String, Object>> tasks =
        rest.getList(
                "/task?processInstanceIdIn="
                    + String.join(",", withCalledInstances(processInstanceId))
                    + "&taskDefinitionKey="
                    + taskKey)
            .getBody();
    assertThat(tasks).as("task %s", taskKey).hasSize(1);
    return rest.post(
        "/task/" + tasks.get(0).get("id") + "/complete", EngineRest.variables(variables));
  }

  private void awaitMails(String processInstanceId, int count) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      long sent =
          jdbc.sql(
                  "SELECT COUNT(*) FROM correspondence WHERE process_instance_id = ? AND status = 'SENT'")
              .param(processInstanceId)
              .query(Long.class)
              .single();
      if (sent == count) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("E-mails of " + processInstanceId + " not sent");
  }

  private String correspondenceKey(MimeMessage message) {
    try {
      String[] header = message.getHeader("X-Werkpact-Correspondence");
      return header == null ? "" : header[0];
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String recipient(MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
