package nl.werkpact.keurmerk.convenant;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess.Elements;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess.SigningOutcome;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess.Vars;
import nl.werkpact.keurmerk.support.EngineRest;
import nl.werkpact.keurmerk.support.IntegrationTest;
import nl.werkpact.keurmerk.support.MailParts;
import nl.werkpact.keurmerk.support.Unique;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The whole Convenant path through the REST API, on real PostgreSQL, with the e-mail received over SMTP. */
class ConvenantPostgresIT extends IntegrationTest {

  @Autowired TestRestTemplate restTemplate;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;

  private EngineRest rest;
  private String kvk;

  @BeforeEach
  void setUp() {
    rest = new EngineRest(restTemplate, ACCOUNTMANAGER, PASSWORD);
    kvk = Unique.kvk();
  }

  @Test
  void signedConvenantIsStoredAndConfirmedByEmailWithTheNameEscaped() throws Exception {
    String name = "Van Dijk & Zn. <Installatietechniek>";
    var started =
        rest.post(
            "/process-definition/key/" + ConvenantProcess.PROCESS_KEY + "/start", intent(name));
    assertThat(started.getStatusCode().value()).isEqualTo(200);
    String processInstanceId = (String) started.getBody().get("id");
    assertThat(started.getBody().get("businessKey")).isEqualTo(kvk);

    completeTask(
        processInstanceId,
        Elements.TASK_INTAKE,
        Map.of(
            Vars.INTAKE_DATE,
            "2026-01-10",
            Vars.INTAKE_NOTES,
            "Wil twee leerwerkplekken openstellen.",
            Vars.INTENDED_WORKPLACES,
            2));
    completeTask(
        processInstanceId,
        Elements.TASK_RECORD_SIGNING,
        Map.of(
            Vars.SIGNING_OUTCOME,
            SigningOutcome.SIGNED.name(),
            Vars.SIGNED_DATE,
            "2026-01-15",
            Vars.SIGNED_BY,
            "Henk van Dijk"));

    // The dispatcher sends the e-mail after the signature is committed, beside the engine.
    MimeMessage mail = awaitMailTo("henk." + kvk + "@vandijk.example");
    assertThat(mail.getSubject())
        .isEqualTo("Bevestiging: convenant Sociaal Werkpact getekend door " + name);
    String html = htmlPart(mail);
    assertThat(html)
        .contains("Van Dijk &amp; Zn. &lt;Installatietechniek&gt;")
        .doesNotContain("<Installatietechniek>");

    var employer =
        jdbc.sql("SELECT id, name, municipality, contact_email FROM employer WHERE kvk_number = ?")
            .param(kvk)
            .query()
            .singleRow();
    assertThat(employer).containsEntry("name", name).containsEntry("municipality", "Vlaardingen");
    var convenant =
        jdbc.sql(
                "SELECT id, status, signed_by, intended_workplaces, registered_by FROM convenant WHERE employer_id = ?")
            .param(employer.get("id"))
            .query()
            .singleRow();
    assertThat(convenant)
        .containsEntry("status", "SIGNED")
        .containsEntry("signed_by", "Henk van Dijk")
        .containsEntry("intended_workplaces", 2)
        .containsEntry("registered_by", ACCOUNTMANAGER);
    awaitProcessEnded(processInstanceId);
    var correspondence =
        jdbc.sql(
                "SELECT recipient, template, status, concerns_type, concerns_id, sent_at FROM correspondence WHERE process_instance_id = ?")
            .param(processInstanceId)
            .query()
            .listOfRows();
    assertThat(correspondence)
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row)
                  .containsEntry("recipient", "henk." + kvk + "@vandijk.example")
                  .containsEntry("template", ConvenantService.MAIL_CONVENANT_SIGNED)
                  .containsEntry("status", "SENT")
                  .containsEntry("concerns_type", "CONVENANT");
              assertThat(((Number) row.get("concerns_id")).longValue())
                  .isEqualTo(((Number) convenant.get("id")).longValue());
              assertThat(row.get("sent_at")).isNotNull();
            });
  }

  @Test
  void secondIntentForTheSameKvkNumberIsRefusedInDutchAndStartsNothing() {
    assertThat(
            rest.post(
                    "/process-definition/key/" + ConvenantProcess.PROCESS_KEY + "/start",
                    intent("Bakkerij Eén"))
                .getStatusCode()
                .value())
        .isEqualTo(200);
    long instancesBefore = runtimeService.createProcessInstanceQuery().count();

    var refused =
        rest.post(
            "/process-definition/key/" + ConvenantProcess.PROCESS_KEY + "/start",
            intent("Bakkerij Twee"));

    assertThat(refused.getStatusCode().is2xxSuccessful()).isFalse();
    assertThat((String) refused.getBody().get("message"))
        .contains("Voor KvK-nummer " + kvk + " loopt al een convenant");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    assertThat(
            jdbc.sql("SELECT name FROM employer WHERE kvk_number = ?")
                .param(kvk)
                .query(String.class)
                .single())
        .isEqualTo("Bakkerij Eén");
  }

  private Map<String, Object> intent(String name) {
    return EngineRest.variables(
        Map.of(
            Vars.EMPLOYER_NAME,
            name,
            Vars.KVK_NUMBER,
            kvk,
            Vars.ADDRESS,
            "Industrieweg 4, 3133 KD",
            Vars.MUNICIPALITY,
            "Vlaardingen",
            Vars.CONTACT_PERSON,
            "Henk van Dijk",
            Vars.CONTACT_EMAIL,
            "henk." + kvk + "@vandijk.example"));
  }

  private void completeTask(String processInstanceId, String taskKey, Map<String, ?> variables) {
    List<Map<String, Object>> tasks =
        rest.getList(
                "/task?processInstanceId=" + processInstanceId + "&taskDefinitionKey=" + taskKey)
            .getBody();
    assertThat(tasks).hasSize(1);
    var completed =
        rest.post("/task/" + tasks.get(0).get("id") + "/complete", EngineRest.variables(variables));
    assertThat(completed.getStatusCode().is2xxSuccessful())
        .as("complete %s: %s", taskKey, completed.getBody())
        .isTrue();
  }

  private static String htmlPart(MimeMessage mail) throws Exception {
    return MailParts.html(mail);
  }

  private void awaitProcessEnded(String processInstanceId) throws InterruptedException {
    // The mail job commits right after the SMTP hand-over; poll the engine's own state, not the
    // clock.
    for (int i = 0;
        i < 100
            && historyService
                    .createHistoricProcessInstanceQuery()
                    .processInstanceId(processInstanceId)
                    .finished()
                    .count()
                == 0;
        i++) {
      Thread.sleep(100);
    }
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId)
                .finished()
                .count())
        .isEqualTo(1);
  }
}
