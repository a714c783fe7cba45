package nl.werkpact.keurmerk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.keurmerk.process.KeurmerkValidityProcess;
import nl.werkpact.keurmerk.support.IntegrationTest;
import nl.werkpact.keurmerk.support.TestUsers;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

/** What a procesbeheerder does from Camunda Modeler and the migration endpoint; and that nobody else can. */
class ProcessOwnerIT extends IntegrationTest {

  static final String OWNER = "itowner";
  static final String AUDITOR = "itownerauditor";

  @Autowired TestRestTemplate restTemplate;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired org.camunda.bpm.engine.FormService formService;

  @BeforeEach
  void users() {
    TestUsers.ensure(identityService, OWNER, PASSWORD, Groups.PROCESBEHEERDERS);
    TestUsers.ensure(identityService, AUDITOR, PASSWORD, Groups.AUDITORS);
  }

  /** The multipart request of Camunda Modeler's deploy dialog: name, source, changed-only, and the files. */
  private int deployFromModeler(String user, String deploymentName) throws Exception {
    return deployFromModeler(user, deploymentName, "mvs").getStatusCode().value();
  }

  private org.springframework.http.ResponseEntity<String> deployFromModeler(
      String user, String deploymentName, String tenant) throws Exception {
    var body = new LinkedMultiValueMap<String, Object>();
    body.add("deployment-name", deploymentName);
    if (tenant != null) {
      body.add("tenant-id", tenant); // the region, as Modeler's deploy dialog names it
    }
    body.add("deployment-source", "Camunda Modeler");
    body.add("deploy-changed-only", "true");
    body.add("Convenant.bpmn", file("bpmn/Convenant.bpmn"));
    for (String form : List.of("ConvenantIntent", "ConvenantIntake", "ConvenantSigning")) {
      body.add(form + ".form", file("forms/" + form + ".form"));
    }
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return restTemplate
        .withBasicAuth(user, PASSWORD)
        .postForEntity(
            "/engine-rest/deployment/create", new HttpEntity<>(body, headers), String.class);
  }

  @Test
  void aProcesbeheerderDeploysOnlyIntoItsOwnRegion() throws Exception {
    long before = repositoryService.createDeploymentQuery().count();
    var shared = deployFromModeler(OWNER, "Convenant (voor iedereen)", null);
    assertThat(shared.getStatusCode().value()).isEqualTo(400);
    assertThat(shared.getBody())
        .contains("installeer het in uw eigen regio")
        .contains("Tenant ID mvs");
    var other = deployFromModeler(OWNER, "Convenant (andere regio)", "westland");
    assertThat(other.getStatusCode().value()).isEqualTo(400);
    assertThat(other.getBody()).contains("in plaats van westland");
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
  }

  private static ByteArrayResource file(String path) throws Exception {
    byte[] content =
        Files.readString(Path.of(path), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
    String name = Path.of(path).getFileName().toString();
    return new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    };
  }

  @Test
  void aProcesbeheerderDeploysFromModelerWithItsForms() throws Exception {
    assertThat(deployFromModeler(OWNER, "Convenant (Modeler)")).isEqualTo(200);

    var deployment =
        repositoryService
            .createDeploymentQuery()
            .deploymentName("Convenant (Modeler)")
            .singleResult();
    assertThat(deployment.getSource()).isEqualTo("Camunda Modeler");
    assertThat(repositoryService.getDeploymentResourceNames(deployment.getId()))
        .contains(
            "Convenant.bpmn",
            "ConvenantIntent.form",
            "ConvenantIntake.form",
            "ConvenantSigning.form");
  }

  /** Camunda Modeler's deploy of one changed BPMN file, without its forms. */
  private org.springframework.http.ResponseEntity<String> deployBpmnAlone(
      String deploymentName, String bpmn) {
    var body = new LinkedMultiValueMap<String, Object>();
    body.add("deployment-name", deploymentName);
    body.add("tenant-id", "mvs"); // the region of the test's staff
    body.add("deployment-source", "Camunda Modeler");
    body.add("deploy-changed-only", "true");
    byte[] content = bpmn.getBytes(StandardCharsets.UTF_8);
    body.add(
        "Convenant.bpmn",
        new ByteArrayResource(content) {
          @Override
          public String getFilename() {
            return "Convenant.bpmn";
          }
        });
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return restTemplate
        .withBasicAuth(OWNER, PASSWORD)
        .postForEntity(
            "/engine-rest/deployment/create", new HttpEntity<>(body, headers), String.class);
  }

  @Test
  void aChangedBpmnDeployedAloneKeepsTheFormsOfItsProcess() throws Exception {
    var before =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(ConvenantProcess.PROCESS_KEY)
            .tenantIdIn(nl.werkpact.keurmerk.support.TestUsers.REGION)
            .latestVersion()
            .singleResult();
    String changed =
        Files.readString(Path.of("bpmn/Convenant.bpmn"))
            .replaceFirst("(<bpmn:process )", "<!-- gewijzigd in Modeler -->\n  $1");

    var response = deployBpmnAlone("Convenant (Modeler, alleen BPMN)", changed);

    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
    var deployment =
        repositoryService
            .createDeploymentQuery()
            .deploymentName("Convenant (Modeler, alleen BPMN)")
            .singleResult();
    assertThat(repositoryService.getDeploymentResourceNames(deployment.getId()))
        .containsExactlyInAnyOrder(
            "Convenant.bpmn",
            "ConvenantIntent.form",
            "ConvenantIntake.form",
            "ConvenantSigning.form");
    for (String form : List.of("ConvenantIntent", "ConvenantIntake", "ConvenantSigning")) {
      assertThat(repositoryService.getResourceAsStream(deployment.getId(), form + ".form"))
          .hasSameContentAs(
              repositoryService.getResourceAsStream(before.getDeploymentId(), form + ".form"));
    }
    var latest =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(ConvenantProcess.PROCESS_KEY)
            .tenantIdIn(nl.werkpact.keurmerk.support.TestUsers.REGION)
            .latestVersion()
            .singleResult();
    assertThat(latest.getDeploymentId()).isEqualTo(deployment.getId());
    // The start form resolves in the new deployment (form binding "deployment").
    assertThat(formService.getDeployedStartForm(latest.getId()))
        .hasSameContentAs(
            repositoryService.getResourceAsStream(
                before.getDeploymentId(), "ConvenantIntent.form"));
  }

  @Test
  void aBpmnAloneWithAFormNoVersionHadIsRefusedNamingTheFileToAdd() throws Exception {
    String changed =
        Files.readString(Path.of("bpmn/Convenant.bpmn"))
            .replace(
                "camunda:formRef=\"ConvenantIntake\"", "camunda:formRef=\"ConvenantIntakeKort\"");

    var response = deployBpmnAlone("Convenant (Modeler, nieuw formulier)", changed);

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody())
        .contains(
            "Voeg forms/ConvenantIntakeKort.form toe aan de deployment: het proces verwijst ernaar.")
        .doesNotContain("does not exist");
    assertThat(
            repositoryService
                .createDeploymentQuery()
                .deploymentName("Convenant (Modeler, nieuw formulier)")
                .count())
        .isZero();
  }

  @Test
  void anyOtherRoleIsRefused() throws Exception {
    assertThat(deployFromModeler(AUDITOR, "Convenant (auditor)")).isEqualTo(403);
    assertThat(deployFromModeler(ACCOUNTMANAGER, "Convenant (accountmanager)")).isEqualTo(403);
    assertThat(
            repositoryService.createDeploymentQuery().deploymentNameLike("Convenant (a%").count())
        .isZero();
  }

  @Test
  void aProcesbeheerderMovesValidityPeriodsWithReminderTimersToTheVersionWithoutThem()
      throws Exception {
    String key = KeurmerkValidityProcess.PROCESS_KEY;
    repositoryService
        .createDeployment()
        .tenantId(nl.werkpact.keurmerk.support.TestUsers.REGION)
        .name("KeurmerkValidity (met herinneringstimers)")
        .addString(
            "KeurmerkValidity.bpmn",
            Files.readString(
                Path.of(
                    "src/test/resources/model-versions/KeurmerkValidity-with-reminder-timers.bpmn")))
        .deploy();
    String period =
        runtimeService
            .createMessageCorrelation(KeurmerkValidityProcess.MESSAGE_KEURMERK_AWARDED)
            .tenantId(nl.werkpact.keurmerk.support.TestUsers.REGION)
            .processInstanceBusinessKey("990001")
            .setVariables(
                Map.of(
                    KeurmerkValidityProcess.Vars.KEURMERK_ID,
                    990001L,
                    KeurmerkValidityProcess.Vars.KEURMERK_NUMBER,
                    "SW-2026-9901",
                    KeurmerkValidityProcess.Vars.EMPLOYER_ID,
                    990001L,
                    KeurmerkValidityProcess.Vars.VALID_UNTIL,
                    LocalDate.now().plusYears(2).toString(),
                    KeurmerkValidityProcess.Vars.MEMBERSHIP_UNTIL,
                    LocalDate.now().plusYears(1).toString()))
            .correlateStartMessage()
            .getId();
    assertThat(runtimeService.getActiveActivityIds(period)).hasSize(3);
    repositoryService
        .createDeployment()
        .tenantId(nl.werkpact.keurmerk.support.TestUsers.REGION)
        .name("KeurmerkValidity")
        .addString("KeurmerkValidity.bpmn", Files.readString(Path.of("bpmn/KeurmerkValidity.bpmn")))
        .deploy();

    var migrated =
        restTemplate
            .withBasicAuth(OWNER, PASSWORD)
            .postForEntity(
                "/engine-rest/werkpact/migration/" + key + "?confirm=true", null, String.class);

    assertThat(migrated.getStatusCode().value()).as("%s", migrated.getBody()).isEqualTo(200);
    assertThat(migrated.getBody())
        .contains(period)
        .contains("vervalt in de nieuwe versie, beëindigd");
    assertThat(runtimeService.getActiveActivityIds(period))
        .containsExactly(KeurmerkValidityProcess.Elements.TIMER_KEURMERK_EXPIRES);
    var latest =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(key)
            .tenantIdIn(nl.werkpact.keurmerk.support.TestUsers.REGION)
            .latestVersion()
            .singleResult();
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(period)
                .singleResult()
                .getProcessDefinitionId())
        .isEqualTo(latest.getId());
    runtimeService.deleteProcessInstance(period, "test");
  }

  @Test
  void theMigrationEndpointIsForProcesbeheerdersOnly() {
    var overview =
        restTemplate
            .withBasicAuth(OWNER, PASSWORD)
            .exchange(
                "/engine-rest/werkpact/migration/" + ConvenantProcess.PROCESS_KEY,
                HttpMethod.GET,
                null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() {});
    var dryRun =
        restTemplate
            .withBasicAuth(OWNER, PASSWORD)
            .postForEntity(
                "/engine-rest/werkpact/migration/" + ConvenantProcess.PROCESS_KEY, null, Map.class);
    var refused =
        restTemplate
            .withBasicAuth(AUDITOR, PASSWORD)
            .postForEntity(
                "/engine-rest/werkpact/migration/" + ConvenantProcess.PROCESS_KEY + "?confirm=true",
                null,
                Map.class);

    assertThat(overview.getStatusCode().value()).isEqualTo(200);
    assertThat(overview.getBody())
        .isNotEmpty()
        .allSatisfy(version -> assertThat(version).containsKeys("version", "instances"));
    assertThat(dryRun.getStatusCode().value()).isEqualTo(200);
    assertThat(dryRun.getBody())
        .containsEntry("confirmed", false)
        .containsEntry("processKey", ConvenantProcess.PROCESS_KEY);
    assertThat(refused.getStatusCode().value()).isEqualTo(403);
  }
}
