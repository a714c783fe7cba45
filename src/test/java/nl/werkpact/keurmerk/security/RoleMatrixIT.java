package nl.werkpact.keurmerk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess.Vars;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.identity.RoleAuthorizations;
import nl.werkpact.keurmerk.support.EngineRest;
import nl.werkpact.keurmerk.support.IntegrationTest;
import nl.werkpact.keurmerk.support.TestUsers;
import nl.werkpact.keurmerk.support.Unique;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

/** Walks the role matrix of SECURITY.md: for each role, what it may and may not do, through the REST API. */
class RoleMatrixIT extends IntegrationTest {

  @Autowired TestRestTemplate restTemplate;
  @Autowired AuthorizationService authorizationService;
  @Autowired TaskService taskService;

  @BeforeEach
  void users() {
    for (String group :
        List.of(
            Groups.ACCOUNTMANAGERS,
            Groups.AUDITORS,
            Groups.KEURMERKCOMMISSIE,
            Groups.PROCESBEHEERDERS,
            Groups.ADMINS)) {
      TestUsers.ensure(identityService, user(group), PASSWORD, group);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // group,            start convenant, deploy, manage users, tasklist, cockpit, admin
    "accountmanagers,    true,            false,  false,        true,     false,   false",
    "auditors,           false,           false,  false,        true,     false,   false",
    "keurmerkcommissie,  false,           false,  false,        true,     false,   false",
    "procesbeheerders,   false,           true,   false,        true,     true,    false",
    "admins,             true,            true,   true,         true,     true,    true"
  })
  void eachRoleMayDoWhatItsWorkNeedsAndNothingMore(
      String group,
      boolean startConvenant,
      boolean deploy,
      boolean manageUsers,
      boolean tasklist,
      boolean cockpit,
      boolean admin) {
    String user = user(group);
    var rest = new EngineRest(restTemplate, user, PASSWORD);

    assertThat(startsConvenant(rest)).as("%s starts a convenant", group).isEqualTo(startConvenant);
    assertThat(deploys(user)).as("%s deploys a model", group).isEqualTo(deploy);
    assertThat(createsUser(rest)).as("%s creates a user", group).isEqualTo(manageUsers);
    assertThat(mayOpen(user, group, RoleAuthorizations.TASKLIST))
        .as("%s opens Tasklist", group)
        .isEqualTo(tasklist);
    assertThat(mayOpen(user, group, RoleAuthorizations.COCKPIT))
        .as("%s opens Cockpit", group)
        .isEqualTo(cockpit);
    assertThat(mayOpen(user, group, RoleAuthorizations.ADMIN))
        .as("%s opens Admin", group)
        .isEqualTo(admin);
  }

  @Test
  void everyRoleSeesOneMijnTakenWithItsOwnTasksAndOnlyItsOwnGroupsFilters() {
    String user = user(Groups.AUDITORS);
    var auditor = new EngineRest(restTemplate, user, PASSWORD);

    var visibleToAuditor = auditor.getList("/filter").getBody();
    var visibleToAdmin =
        new EngineRest(restTemplate, "itadmin", "Integratie-Beheer-2026!")
            .getList("/filter")
            .getBody();

    // the role filters are the region's: the auditor of MVS sees MVS's auditors' filter, no other
    // region's and no
    // other role's
    assertThat(visibleToAuditor)
        .extracting(f -> String.valueOf(f.get("name")))
        .contains("Mijn taken")
        .anyMatch(name -> name.startsWith("Taken auditoren · "))
        .noneMatch(name -> name.startsWith("Taken accountmanagers"))
        .filteredOn(name -> name.startsWith("Taken auditoren"))
        .hasSize(1);
    assertThat(visibleToAdmin)
        .extracting(f -> f.get("name"))
        .filteredOn("Mijn taken"::equals)
        .hasSize(1);
    // The one shared filter shows each user the tasks assigned to that user ({@code
    // currentUser()}).
    String myTasks =
        (String)
            visibleToAuditor.stream()
                .filter(f -> "Mijn taken".equals(f.get("name")))
                .findFirst()
                .orElseThrow()
                .get("id");
    var count = auditor.post("/filter/" + myTasks + "/count", Map.of());
    assertThat(count.getStatusCode().value()).as("%s", count.getBody()).isEqualTo(200);
    assertThat(((Number) count.getBody().get("count")).longValue())
        .isEqualTo(taskService.createTaskQuery().taskAssignee(user).count());
  }

  @Test
  void processOwnersSeeTheOpenTasksPerGroupInCockpitButCannotWorkOnThem() {
    var owner = new EngineRest(restTemplate, user(Groups.PROCESBEHEERDERS), PASSWORD);
    assertThat(startsConvenant(new EngineRest(restTemplate, ACCOUNTMANAGER, PASSWORD))).isTrue();

    var perGroup = owner.getList("/task/report/candidate-group-count");

    assertThat(perGroup.getStatusCode().value()).isEqualTo(200);
    assertThat(perGroup.getBody())
        .anySatisfy(row -> assertThat(row.get("groupName")).isEqualTo(Groups.ACCOUNTMANAGERS));
    var task =
        taskService
            .createTaskQuery()
            .taskCandidateGroup(Groups.ACCOUNTMANAGERS)
            .taskUnassigned()
            .listPage(0, 1)
            .get(0);
    var claim =
        owner.post(
            "/task/" + task.getId() + "/claim", Map.of("userId", user(Groups.PROCESBEHEERDERS)));
    assertThat(claim.getStatusCode().value()).isEqualTo(403);
  }

  private static String user(String group) {
    return "itrole" + group;
  }

  private boolean startsConvenant(EngineRest rest) {
    String kvk = Unique.kvk();
    return rest.post(
            "/process-definition/key/" + ConvenantProcess.PROCESS_KEY + "/start",
            EngineRest.variables(
                Map.of(
                    Vars.EMPLOYER_NAME,
                    "Rollen BV",
                    Vars.KVK_NUMBER,
                    kvk,
                    Vars.ADDRESS,
                    "Markt 1",
                    Vars.MUNICIPALITY,
                    "Vlaardingen",
                    Vars.CONTACT_PERSON,
                    "Ria",
                    Vars.CONTACT_EMAIL,
                    "ria." + kvk + "@rollen.example")))
        .getStatusCode()
        .is2xxSuccessful();
  }

  private boolean deploys(String user) {
    String bpmn =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                     id="Definitions_RoleMatrixProbe" name="Probe" namespace="http://werkpact.nl/test">
          <decision id="RoleMatrixProbe" name="Probe" camunda:historyTimeToLive="1">
            <decisionTable id="DecisionTable_Probe">
              <output id="Output_Probe" name="probe" typeRef="string" />
            </decisionTable>
          </decision>
        </definitions>""";
    var body = new LinkedMultiValueMap<String, Object>();
    body.add("deployment-name", "RoleMatrixProbe-" + user);
    body.add("tenant-id", "mvs"); // the region of the test's staff
    body.add(
        "data",
        new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
          @Override
          public String getFilename() {
            return "RoleMatrixProbe.dmn";
          }
        });
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return restTemplate
        .withBasicAuth(user, PASSWORD)
        .postForEntity(
            "/engine-rest/deployment/create", new HttpEntity<>(body, headers), String.class)
        .getStatusCode()
        .is2xxSuccessful();
  }

  private boolean createsUser(EngineRest rest) {
    String id = "itnew" + Unique.suffix();
    return rest.post(
            "/user/create",
            Map.of(
                "profile",
                Map.of(
                    "id",
                    id,
                    "firstName",
                    "Nieuw",
                    "lastName",
                    "Gebruiker",
                    "email",
                    id + "@werkpact.example"),
                "credentials",
                Map.of("password", "Een-Lang-Wachtwoord-2026")))
        .getStatusCode()
        .is2xxSuccessful();
  }

  private boolean mayOpen(String user, String group, String application) {
    return authorizationService.isUserAuthorized(
        user, List.of(group), Permissions.ACCESS, Resources.APPLICATION, application);
  }
}
