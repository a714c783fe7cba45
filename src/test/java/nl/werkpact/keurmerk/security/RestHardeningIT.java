package nl.werkpact.keurmerk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.werkpact.keurmerk.audit.process.KeurmerkAuditProcess;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess.Elements;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess.Vars;
import nl.werkpact.keurmerk.support.EngineRest;
import nl.werkpact.keurmerk.support.ExpressionProbe;
import nl.werkpact.keurmerk.support.IntegrationTest;
import nl.werkpact.keurmerk.support.TestUsers;
import nl.werkpact.keurmerk.support.Unique;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What Camunda 7.24.0 leaves open and we close: anonymous REST, expressions in queries, bad input over REST. */
class RestHardeningIT extends IntegrationTest {

  static final String AUDITOR = "itrestauditor";

  @Autowired TestRestTemplate restTemplate;
  @Autowired ExpressionProbe probe;
  @Autowired FilterService filterService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;

  private EngineRest accountmanager;

  @BeforeEach
  void setUp() {
    TestUsers.ensure(identityService, AUDITOR, PASSWORD, "auditors");
    accountmanager = new EngineRest(restTemplate, ACCOUNTMANAGER, PASSWORD);
  }

  @Test
  void anonymousCallsGet401() {
    var anonymous = restTemplate.getForEntity("/engine-rest/task", String.class);
    var anonymousDeploy =
        restTemplate.postForEntity("/engine-rest/deployment/create", null, String.class);

    assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
    assertThat(anonymousDeploy.getStatusCode().value()).isEqualTo(401);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{\"assigneeExpression\": \"${expressionProbe.touch()}\"}",
        "{\"orQueries\": [{\"candidateGroupExpression\": \"${expressionProbe.touch()}\"}]}",
        "{\"orQueries\": [{\"processVariables\": [{\"name\": \"x\", \"operator\": \"eq\", \"value\": \"#{expressionProbe.touch()}\"}]}]}",
        "{\"orQueries\": [{\"assigneeExpression\": \"\\u0024{expressionProbe.touch()}\"}]}"
      })
  void taskQueriesWithExpressionsAreRefusedAndNothingIsEvaluated(String body) {
    var refused = postJson("/task", body);

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).contains("Zoekvragen en filters mogen geen expressies");
    assertThat(probe.touched()).isZero();
  }

  @Test
  void expressionsInQueryStringsAreRefused() {
    var refused =
        restTemplate
            .withBasicAuth(ACCOUNTMANAGER, PASSWORD)
            .getForEntity(
                "/engine-rest/task?assigneeExpression=%24%7BexpressionProbe.touch()%7D",
                String.class);

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(probe.touched()).isZero();
  }

  @Test
  void filtersWithExpressionsAreNotCreated() {
    long filtersBefore = filterService.createFilterQuery().count();

    var refused =
        postJson(
            "/filter/create",
            "{\"resourceType\": \"Task\", \"name\": \"Mijn taken\", \"query\": {\"orQueries\": [{\"assigneeExpression\": \"${expressionProbe.touch()}\"}]}}");

    // A user who is no admin saves no filter at all (the REST route allowlist); an admin's is
    // refused by the guards.
    assertThat(refused.getStatusCode().value()).isIn(400, 403);
    assertThat(filterService.createFilterQuery().count()).isEqualTo(filtersBefore);
    assertThat(probe.touched()).isZero();
  }

  @Test
  void queriesWithoutExpressionsStillWork() {
    var answered =
        postJson("/task", "{\"orQueries\": [{\"candidateGroup\": \"accountmanagers\"}]}");

    assertThat(answered.getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void javaSerializedVariablesAreRefused() {
    String kvk = randomKvk();
    // A known variable, so that it is the serialization format that is refused, not the name.
    var refused =
        accountmanager.post(
            "/process-definition/key/" + ConvenantProcess.PROCESS_KEY + "/start",
            Map.of(
                "variables",
                Map.of(
                    Vars.EMPLOYER_NAME,
                        Map.of(
                            "value",
                            "rO0ABXQABGhhY2s=",
                            "type",
                            "Object",
                            "valueInfo",
                            Map.of(
                                "objectTypeName",
                                "java.lang.String",
                                "serializationDataFormat",
                                "application/x-java-serialized-object")),
                    Vars.KVK_NUMBER, Map.of("value", kvk))));

    assertThat(refused.getStatusCode().is4xxClientError()).as("%s", refused.getBody()).isTrue();
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM employer WHERE kvk_number = ?")
                .param(kvk)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void refusedInputAnswers400InDutch() {
    var refused =
        accountmanager.post(
            "/process-definition/key/" + ConvenantProcess.PROCESS_KEY + "/start",
            EngineRest.variables(
                Map.of(
                    Vars.EMPLOYER_NAME,
                    "<script>alert(1)</script>",
                    Vars.KVK_NUMBER,
                    "1234",
                    Vars.ADDRESS,
                    "x",
                    Vars.MUNICIPALITY,
                    "x",
                    Vars.CONTACT_PERSON,
                    "x",
                    Vars.CONTACT_EMAIL,
                    "geen-adres")));

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat((String) refused.getBody().get("message"))
        .contains("KvK-nummer moet uit precies 8 cijfers bestaan.")
        .contains("E-mailadres contactpersoon is geen geldig e-mailadres.");
  }

  @Test
  void wronglyTypedFiguresAreRefusedAndTheTaskStays() {
    String kvk = randomKvk();
    String processInstanceId = startConvenant(kvk);

    var refused =
        completeTask(
            accountmanager,
            processInstanceId,
            Elements.TASK_INTAKE,
            Map.of(
                Vars.INTAKE_DATE,
                "2026-01-10",
                Vars.INTAKE_NOTES,
                "x",
                Vars.INTENDED_WORKPLACES,
                "veel"));

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat((String) refused.getBody().get("message"))
        .contains(
            "Beoogd aantal extra werkplekken is geen geheel getal zoals wij het lezen; typ bijvoorbeeld 2000 of 2.000 (een punt scheidt duizendtallen, een komma mag niet).");
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceId(processInstanceId)
                .taskDefinitionKey(Elements.TASK_INTAKE)
                .count())
        .isEqualTo(1);
  }

  @Test
  void anotherGroupsTaskCannotBeSeenOrCompleted() {
    String processInstanceId = startConvenant(randomKvk());
    String taskId =
        taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
    var auditor = new EngineRest(restTemplate, AUDITOR, PASSWORD);

    assertThat(auditor.getList("/task?processInstanceId=" + processInstanceId).getBody()).isEmpty();
    var refused =
        auditor.post(
            "/task/" + taskId + "/complete",
            EngineRest.variables(Map.of(Vars.INTAKE_DATE, "2026-01-10", Vars.INTAKE_NOTES, "x")));
    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
  }

  @Test
  void unknownVariablesAreRefusedAndNothingIsStored() {
    String kvk = randomKvk();
    var start =
        accountmanager.post(
            "/process-definition/key/" + ConvenantProcess.PROCESS_KEY + "/start",
            EngineRest.variables(
                Map.of(
                    Vars.EMPLOYER_NAME,
                    "Onbekend BV",
                    Vars.KVK_NUMBER,
                    kvk,
                    Vars.ADDRESS,
                    "Markt 1",
                    Vars.MUNICIPALITY,
                    "Schiedam",
                    Vars.CONTACT_PERSON,
                    "Piet",
                    Vars.CONTACT_EMAIL,
                    "piet." + kvk + "@onbekend.example",
                    "isAdmin",
                    true)));
    assertThat(start.getStatusCode().value()).isEqualTo(400);
    assertThat((String) start.getBody().get("message"))
        .isEqualTo("Onbekende gegevens voor proces Convenant: isAdmin. Er is niets opgeslagen.");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM employer WHERE kvk_number = ?")
                .param(kvk)
                .query(Long.class)
                .single())
        .isZero();

    String processInstanceId = startConvenant(randomKvk());
    var complete =
        completeTask(
            accountmanager,
            processInstanceId,
            Elements.TASK_INTAKE,
            Map.of(
                Vars.INTAKE_DATE,
                "2026-01-10",
                Vars.INTAKE_NOTES,
                "x",
                "signedDate",
                "2026-01-11",
                "extraVeld",
                1));
    assertThat(complete.getStatusCode().value()).isEqualTo(400);
    assertThat((String) complete.getBody().get("message"))
        .contains("extraVeld")
        .doesNotContain("signedDate");
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceId(processInstanceId)
                .taskDefinitionKey(Elements.TASK_INTAKE)
                .count())
        .isEqualTo(1);
  }

  @Test
  void aTaskCannotBeCompletedTwice() {
    String processInstanceId = startConvenant(randomKvk());
    String taskId =
        taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
    Map<String, Object> intake =
        EngineRest.variables(
            Map.of(Vars.INTAKE_DATE, "2026-01-10", Vars.INTAKE_NOTES, "Goed gesprek"));

    assertThat(accountmanager.post("/task/" + taskId + "/complete", intake).getStatusCode().value())
        .isEqualTo(204);
    var second = accountmanager.post("/task/" + taskId + "/complete", intake);

    assertThat(second.getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceId(processInstanceId)
                .taskDefinitionKey(Elements.TASK_RECORD_SIGNING)
                .count())
        .isEqualTo(1);
  }

  @Test
  void anAuditForAnEmployerWithoutSignedConvenantIsRefusedOverRest() {
    String kvk = randomKvk();
    startConvenant(kvk);

    var refused =
        accountmanager.post(
            "/message",
            Map.of(
                "messageName",
                KeurmerkAuditProcess.MESSAGE_AUDIT_REQUESTED,
                "businessKey",
                kvk,
                "processVariables",
                Map.of(KeurmerkAuditProcess.Vars.KVK_NUMBER, Map.of("value", kvk))));

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat((String) refused.getBody().get("message")).contains("is geen getekend convenant");
  }

  private String startConvenant(String kvk) {
    var started =
        accountmanager.post(
            "/process-definition/key/" + ConvenantProcess.PROCESS_KEY + "/start",
            EngineRest.variables(
                Map.of(
                    Vars.EMPLOYER_NAME,
                    "Hardening BV",
                    Vars.KVK_NUMBER,
                    kvk,
                    Vars.ADDRESS,
                    "Markt 1",
                    Vars.MUNICIPALITY,
                    "Schiedam",
                    Vars.CONTACT_PERSON,
                    "Piet",
                    Vars.CONTACT_EMAIL,
                    "piet." + kvk + "@hardening.example")));
    assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(200);
    return (String) started.getBody().get("id");
  }

  private ResponseEntity<Map<String, Object>> completeTask(
      EngineRest rest, String processInstanceId, String key, Map<String, ?> vars) {
    List<Map<String, Object>> tasks =
        rest.getList("/task?processInstanceId=" + processInstanceId + "&taskDefinitionKey=" + key)
            .getBody();
    return rest.post("/task/" + tasks.get(0).get("id") + "/complete", EngineRest.variables(vars));
  }

  private ResponseEntity<String> postJson(String path, String body) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return restTemplate
        .withBasicAuth(ACCOUNTMANAGER, PASSWORD)
        .exchange(
            "/engine-rest" + path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

  private static String randomKvk() {
    return Unique.kvk();
  }
}
