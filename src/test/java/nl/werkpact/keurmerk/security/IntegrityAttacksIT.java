package nl.werkpact.keurmerk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import nl.werkpact.keurmerk.audit.process.KeurmerkAuditProcess;
import nl.werkpact.keurmerk.audit.process.KeurmerkDecisionProcess;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import nl.werkpact.keurmerk.convenant.ConvenantService;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess.Elements;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess.Vars;
import nl.werkpact.keurmerk.identity.AuthorizationSetup;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.keurmerk.KeurmerkService;
import nl.werkpact.keurmerk.keurmerk.KeurmerkStatus;
import nl.werkpact.keurmerk.keurmerk.process.KeurmerkValidityProcess;
import nl.werkpact.keurmerk.keurmerk.process.KeurmerkWithdrawalProcess;
import nl.werkpact.keurmerk.support.EngineRest;
import nl.werkpact.keurmerk.support.ExpressionProbe;
import nl.werkpact.keurmerk.support.IntegrationTest;
import nl.werkpact.keurmerk.support.TasklistApi;
import nl.werkpact.keurmerk.support.TestUsers;
import nl.werkpact.keurmerk.support.Unique;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The hostile probes of the integrity issue, each as an attack through the REST API and, where Tasklist offers
 * the same call, through Tasklist's own API, on PostgreSQL: every one refused with a Dutch 4xx, and the records,
 * the variables and the e-mails unchanged. SECURITY.md's table of attacks points here.
 */
class IntegrityAttacksIT extends IntegrationTest {

  static final String AUDITOR = "itattackauditor";
  static final String COMMITTEE = "itattackcommissie";

  /** An auditor who is also in the committee: the four-eyes rule must hold for him. */
  static final String AUDITOR_IN_COMMITTEE = "itattackbeide";

  static final String OWNER = "itattackbeheer";

  @Autowired TestRestTemplate restTemplate;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;
  @Autowired JdbcClient jdbc;
  @Autowired ConvenantService convenants;
  @Autowired KeurmerkService keurmerken;
  @Autowired ExpressionProbe probe;
  @Autowired AuthorizationService authorizationService;
  @Autowired AuthorizationSetup authorizationSetup;

  private EngineRest accountmanager;

  @BeforeEach
  void users() {
    TestUsers.ensure(identityService, AUDITOR, PASSWORD, "auditors");
    TestUsers.ensure(identityService, COMMITTEE, PASSWORD, "keurmerkcommissie");
    if (identityService.createUserQuery().userId(AUDITOR_IN_COMMITTEE).count() == 0) {
      TestUsers.ensure(identityService, AUDITOR_IN_COMMITTEE, PASSWORD, "auditors");
      identityService.createMembership(AUDITOR_IN_COMMITTEE, "keurmerkcommissie");
    }
    TestUsers.ensure(identityService, OWNER, PASSWORD, "procesbeheerders");
    accountmanager = new EngineRest(restTemplate, ACCOUNTMANAGER, PASSWORD);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  // --- records are bound to their process instance
  // ------------------------------------------------------

  @Test
  void anAuditCannotBeStartedAsTheRenewalOfAnotherEmployersKeurmerk() {
    String holder = signedEmployer();
    long holdersKeurmerk = awardedKeurmerk(holder);
    String requester = signedEmployer();
    var rest =
        accountmanager.post(
            "/message",
            Map.of(
                "messageName",
                KeurmerkAuditProcess.MESSAGE_AUDIT_REQUESTED,
                "businessKey",
                requester,
                "processVariables",
                Map.of(
                    KeurmerkAuditProcess.Vars.KVK_NUMBER,
                    Map.of("value", requester),
                    "renewalOfKeurmerkId",
                    Map.of("value", holdersKeurmerk))));
    var tasklist =
        TasklistApi.login(restTemplate, ACCOUNTMANAGER, PASSWORD)
            .post(
                "/process-definition/key/" + KeurmerkAuditProcess.PROCESS_KEY + "/submit-form",
                EngineRest.variables(
                    Map.of(
                        KeurmerkAuditProcess.Vars.KVK_NUMBER,
                        requester,
                        "renewalOfKeurmerkId",
                        holdersKeurmerk)));

    for (var refused : List.of(rest, tasklist)) {
      assertRefused(
          refused, 400, "Onbekende gegevens voor proces KeurmerkAudit: renewalOfKeurmerkId");
    }
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit a JOIN employer e ON e.id = a.employer_id WHERE e.kvk_number = ?")
                .param(requester)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(keurmerken.get(holdersKeurmerk).status()).isEqualTo(KeurmerkStatus.ACTIVE);
  }

  @Test
  void anIntakeCannotBeWrittenOntoAnotherEmployersConvenant() {
    String victim = randomKvk();
    startConvenant(victim);
    long victimsConvenant = convenantIdOf(victim);
    String own = startConvenant(randomKvk());
    Map<String, Object> intake =
        Map.of(
            Vars.INTAKE_DATE,
            LocalDate.now().toString(),
            Vars.INTAKE_NOTES,
            "Overschreven",
            Vars.CONVENANT_ID,
            victimsConvenant);

    var rest =
        accountmanager.post(
            "/task/" + taskOf(own, Elements.TASK_INTAKE) + "/complete",
            EngineRest.variables(intake));
    var tasklist =
        TasklistApi.login(restTemplate, ACCOUNTMANAGER, PASSWORD)
            .post(
                "/task/" + taskOf(own, Elements.TASK_INTAKE) + "/submit-form",
                EngineRest.variables(intake));

    for (var refused : List.of(rest, tasklist)) {
      assertRefused(refused, 400, "kunt u alleen de velden van het formulier invullen");
      assertThat((String) refused.getBody().get("message")).contains("niet: convenantId");
    }
    assertThat(
            jdbc.sql("SELECT intake_notes FROM convenant WHERE id = ?")
                .param(victimsConvenant)
                .query(String.class)
                .optional())
        .isEmpty();
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceId(own)
                .taskDefinitionKey(Elements.TASK_INTAKE)
                .count())
        .isEqualTo(1);
  }

  @Test
  void aPoisonedVariableDoesNotRedirectATaskToAnotherRecord() {
    // Even a variable changed behind the guard's back (an admin's repair) cannot move a task to
    // another record:
    // the listeners find the convenant from their own process instance.
    String victim = randomKvk();
    startConvenant(victim);
    long victimsConvenant = convenantIdOf(victim);
    String ownKvk = randomKvk();
    String own = startConvenant(ownKvk);
    runtimeService.setVariable(own, Vars.CONVENANT_ID, victimsConvenant);

    var done =
        accountmanager.post(
            "/task/" + taskOf(own, Elements.TASK_INTAKE) + "/complete",
            EngineRest.variables(
                Map.of(
                    Vars.INTAKE_DATE,
                    LocalDate.now().toString(),
                    Vars.INTAKE_NOTES,
                    "Eigen intake")));

    assertThat(done.getStatusCode().value()).as("%s", done.getBody()).isEqualTo(204);
    assertThat(
            jdbc.sql("SELECT intake_notes FROM convenant WHERE id = ?")
                .param(convenantIdOf(ownKvk))
                .query(String.class)
                .single())
        .isEqualTo("Eigen intake");
    assertThat(
            jdbc.sql("SELECT intake_notes FROM convenant WHERE id = ?")
                .param(victimsConvenant)
                .query(String.class)
                .optional())
        .isEmpty();
  }

  @Test
  void theCommitteeCannotDecideAnotherAuditThroughItsOwnTask() {
    String otherKvk = signedEmployer();
    String other = auditAwaitingCommittee(otherKvk, AUDITOR);
    long otherAudit = auditIdOf(other);
    String own = auditAwaitingCommittee(signedEmployer(), AUDITOR);
    String task = taskOf(own, KeurmerkAuditProcess.Elements.TASK_COMMITTEE_DECISION);
    taskService.claim(task, COMMITTEE);
    Map<String, Object> decision =
        Map.of(
            KeurmerkAuditProcess.Vars.FINAL_OUTCOME,
            "TOEKENNEN",
            KeurmerkAuditProcess.Vars.AUDIT_ID,
            otherAudit);

    var rest =
        new EngineRest(restTemplate, COMMITTEE, PASSWORD)
            .post("/task/" + task + "/complete", EngineRest.variables(decision));
    var tasklist =
        TasklistApi.login(restTemplate, COMMITTEE, PASSWORD)
            .post("/task/" + task + "/submit-form", EngineRest.variables(decision));

    for (var refused : List.of(rest, tasklist)) {
      assertRefused(refused, 400, "Onbekende gegevens voor proces KeurmerkDecision: auditId");
    }
    assertThat(auditStatus(otherAudit)).isEqualTo("AWAITING_COMMITTEE");
    assertThat(auditStatus(auditIdOf(own))).isEqualTo("AWAITING_COMMITTEE");
  }

  @Test
  void eachGroupSeesAndWorksOnlyItsOwnTasksThroughGrantsPerProcessDefinition() {
    String convenant = startConvenant(randomKvk());
    String planned = auditPlanned(signedEmployer());
    String atCommittee = auditAwaitingCommittee(signedEmployer(), AUDITOR);
    List<String> instances = new ArrayList<>(List.of(convenant));
    instances.addAll(List.of(withCalledInstances(planned)));
    instances.addAll(List.of(withCalledInstances(atCommittee)));
    String intake = taskOf(convenant, Elements.TASK_INTAKE);
    String audit = taskOf(planned, KeurmerkAuditProcess.Elements.TASK_PERFORM_AUDIT);
    String decision = taskOf(atCommittee, KeurmerkAuditProcess.Elements.TASK_COMMITTEE_DECISION);

    Map<String, String> expected =
        Map.of(
            ACCOUNTMANAGER,
            ConvenantProcess.PROCESS_KEY,
            AUDITOR,
            KeurmerkAuditProcess.PROCESS_KEY,
            COMMITTEE,
            KeurmerkDecisionProcess.PROCESS_KEY);
    expected.forEach(
        (user, processKey) -> {
          var rest = new EngineRest(restTemplate, user, PASSWORD);
          var visible =
              rest.getList("/task?processInstanceIdIn=" + String.join(",", instances)).getBody();
          assertThat(visible)
              .as("tasks %s sees", user)
              .isNotEmpty()
              .allSatisfy(
                  task ->
                      assertThat((String) task.get("processDefinitionId"))
                          .startsWith(processKey + ":"));
          for (String task : List.of(intake, audit, decision)) {
            boolean own = visible.stream().anyMatch(t -> task.equals(t.get("id")));
            if (!own) {
              assertThat(
                      rest.post("/task/" + task + "/claim", Map.of("userId", user))
                          .getStatusCode()
                          .value())
                  .as("%s claims another group's task", user)
                  .isIn(403, 404);
            }
          }
        });
    assertThat(taskService.createTaskQuery().taskId(decision).singleResult().getAssignee())
        .isNull();
    // No authorization row per task: the grants on the process definitions carry the rights.
    for (String task : List.of(intake, audit, decision)) {
      assertThat(
              authorizationService
                  .createAuthorizationQuery()
                  .resourceType(Resources.TASK)
                  .resourceId(task)
                  .count())
          .as("rows of %s", task)
          .isZero();
    }
  }

  @Test
  void rowsPerTaskFromBeforeTheGrantsPerDefinitionAreRemovedAtStartUp() {
    String intake = taskOf(startConvenant(randomKvk()), Elements.TASK_INTAKE);
    var row = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    row.setGroupId(Groups.ACCOUNTMANAGERS);
    row.setResource(Resources.TASK);
    row.setResourceId(intake);
    row.addPermission(TaskPermissions.TASK_WORK);
    authorizationService.saveAuthorization(row);

    authorizationSetup.removeRowsPerTask();

    assertThat(
            authorizationService
                .createAuthorizationQuery()
                .resourceType(Resources.TASK)
                .resourceId(intake)
                .count())
        .isZero();
    assertThat(
            new EngineRest(restTemplate, ACCOUNTMANAGER, PASSWORD)
                .getList("/task?taskId=" + intake)
                .getBody())
        .hasSize(1);
  }

  @Test
  void theAuditorCannotChangeWhichEmployerTheCommitteeSees() {
    String pi = auditPlanned(signedEmployer());
    String task = taskOf(pi, KeurmerkAuditProcess.Elements.TASK_PERFORM_AUDIT);
    taskService.claim(task, AUDITOR);
    Map<String, Object> figures = new LinkedHashMap<>(figures());
    figures.put(KeurmerkAuditProcess.Vars.EMPLOYER_NAME, "Iemand Anders BV");

    var rest =
        new EngineRest(restTemplate, AUDITOR, PASSWORD)
            .post("/task/" + task + "/complete", EngineRest.variables(figures));
    var tasklist =
        TasklistApi.login(restTemplate, AUDITOR, PASSWORD)
            .post("/task/" + task + "/submit-form", EngineRest.variables(figures));

    for (var refused : List.of(rest, tasklist)) {
      assertRefused(refused, 400, "niet: employerName");
    }
    assertThat(runtimeService.getVariable(pi, KeurmerkAuditProcess.Vars.EMPLOYER_NAME))
        .isNotEqualTo("Iemand Anders BV");
    assertThat(auditStatus(auditIdOf(pi))).isEqualTo("PLANNED");
  }

  @Test
  void readOnlyFieldsSentBackUnchangedAreAccepted() {
    String pi = auditPlanned(signedEmployer());
    String task = taskOf(pi, KeurmerkAuditProcess.Elements.TASK_PERFORM_AUDIT);
    taskService.claim(task, AUDITOR);
    Map<String, Object> figures = new LinkedHashMap<>(figures());
    figures.put(
        KeurmerkAuditProcess.Vars.EMPLOYER_NAME,
        runtimeService.getVariable(pi, KeurmerkAuditProcess.Vars.EMPLOYER_NAME));
    figures.put(
        KeurmerkAuditProcess.Vars.KVK_NUMBER,
        runtimeService.getVariable(pi, KeurmerkAuditProcess.Vars.KVK_NUMBER));

    var done =
        TasklistApi.login(restTemplate, AUDITOR, PASSWORD)
            .post("/task/" + task + "/submit-form", EngineRest.variables(figures));

    assertThat(done.getStatusCode().value()).as("%s", done.getBody()).isEqualTo(204);
    assertThat(auditStatus(auditIdOf(pi))).isEqualTo("AWAITING_COMMITTEE");
  }

  // --- deny by default
  // ----------------------------------------------------------------------------------

  @Test
  void nobodyButAnAdminStartsAProcessAtAnyStep() {
    String kvk = randomKvk();
    Map<String, Object> body = new LinkedHashMap<>(EngineRest.variables(employerDetails(kvk)));
    body.put(
        "startInstructions",
        List.of(Map.of("type", "startBeforeActivity", "activityId", Elements.TASK_RECORD_SIGNING)));

    var rest =
        accountmanager.post(
            "/process-definition/key/" + ConvenantProcess.PROCESS_KEY + "/start", body);
    var tasklist =
        TasklistApi.login(restTemplate, ACCOUNTMANAGER, PASSWORD)
            .post("/process-definition/key/" + ConvenantProcess.PROCESS_KEY + "/start", body);

    for (var refused : List.of(rest, tasklist)) {
      assertRefused(refused, 403, "voorbehouden aan beheerders");
    }
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(kvk).count())
        .isZero();
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM employer WHERE kvk_number = ?")
                .param(kvk)
                .query(Long.class)
                .single())
        .isZero();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/process-definition/key/Convenant/start;x=1",
        "/process-definition/key/Convenant/start/",
        "/process-definition/key/C%6Fnvenant/start",
        "/process-definition/key/Convenant;x=1/start"
      })
  void unknownVariablesAreRefusedHoweverTheAddressIsSpelled(String path) {
    String kvk = randomKvk();
    Map<String, Object> vars = new LinkedHashMap<>(employerDetails(kvk));
    vars.put("isAdmin", true);

    var refused =
        exchange(
            ACCOUNTMANAGER, HttpMethod.POST, "/engine-rest" + path, EngineRest.variables(vars));

    assertThat(refused.getStatusCode().is4xxClientError())
        .as("%s %s", refused.getStatusCode(), refused.getBody())
        .isTrue();
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM employer WHERE kvk_number = ?")
                .param(kvk)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void messagesCannotCarryLocalOrUnknownVariables() {
    String kvk = signedEmployer();
    var local =
        accountmanager.post(
            "/message",
            Map.of(
                "messageName",
                KeurmerkAuditProcess.MESSAGE_AUDIT_REQUESTED,
                "businessKey",
                kvk,
                "processVariablesLocal",
                Map.of("auditId", Map.of("value", 1))));
    var scoped =
        accountmanager.post(
            "/message",
            Map.of(
                "messageName",
                KeurmerkAuditProcess.MESSAGE_AUDIT_REQUESTED,
                "businessKey",
                kvk,
                "processVariablesToTriggeredScope",
                Map.of(KeurmerkAuditProcess.Vars.KVK_NUMBER, Map.of("value", kvk))));

    assertThat(local.getStatusCode().is4xxClientError()).as("%s", local.getBody()).isTrue();
    assertRefused(scoped, 400, "kan alleen gegevens voor het hele proces meegeven");
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(KeurmerkAuditProcess.PROCESS_KEY)
                .processInstanceBusinessKey(kvk)
                .count())
        .isZero();
  }

  @Test
  void theCommitteeCannotMoveTimersNorSendMessagesToAValidityPeriod() {
    String kvk = signedEmployer();
    long keurmerkId = awardedKeurmerk(kvk);
    String period = keurmerken.get(keurmerkId).validityProcessInstanceId();
    var timer =
        managementService
            .createJobQuery()
            .processInstanceId(period)
            .timers()
            .orderByJobDuedate()
            .asc()
            .list()
            .get(0);
    Date due = timer.getDuedate();
    var committee = new EngineRest(restTemplate, COMMITTEE, PASSWORD);

    var moved =
        exchange(
            COMMITTEE,
            HttpMethod.PUT,
            "/engine-rest/job/" + timer.getId() + "/duedate",
            Map.of("duedate", "2020-01-01T00:00:00.000+0000"));
    var executed = committee.post("/job/" + timer.getId() + "/execute", Map.of());
    var renewed =
        committee.post(
            "/message",
            Map.of(
                "messageName",
                KeurmerkValidityProcess.MESSAGE_KEURMERK_RENEWED,
                "processInstanceId",
                period));
    var variables =
        committee.post(
            "/process-instance/" + period + "/variables",
            Map.of(
                "modifications",
                Map.of(KeurmerkValidityProcess.Vars.VALID_UNTIL, Map.of("value", "2020-01-01"))));
    var signal = committee.post("/signal", Map.of("name", "KeurmerkRenewed"));

    for (var refused : List.of(moved, executed, renewed, variables, signal)) {
      assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isIn(403, 404);
      assertThat(String.valueOf(refused.getBody()))
          .doesNotContain("ENGINE-")
          .doesNotContain("Exception:");
    }
    assertThat(managementService.createJobQuery().jobId(timer.getId()).singleResult().getDuedate())
        .isEqualTo(due);
    assertThat(runtimeService.getVariable(period, KeurmerkValidityProcess.Vars.VALID_UNTIL))
        .isNotEqualTo("2020-01-01");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(period).count())
        .isEqualTo(1);
    assertThat(keurmerken.get(keurmerkId).status()).isEqualTo(KeurmerkStatus.ACTIVE);
  }

  @Test
  void aWithdrawalInTasklistNeedsTheCommitteeAKnownNumberAndAReason() {
    String startForm =
        "/process-definition/key/" + KeurmerkWithdrawalProcess.PROCESS_KEY + "/submit-form";
    long before = runtimeService.createProcessInstanceQuery().count();

    var unknown =
        TasklistApi.login(restTemplate, COMMITTEE, PASSWORD)
            .post(
                startForm,
                EngineRest.variables(
                    Map.of(
                        "keurmerkNumber",
                        "SW-1999-9999",
                        "withdrawalReason",
                        "Geen werkplekken meer.")));
    var byAuditor =
        TasklistApi.login(restTemplate, AUDITOR, PASSWORD)
            .post(
                startForm,
                EngineRest.variables(
                    Map.of("keurmerkNumber", "SW-1999-9999", "withdrawalReason", "x")));

    assertRefused(unknown, 400, "Keurmerknummer SW-1999-9999 is onbekend.");
    assertThat(byAuditor.getStatusCode().value()).isIn(403, 404);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  // --- four eyes
  // ----------------------------------------------------------------------------------------

  @Test
  void theAuditorOfTheFiguresCannotDecideByAnyRoute() {
    String pi = auditAwaitingCommittee(signedEmployer(), AUDITOR_IN_COMMITTEE);
    String task = taskOf(pi, KeurmerkAuditProcess.Elements.TASK_COMMITTEE_DECISION);
    var rest = new EngineRest(restTemplate, AUDITOR_IN_COMMITTEE, PASSWORD);
    Map<String, Object> award =
        EngineRest.variables(Map.of(KeurmerkAuditProcess.Vars.FINAL_OUTCOME, "TOEKENNEN"));

    var claim = rest.post("/task/" + task + "/claim", Map.of("userId", AUDITOR_IN_COMMITTEE));
    var tasklistClaim =
        TasklistApi.login(restTemplate, AUDITOR_IN_COMMITTEE, PASSWORD)
            .post("/task/" + task + "/claim", Map.of("userId", AUDITOR_IN_COMMITTEE));
    var resolve = rest.post("/task/" + task + "/resolve", award);
    var delegate = rest.post("/task/" + task + "/delegate", Map.of("userId", AUDITOR_IN_COMMITTEE));
    var preset =
        exchange(
            AUDITOR_IN_COMMITTEE,
            HttpMethod.POST,
            "/engine-rest/task/" + task + "/variables",
            Map.of(
                "modifications",
                Map.of(KeurmerkAuditProcess.Vars.FINAL_OUTCOME, Map.of("value", "TOEKENNEN"))));
    // Not even an admin can give him the task.
    var assignedByAdmin =
        new EngineRest(restTemplate, "itadmin", "Integratie-Beheer-2026!")
            .post("/task/" + task + "/assignee", Map.of("userId", AUDITOR_IN_COMMITTEE));

    assertRefused(claim, 400, "vier-ogenprincipe");
    assertRefused(tasklistClaim, 400, "vier-ogenprincipe");
    assertRefused(resolve, 403, "voorbehouden aan beheerders");
    assertRefused(delegate, 403, "voorbehouden aan beheerders");
    assertRefused(preset, 403, "voorbehouden aan beheerders");
    assertRefused(assignedByAdmin, 400, "vier-ogenprincipe");
    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
    assertThat(runtimeService.getVariable(pi, KeurmerkAuditProcess.Vars.FINAL_OUTCOME)).isNull();
    assertThat(auditStatus(auditIdOf(pi))).isEqualTo("AWAITING_COMMITTEE");
  }

  @Test
  void theCommitteeDecisionStartsEmptyWhateverReachedTheInstanceBefore() {
    String pi = auditPlanned(signedEmployer());
    // A decision value that reached the instance before the committee task exists (say, an admin's
    // repair).
    runtimeService.setVariable(pi, KeurmerkAuditProcess.Vars.FINAL_OUTCOME, "TOEKENNEN");
    String perform = taskOf(pi, KeurmerkAuditProcess.Elements.TASK_PERFORM_AUDIT);
    completeAs(AUDITOR, perform, figures());

    String decision = taskOf(pi, KeurmerkAuditProcess.Elements.TASK_COMMITTEE_DECISION);
    assertThat(taskService.getVariable(decision, KeurmerkAuditProcess.Vars.FINAL_OUTCOME))
        .as("what the committee's form shows")
        .isNull();
  }

  // --- expressions
  // --------------------------------------------------------------------------------------

  @Test
  void theEngineRefusesExpressionsInNestedOrQueriesWhateverTheRoute() {
    identityService.setAuthentication(
        ACCOUNTMANAGER,
        List.of("accountmanagers"),
        List.of(nl.werkpact.keurmerk.support.TestUsers.REGION));
    try {
      assertThatThrownBy(
              () ->
                  taskService
                      .createTaskQuery()
                      .or()
                      .taskAssigneeExpression("${expressionProbe.touch()}")
                      .endOr()
                      .list())
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("geen expressies");
      assertThatThrownBy(
              () ->
                  taskService
                      .createTaskQuery()
                      .or()
                      .taskCandidateGroupExpression("${expressionProbe.touch()}")
                      .endOr()
                      .count())
          .isInstanceOf(InvalidRequestException.class);
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(probe.touched()).isZero();
  }

  @Test
  void aMalformedQueryStringIsABadRequest() throws Exception {
    // Sent as written: java.net.URL, unlike URI, does not refuse the broken escape itself.
    var connection =
        (HttpURLConnection) new URL(baseUrl() + "/engine-rest/task?name=%zz").openConnection();
    connection.setRequestProperty(
        "Authorization",
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (ACCOUNTMANAGER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));

    assertThat(connection.getResponseCode()).isEqualTo(400);
    assertThat(new String(connection.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("De zoekvraag in het adres is ongeldig");
  }

  // --- accounts cannot be locked for good
  // ---------------------------------------------------------------

  @Test
  void aGuessersWrongPasswordsNeverKeepTheOwnerOut() throws Exception {
    String victim = "itlockout" + Unique.suffix();
    TestUsers.ensure(identityService, victim, PASSWORD, "admins");
    String attacker = "127.0.0.2";
    String owner = "127.0.0.1";

    for (int attempt = 0; attempt < 12; attempt++) {
      assertThat(loginFrom(attacker, victim, "wrong-" + attempt)).isEqualTo(401);
      // The owner logs in between the guesses, at once, every time (one wrong password a minute
      // kept him out before).
      assertThat(loginFrom(owner, victim, PASSWORD))
          .as("owner after %s guesses", attempt + 1)
          .isEqualTo(200);
    }
    // The guessing address waits: even the right password is not checked from there until its wait
    // is over.
    assertThat(loginFrom(attacker, victim, PASSWORD)).isEqualTo(401);
    assertThat(loginFrom(owner, victim, PASSWORD)).isEqualTo(200);
    assertThat(
            jdbc.sql("SELECT LOCK_EXP_TIME_ FROM ACT_ID_USER WHERE ID_ = ?")
                .param(victim)
                .query(Date.class)
                .optional()
                .filter(until -> until.after(new Date())))
        .as("no lock on the account itself")
        .isEmpty();
  }

  @Test
  void anUnknownUserGetsTheSameAnswerAndTakesAsLongAsAWrongPassword() throws Exception {
    String known = "itknown" + Unique.suffix();
    TestUsers.ensure(identityService, known, PASSWORD, "accountmanagers");
    String unknown = "itnobody" + Unique.suffix();

    long start = System.nanoTime();
    var wrong = exchange(known, "wrong", HttpMethod.GET, "/engine-rest/task/count", null);
    long wrongMillis = (System.nanoTime() - start) / 1_000_000;
    start = System.nanoTime();
    var nobody = exchange(unknown, "wrong", HttpMethod.GET, "/engine-rest/task/count", null);
    long nobodyMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(nobody.getStatusCode()).isEqualTo(wrong.getStatusCode());
    assertThat(String.valueOf(nobody.getBody())).isEqualTo(String.valueOf(wrong.getBody()));
    // Both wait out the same floor (LoginThrottle.FAILURE_TIME), far above the 10 or 28 ms a
    // look-up takes.
    assertThat(wrongMillis).isGreaterThanOrEqualTo(400);
    assertThat(nobodyMillis).isGreaterThanOrEqualTo(400);
  }

  /** The status of a login over HTTP Basic from this local address (the loopback range has one for each "source"). */
  private int loginFrom(String localAddress, String user, String password) throws Exception {
    try (var socket = new Socket()) {
      socket.bind(new InetSocketAddress(localAddress, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
      socket.setSoTimeout(30_000);
      String basic =
          Base64.getEncoder()
              .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      socket
          .getOutputStream()
          .write(
              ("GET /engine-rest/task/count HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                      + basic
                      + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String statusLine =
          new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      return Integer.parseInt(statusLine.split(" ")[1]);
    }
  }

  // --- errors and input
  // ---------------------------------------------------------------------------------

  @ParameterizedTest(name = "name with U+{0}")
  @ValueSource(
      strings = {
        "0000", "0007", "001B", "2028", "2029", "202E", "202D", "2066", "200F", "FEFF", "200B",
        "200C", "200D", "2060", "00AD", "3164", "115F"
      })
  void namesWithControlOrBidiCharactersAreRefusedInDutch(String codePoint) {
    String kvk = randomKvk();
    Map<String, Object> vars = new LinkedHashMap<>(employerDetails(kvk));
    vars.put(Vars.EMPLOYER_NAME, "Bakkerij" + (char) Integer.parseInt(codePoint, 16) + "[31mRood");

    var refused =
        accountmanager.post(
            "/process-definition/key/" + ConvenantProcess.PROCESS_KEY + "/start",
            EngineRest.variables(vars));

    assertRefused(refused, 400, "onzichtbare tekens");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM employer WHERE kvk_number = ?")
                .param(kvk)
                .query(Long.class)
                .single())
        .isZero();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "=?utf-8?B?4oCuZG9vcg==?=",
        "Bakkerij =?UTF-8?Q?=0D=0ABcc:_x@y.example?=",
        "=?iso-8859-1?q?Caf=E9?="
      })
  void namesWithAnEncodedWordAreRefusedSoNoMailProgramDecodesThem(String name) {
    String kvk = randomKvk();
    Map<String, Object> vars = new LinkedHashMap<>(employerDetails(kvk));
    vars.put(Vars.EMPLOYER_NAME, name);

    var refused =
        accountmanager.post(
            "/process-definition/key/" + ConvenantProcess.PROCESS_KEY + "/start",
            EngineRest.variables(vars));

    assertRefused(refused, 400, "gecodeerd woord");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM employer WHERE kvk_number = ?")
                .param(kvk)
                .query(Long.class)
                .single())
        .isZero();
  }

  @ParameterizedTest(name = "intake date {0}")
  @ValueSource(
      strings = {
        "2026-01-10junk",
        "2026-01-10T10:00:00",
        "0001-01-01",
        "2026-02-30",
        "10/01/2026",
        "9999-12-31",
        "morgen"
      })
  void datesAreReadStrictlyWithinASensibleRange(String date) {
    String pi = startConvenant(randomKvk());

    var refused =
        accountmanager.post(
            "/task/" + taskOf(pi, Elements.TASK_INTAKE) + "/complete",
            EngineRest.variables(Map.of(Vars.INTAKE_DATE, date, Vars.INTAKE_NOTES, "x")));

    assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(400);
    assertThat((String) refused.getBody().get("message"))
        .startsWith("Datum intakegesprek")
        .doesNotContain("ENGINE-");
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceId(pi)
                .taskDefinitionKey(Elements.TASK_INTAKE)
                .count())
        .isEqualTo(1);
  }

  @Test
  void aTasklistRefusalIsOneDutchSentence() {
    String pi = startConvenant(randomKvk());
    String task = taskOf(pi, Elements.TASK_INTAKE);
    taskService.claim(task, ACCOUNTMANAGER);

    var refused =
        TasklistApi.login(restTemplate, ACCOUNTMANAGER, PASSWORD)
            .post(
                "/task/" + task + "/submit-form",
                EngineRest.variables(
                    Map.of(
                        Vars.INTAKE_DATE,
                        LocalDate.now().plusDays(3).toString(),
                        Vars.INTAKE_NOTES,
                        "Gesprek")));

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody())
        .containsEntry("message", "Datum intakegesprek mag niet in de toekomst liggen.");
  }

  @Test
  void racingIntentsAnswerOneWinnerAndDutchRefusalsWithoutSql() throws Exception {
    String kvk = randomKvk();
    List<Callable<ResponseEntity<Map<String, Object>>>> intents = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      intents.add(
          () ->
              accountmanager.post(
                  "/process-definition/key/" + ConvenantProcess.PROCESS_KEY + "/start",
                  EngineRest.variables(employerDetails(kvk))));
    }
    var pool = Executors.newFixedThreadPool(6);
    try {
      var answers = pool.invokeAll(intents);
      int won = 0;
      for (var answer : answers) {
        var response = answer.get();
        if (response.getStatusCode().value() == 200) {
          won++;
        } else {
          assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isIn(400, 409);
          assertThat(String.valueOf(response.getBody().get("message")))
              .doesNotContainIgnoringCase("sql")
              .doesNotContain("convenant_")
              .doesNotContain("uq_")
              .doesNotContain("ENGINE-")
              .doesNotContain("Exception");
        }
      }
      assertThat(won).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(kvk).count())
        .isEqualTo(1);
  }

  @Test
  void everyEngineRestAnswerNeedsAuthenticationAndCarriesSecurityHeaders() {
    var engines = restTemplate.getForEntity("/engine-rest/engine", String.class);
    var version = restTemplate.getForEntity("/engine-rest/version", String.class);

    assertThat(engines.getStatusCode().value()).isEqualTo(401);
    assertThat(version.getStatusCode().value()).isEqualTo(401);
    var answered =
        restTemplate
            .withBasicAuth(ACCOUNTMANAGER, PASSWORD)
            .getForEntity("/engine-rest/engine", String.class);
    assertThat(answered.getStatusCode().value()).isEqualTo(200);
    assertThat(answered.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(answered.getHeaders().getFirst("Content-Security-Policy"))
        .contains("default-src 'none'");
    assertThat(answered.getHeaders().getFirst("Cache-Control")).isIn("no-store", "no-cache");
    assertThat(engines.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
  }

  @Test
  void anAnonymousCallerCannotTellWhetherATaskExists() {
    String pi = startConvenant(randomKvk());
    String existing = taskOf(pi, Elements.TASK_INTAKE);

    for (String suffix :
        List.of(
            "",
            "/form",
            "/variables",
            "/identity-links",
            "/deployed-form",
            "/form-variables",
            "/rendered-form",
            "/comment",
            "/attachment",
            "/localVariables")) {
      var known =
          restTemplate.getForEntity(
              "/camunda/api/engine/engine/default/task/" + existing + suffix, String.class);
      var unknown =
          restTemplate.getForEntity(
              "/camunda/api/engine/engine/default/task/"
                  + "00000000-0000-0000-0000-000000000000"
                  + suffix,
              String.class);
      assertThat(known.getStatusCode()).as(suffix).isEqualTo(unknown.getStatusCode());
      assertThat(known.getStatusCode().value()).as(suffix).isIn(401, 403);
      assertThat(withoutEcho(known.getBody(), existing))
          .as(suffix)
          .isEqualTo(withoutEcho(unknown.getBody(), "00000000-0000-0000-0000-000000000000"));
      assertThat(String.valueOf(known.getBody()))
          .as(suffix)
          .doesNotContain(ConvenantProcess.PROCESS_KEY);
    }
    for (String suffix : List.of("/claim", "/complete", "/submit-form", "/bpmnError")) {
      var known =
          restTemplate.postForEntity(
              "/camunda/api/engine/engine/default/task/" + existing + suffix,
              Map.of(),
              String.class);
      var unknown =
          restTemplate.postForEntity(
              "/camunda/api/engine/engine/default/task/00000000-0000-0000-0000-000000000000"
                  + suffix,
              Map.of(),
              String.class);
      assertThat(known.getStatusCode()).as(suffix).isEqualTo(unknown.getStatusCode());
      assertThat(known.getStatusCode().value()).as(suffix).isIn(401, 403);
      assertThat(withoutEcho(known.getBody(), existing))
          .as(suffix)
          .isEqualTo(withoutEcho(unknown.getBody(), "00000000-0000-0000-0000-000000000000"));
    }
    assertThat(taskService.createTaskQuery().taskId(existing).singleResult().getAssignee())
        .isNull();
  }

  /** The answer without its time stamp and without the id the caller sent itself. */
  private static String withoutEcho(String body, String id) {
    return body == null ? "" : body.replace(id, "ID").replaceAll("\"timestamp\":\"[^\"]*\"", "");
  }

  // --- deploying a model cannot run code
  // ----------------------------------------------------------------

  @Test
  void aModelThatWouldRunCodeOnTheServerIsNotDeployed() throws Exception {
    String original = Files.readString(Path.of("bpmn/Convenant.bpmn"));
    String hostile =
        original.replace(
            "camunda:delegateExpression=\"${registerIntentDelegate}\"",
            "camunda:expression=\"${registerIntentDelegate.getClass().forName('java.lang.Runtime')}\"");
    assertThat(hostile).isNotEqualTo(original);
    long deployments = repositoryService.createDeploymentQuery().count();

    var refused = deploy(OWNER, "Convenant.bpmn", hostile);

    assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(400);
    assertThat(refused.getBody()).contains("Task_RegisterIntent").contains("Het model is niet ge");
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  // --- the allowlist: a command the role's work does not need is refused before it runs
  // -------------------

  @Test
  void aTaskCannotBeEndedWithABpmnErrorByItsOwnGroup() {
    String kvk = randomKvk();
    String convenant = startConvenant(kvk);
    String intake = taskOf(convenant, Elements.TASK_INTAKE);

    var rest =
        exchange(
            ACCOUNTMANAGER,
            HttpMethod.POST,
            "/engine-rest/task/" + intake + "/bpmnError",
            Map.of("errorCode", "stop"));
    var tasklist =
        TasklistApi.login(restTemplate, ACCOUNTMANAGER, PASSWORD)
            .post("/task/" + intake + "/bpmnError", Map.of("errorCode", "stop"));

    for (var refused : List.of(rest, tasklist)) {
      assertRefused(refused, 403, "voorbehouden aan beheerders");
    }
    assertThat(taskService.createTaskQuery().taskId(intake).count()).isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT status FROM convenant WHERE id = ?")
                .param(convenantIdOf(kvk))
                .query(String.class)
                .single())
        .isEqualTo("INTENT");
  }

  @Test
  void aRefusedJobExecutionUsesUpNoRetryAndLeavesNoIncident() {
    long keurmerk = awardedKeurmerk(signedEmployer());
    String validity =
        jdbc.sql("SELECT validity_process_instance_id FROM keurmerk WHERE id = ?")
            .param(keurmerk)
            .query(String.class)
            .single();
    var expiry =
        managementService.createJobQuery().processInstanceId(validity).timers().singleResult();
    int retries = expiry.getRetries();

    for (String user : List.of(COMMITTEE, OWNER, ACCOUNTMANAGER)) {
      for (int attempt = 0; attempt < 3; attempt++) {
        assertRefused(
            exchange(
                user, HttpMethod.POST, "/engine-rest/job/" + expiry.getId() + "/execute", null),
            403,
            "voorbehouden aan beheerders");
      }
    }
    assertRefused(
        exchange(
            OWNER,
            HttpMethod.PUT,
            "/engine-rest/job/" + expiry.getId() + "/retries",
            Map.of("retries", 0)),
        403,
        "voorbehouden aan beheerders");

    var after = managementService.createJobQuery().jobId(expiry.getId()).singleResult();
    assertThat(after.getRetries()).isEqualTo(retries);
    assertThat(after.getExceptionMessage()).isNull();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(validity).count()).isZero();
    assertThat(keurmerken.get(keurmerk).status()).isEqualTo(KeurmerkStatus.ACTIVE);
  }

  @Test
  void aTaskCannotBeClaimedForSomeoneElseNorGivenBackForThem() {
    String intake = taskOf(startConvenant(randomKvk()), Elements.TASK_INTAKE);

    assertRefused(
        exchange(
            ACCOUNTMANAGER,
            HttpMethod.POST,
            "/engine-rest/task/" + intake + "/claim",
            Map.of("userId", "itattackbeheer")),
        403,
        "alleen voor uzelf claimen");
    assertThat(taskService.createTaskQuery().taskId(intake).singleResult().getAssignee()).isNull();

    TestUsers.ensure(identityService, "itattackcollega", PASSWORD, "accountmanagers");
    assertThat(
            exchange(
                    "itattackcollega",
                    HttpMethod.POST,
                    "/engine-rest/task/" + intake + "/claim",
                    Map.of("userId", "itattackcollega"))
                .getStatusCode()
                .value())
        .isEqualTo(204);
    assertRefused(
        exchange(ACCOUNTMANAGER, HttpMethod.POST, "/engine-rest/task/" + intake + "/unclaim", null),
        403,
        "aan een collega toegewezen");
    assertThat(
            exchange(
                    "itattackcollega",
                    HttpMethod.POST,
                    "/engine-rest/task/" + intake + "/unclaim",
                    null)
                .getStatusCode()
                .value())
        .as("giving back one's own task")
        .isEqualTo(204);
    assertThat(
            exchange(
                    "itattackcollega",
                    HttpMethod.POST,
                    "/engine-rest/task/" + intake + "/claim",
                    Map.of("userId", "itattackcollega"))
                .getStatusCode()
                .value())
        .isEqualTo(204);
    assertRefused(
        exchange(
            ACCOUNTMANAGER,
            HttpMethod.POST,
            "/engine-rest/task/" + intake + "/assignee",
            Map.of("userId", ACCOUNTMANAGER)),
        403,
        "voorbehouden aan beheerders");
    assertThat(taskService.createTaskQuery().taskId(intake).singleResult().getAssignee())
        .isEqualTo("itattackcollega");
  }

  @Test
  void theProcesbeheerderCannotRemoveRunningInstancesSuspendTimersOrShortenTheHistory() {
    String convenant = startConvenant(randomKvk());
    var definition =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionId(
                runtimeService
                    .createProcessInstanceQuery()
                    .processInstanceId(convenant)
                    .singleResult()
                    .getProcessDefinitionId())
            .singleResult();

    assertRefused(
        exchange(
            OWNER,
            HttpMethod.DELETE,
            "/engine-rest/deployment/" + definition.getDeploymentId() + "?cascade=true",
            null),
        403,
        "cascade");
    assertRefused(
        exchange(
            OWNER,
            HttpMethod.DELETE,
            "/engine-rest/process-definition/" + definition.getId() + "?cascade=true",
            null),
        403,
        "voorbehouden aan beheerders");
    assertRefused(
        exchange(OWNER, HttpMethod.DELETE, "/engine-rest/process-instance/" + convenant, null),
        403,
        "voorbehouden aan beheerders");
    assertRefused(
        exchange(
            OWNER,
            HttpMethod.PUT,
            "/engine-rest/job-definition/suspended",
            Map.of("processDefinitionKey", KeurmerkValidityProcess.PROCESS_KEY, "suspended", true)),
        403,
        "voorbehouden aan beheerders");
    assertRefused(
        exchange(
            OWNER,
            HttpMethod.PUT,
            "/engine-rest/process-definition/key/"
                + KeurmerkValidityProcess.PROCESS_KEY
                + "/suspended",
            Map.of("suspended", true, "includeProcessInstances", true)),
        403,
        "voorbehouden aan beheerders");
    assertRefused(
        exchange(
            OWNER,
            HttpMethod.PUT,
            "/engine-rest/process-definition/" + definition.getId() + "/history-time-to-live",
            Map.of("historyTimeToLive", 0)),
        403,
        "voorbehouden aan beheerders");

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(convenant).count())
        .isEqualTo(1);
    assertThat(
            repositoryService
                .createDeploymentQuery()
                .deploymentId(definition.getDeploymentId())
                .count())
        .isEqualTo(1);
    assertThat(repositoryService.getProcessDefinition(definition.getId()).getHistoryTimeToLive())
        .isEqualTo(3650);
    assertThat(
            managementService
                .createJobDefinitionQuery()
                .processDefinitionKey(KeurmerkValidityProcess.PROCESS_KEY)
                .suspended()
                .count())
        .isZero();
  }

  @Test
  void aCaseModelIsNotDeployedAndNoCaseCanBeCreated() {
    String cmmn =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <cmmn:definitions xmlns:cmmn="http://www.omg.org/spec/CMMN/20151109/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/cmmn"
            id="Definitions_Case" targetNamespace="http://werkpact.nl/test">
          <cmmn:case id="Case_Attack" camunda:historyTimeToLive="1">
            <cmmn:casePlanModel id="CasePlanModel_Attack">
              <cmmn:extensionElements>
                <camunda:caseExecutionListener event="create" class="java.lang.Runtime" />
              </cmmn:extensionElements>
            </cmmn:casePlanModel>
          </cmmn:case>
        </cmmn:definitions>
        """;
    long deployments = repositoryService.createDeploymentQuery().count();

    TestUsers.ensure(identityService, "itattackadmin", PASSWORD, "admins");
    for (String user : List.of(OWNER, "itattackadmin")) {
      var refused = deploy(user, "Attack.cmmn", cmmn);
      assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(400);
      assertThat(refused.getBody())
          .contains("Attack.cmmn is geen BPMN-model")
          .doesNotContain("ENGINE-")
          .doesNotContain("at org.");
    }
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    for (String user : List.of(ACCOUNTMANAGER, AUDITOR, COMMITTEE, OWNER)) {
      var refused =
          exchange(
              user,
              HttpMethod.POST,
              "/engine-rest/case-definition/key/Case_Attack/create",
              Map.of());
      assertThat(refused.getStatusCode().value())
          .as("%s %s", user, refused.getBody())
          .isIn(403, 404);
    }
  }

  @Test
  void theProcesbeheerderReadsNoContactDataThroughVariablesOrHistory() {
    String kvk = randomKvk();
    String convenant = startConvenant(kvk);
    String email = (String) employerDetails(kvk).get(Vars.CONTACT_EMAIL);

    for (String path :
        List.of(
            "/engine-rest/history/variable-instance?processInstanceId=" + convenant,
            "/engine-rest/variable-instance?processInstanceIdIn=" + convenant,
            "/engine-rest/history/detail?processInstanceId=" + convenant,
            "/engine-rest/process-instance/" + convenant + "/variables",
            "/engine-rest/history/variable-instance?variableName=" + Vars.CONTACT_EMAIL)) {
      var answer = restTemplate.withBasicAuth(OWNER, PASSWORD).getForEntity(path, String.class);
      assertThat(answer.getStatusCode().value()).as(path).isIn(200, 403);
      assertThat(answer.getBody()).as(path).doesNotContain(email).doesNotContain("Piet");
    }
    var ownAccountmanager =
        restTemplate
            .withBasicAuth(ACCOUNTMANAGER, PASSWORD)
            .getForEntity(
                "/engine-rest/task/" + taskOf(convenant, Elements.TASK_INTAKE) + "/form-variables",
                String.class);
    assertThat(ownAccountmanager.getBody()).contains(email);
  }

  @Test
  void theCommitteeDecidesWhenTheFormSendsTheFiguresBackAsText() {
    String pi = auditAwaitingCommittee(signedEmployer(), AUDITOR);
    String task = taskOf(pi, KeurmerkAuditProcess.Elements.TASK_COMMITTEE_DECISION);
    // Every field of forms/CommitteeDecision.form, the shown ones as the form sends them back: as
    // text.
    Map<String, Object> asTheFormSendsThem = new LinkedHashMap<>();
    var shown = taskService.getVariables(task);
    for (String field :
        List.of(
            "employerName",
            "kvkNumber",
            "workforceSize",
            "targetGroupEmployees",
            "extraWorkplaces",
            "workExperiencePlaces",
            "socialPurchasingEuros",
            "findings",
            "criteriaOutcome",
            "criteriaReason")) {
      if (shown.get(field) != null) {
        asTheFormSendsThem.put(field, String.valueOf(shown.get(field)));
      }
    }
    assertThat(asTheFormSendsThem)
        .containsKeys("workforceSize", "extraWorkplaces", "socialPurchasingEuros");
    assertThat(shown.get("workforceSize")).isInstanceOf(Number.class);
    asTheFormSendsThem.put(KeurmerkDecisionProcess.Vars.FINAL_OUTCOME, "TOEKENNEN");
    var tasklist = TasklistApi.login(restTemplate, COMMITTEE, PASSWORD);
    assertThat(
            tasklist
                .post("/task/" + task + "/claim", Map.of("userId", COMMITTEE))
                .getStatusCode()
                .value())
        .isEqualTo(204);

    var done =
        tasklist.post("/task/" + task + "/submit-form", EngineRest.variables(asTheFormSendsThem));

    assertThat(done.getStatusCode().value()).as("%s", done.getBody()).isEqualTo(204);
    assertThat(auditStatus(auditIdOf(pi))).isEqualTo("AWARDED");
  }

  @Test
  void aFigureTheCommitteeChangedInItsFormIsStillRefused() {
    String pi = auditAwaitingCommittee(signedEmployer(), AUDITOR);
    String task = taskOf(pi, KeurmerkAuditProcess.Elements.TASK_COMMITTEE_DECISION);
    var tasklist = TasklistApi.login(restTemplate, COMMITTEE, PASSWORD);
    tasklist.post("/task/" + task + "/claim", Map.of("userId", COMMITTEE));

    var refused =
        tasklist.post(
            "/task/" + task + "/submit-form",
            EngineRest.variables(
                Map.of(
                    KeurmerkDecisionProcess.Vars.EXTRA_WORKPLACES,
                    "7",
                    KeurmerkDecisionProcess.Vars.FINAL_OUTCOME,
                    "TOEKENNEN")));

    assertRefused(refused, 400, "niet: extraWorkplaces");
    assertThat(auditStatus(auditIdOf(pi))).isEqualTo("AWAITING_COMMITTEE");
  }

  @Test
  void aDeploymentOfThirtyMegabytesIsRefusedBeforeItIsRead() throws Exception {
    long deployments = repositoryService.createDeploymentQuery().count();
    try (var socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      String basic =
          Base64.getEncoder()
              .encodeToString((OWNER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
      // The headers announce 30 MB; the answer comes before any of it is sent.
      socket
          .getOutputStream()
          .write(
              ("POST /engine-rest/deployment/create HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                      + basic
                      + "\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: "
                      + (30 * 1024 * 1024)
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      // Read what arrives until the answer's JSON is complete: the server keeps the connection
      // until the client goes.
      var in = socket.getInputStream();
      StringBuilder rest = new StringBuilder();
      byte[] buffer = new byte[4096];
      while (!rest.toString().endsWith("}") && rest.length() < 100_000) {
        int read = in.read(buffer);
        if (read < 0) {
          break;
        }
        rest.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
      }
      assertThat(rest.toString()).startsWith("HTTP/1.1 413");
      assertThat(rest.toString()).contains("groter dan 2 MB");
    }
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void theProcesbeheerderCannotDeployABrokenCriteriaTableOrMoveCodeToAnotherStart()
      throws Exception {
    String criteria =
        Files.readString(Path.of("bpmn/KeurmerkCriteria.dmn"))
            .replace(
                "<inputEntry id=\"Rule_AwardOnShare_In1\"><text>&gt;= 1</text>",
                "<inputEntry id=\"Rule_AwardOnShare_In1\"><text>&gt;= vier</text>")
            .replace(
                "<inputExpression id=\"Input_ExtraWorkplaces_Expression\"",
                "<inputExpression expressionLanguage='juel' id=\"Input_ExtraWorkplaces_Expression\"");
    String withdrawal =
        Files.readString(Path.of("bpmn/KeurmerkWithdrawal.bpmn"))
            .replace(
                "<bpmn:outgoing>Flow_ToReviewWithdrawal</bpmn:outgoing>\n    </bpmn:startEvent>",
                "<bpmn:outgoing>Flow_ToReviewWithdrawal</bpmn:outgoing><bpmn:timerEventDefinition id=\"TimerEventDefinition_Nightly\">"
                    + "<bpmn:timeCycle>0 0 1 * * ?</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>");
    long deployments = repositoryService.createDeploymentQuery().count();

    var table = deploy(OWNER, "KeurmerkCriteria.dmn", criteria);
    var timer = deploy(OWNER, "KeurmerkWithdrawal.bpmn", withdrawal);

    assertThat(table.getStatusCode().value()).as("%s", table.getBody()).isEqualTo(400);
    assertThat(table.getBody())
        .contains("regel 1 (Rule_AwardOnShare)")
        .contains("Extra werkplekken doelgroep")
        .contains("vier")
        .contains("beslissingen gebruiken alleen FEEL");
    assertThat(timer.getStatusCode().value()).as("%s", timer.getBody()).isEqualTo(400);
    assertThat(timer.getBody()).contains("StartEvent_WithdrawalRequested: start op een timer");
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  // --- helpers
  // ------------------------------------------------------------------------------------------

  private static void assertRefused(
      ResponseEntity<Map<String, Object>> response, int status, String dutch) {
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
    assertThat((String) response.getBody().get("message"))
        .contains(dutch)
        .doesNotContain("ENGINE-")
        .doesNotContain("Exception");
  }

  private ResponseEntity<Map<String, Object>> exchange(
      String user, HttpMethod method, String path, Object body) {
    return exchange(user, PASSWORD, method, path, body);
  }

  private ResponseEntity<Map<String, Object>> exchange(
      String user, String password, HttpMethod method, String path, Object body) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBasicAuth(user, password);
    // A URI that is sent as it is written: the probes are about spellings the client would
    // otherwise normalize.
    return restTemplate.exchange(
        URI.create(baseUrl() + path),
        method,
        new HttpEntity<>(body, headers),
        new ParameterizedTypeReference<Map<String, Object>>() {});
  }

  private ResponseEntity<String> deploy(String user, String fileName, String content) {
    var body = new LinkedMultiValueMap<String, Object>();
    body.add("deployment-name", "Aanval-" + Unique.suffix());
    body.add("tenant-id", "mvs"); // the region of the test's staff
    body.add(
        "data",
        new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
          @Override
          public String getFilename() {
            return fileName;
          }
        });
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return restTemplate
        .withBasicAuth(user, PASSWORD)
        .postForEntity(
            "/engine-rest/deployment/create", new HttpEntity<>(body, headers), String.class);
  }

  private static Map<String, Object> employerDetails(String kvk) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put(Vars.EMPLOYER_NAME, "Aanval BV " + kvk);
    details.put(Vars.KVK_NUMBER, kvk);
    details.put(Vars.ADDRESS, "Markt 1");
    details.put(Vars.MUNICIPALITY, "Vlaardingen");
    details.put(Vars.CONTACT_PERSON, "Piet");
    details.put(Vars.CONTACT_EMAIL, "piet." + kvk + "@aanval.example");
    return details;
  }

  private String startConvenant(String kvk) {
    var started =
        accountmanager.post(
            "/process-definition/key/" + ConvenantProcess.PROCESS_KEY + "/start",
            EngineRest.variables(employerDetails(kvk)));
    assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(200);
    return (String) started.getBody().get("id");
  }

  private long convenantIdOf(String kvk) {
    return jdbc.sql(
            "SELECT c.id FROM convenant c JOIN employer e ON e.id = c.employer_id WHERE e.kvk_number = ?")
        .param(kvk)
        .query(Long.class)
        .single();
  }

  /** An employer with a signed convenant, written through the service (the convenant is not what is attacked here). */
  private String signedEmployer() {
    String kvk = randomKvk();
    nl.werkpact.keurmerk.support.Intents.signed(
        convenants, "Doelwit BV " + kvk, kvk, ACCOUNTMANAGER);
    return kvk;
  }

  private String requestAudit(String kvk) {
    return runtimeService
        .createMessageCorrelation(KeurmerkAuditProcess.MESSAGE_AUDIT_REQUESTED)
        .tenantId(nl.werkpact.keurmerk.support.TestUsers.REGION)
        .processInstanceBusinessKey(kvk)
        .setVariable(KeurmerkAuditProcess.Vars.KVK_NUMBER, kvk)
        .correlateStartMessage()
        .getId();
  }

  private String auditPlanned(String kvk) {
    return auditPlanned(kvk, AUDITOR);
  }

  /** Planned with this auditor, who then has the task "Audit uitvoeren". */
  private String auditPlanned(String kvk, String auditor) {
    String pi = requestAudit(kvk);
    taskService.complete(
        taskOf(pi, KeurmerkAuditProcess.Elements.TASK_PLAN_AUDIT),
        Map.of(
            KeurmerkAuditProcess.Vars.AUDIT_DATE,
            LocalDate.now().toString(),
            KeurmerkAuditProcess.Vars.AUDITOR,
            auditor));
    return pi;
  }

  private String auditAwaitingCommittee(String kvk, String auditor) {
    String pi = auditPlanned(kvk, auditor);
    completeAs(auditor, taskOf(pi, KeurmerkAuditProcess.Elements.TASK_PERFORM_AUDIT), figures());
    return pi;
  }

  private long awardedKeurmerk(String kvk) {
    String pi = auditAwaitingCommittee(kvk, AUDITOR);
    completeAs(
        COMMITTEE,
        taskOf(pi, KeurmerkAuditProcess.Elements.TASK_COMMITTEE_DECISION),
        Map.of(KeurmerkAuditProcess.Vars.FINAL_OUTCOME, "TOEKENNEN"));
    return jdbc.sql(
            "SELECT k.id FROM keurmerk k JOIN audit a ON a.id = k.audit_id WHERE a.process_instance_id = ?")
        .param(pi)
        .query(Long.class)
        .single();
  }

  private void completeAs(String user, String taskId, Map<String, Object> variables) {
    identityService.setAuthentication(
        user,
        identityService.createGroupQuery().groupMember(user).list().stream()
            .map(g -> g.getId())
            .toList(),
        List.of(nl.werkpact.keurmerk.support.TestUsers.REGION));
    try {
      taskService.claim(taskId, user);
      taskService.complete(taskId, variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static Map<String, Object> figures() {
    return Map.of(
        KeurmerkAuditProcess.Vars.WORKFORCE_SIZE,
        20,
        KeurmerkAuditProcess.Vars.TARGET_GROUP_EMPLOYEES,
        2,
        KeurmerkAuditProcess.Vars.EXTRA_WORKPLACES,
        1,
        KeurmerkAuditProcess.Vars.WORK_EXPERIENCE_PLACES,
        0,
        KeurmerkAuditProcess.Vars.SOCIAL_PURCHASING_EUROS,
        0,
        KeurmerkAuditProcess.Vars.FINDINGS,
        "Bevindingen");
  }

  private long auditIdOf(String processInstanceId) {
    return jdbc.sql("SELECT id FROM audit WHERE process_instance_id = ?")
        .param(processInstanceId)
        .query(Long.class)
        .single();
  }

  private String auditStatus(long auditId) {
    return jdbc.sql("SELECT status FROM audit WHERE id = ?")
        .param(auditId)
        .query(String.class)
        .single();
  }

  private String taskOf(String processInstanceId, String taskKey) {
    return taskService
        .createTaskQuery()
        .processInstanceIdIn(withCalledInstances(processInstanceId))
        .taskDefinitionKey(taskKey)
        .singleResult()
        .getId();
  }

  private static String randomKvk() {
    return Unique.kvk();
  }
}
