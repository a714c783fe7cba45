package nl.werkpact.keurmerk.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.werkpact.keurmerk.audit.process.KeurmerkAuditProcess;
import nl.werkpact.keurmerk.convenant.ConvenantService;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.identity.RegionTenants;
import nl.werkpact.keurmerk.identity.RegionalGroups;
import nl.werkpact.keurmerk.models.RegionOnboarding;
import nl.werkpact.keurmerk.support.EngineRest;
import nl.werkpact.keurmerk.support.IntegrationTest;
import nl.werkpact.keurmerk.support.Intents;
import nl.werkpact.keurmerk.support.TestUsers;
import nl.werkpact.keurmerk.support.Unique;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A region's tasks are for its own group of each role (accountmanagers-mvs beside accountmanagers), and its Tasklist
 * filters count and list that group's tasks only: an accountmanager of one region sees one filter per role, its
 * region's, with its region's tasks; another region's filter is not theirs by any id. The regional groups follow what
 * an admin gives (role and region, in either order, through Camunda's REST API as Camunda Admin does); the audit's
 * auditors are those of its region.
 */
class RegionalGroupsIT extends IntegrationTest {

  private static final String ZUID = RegionSeparationIT.SECOND;
  private static final String ZUID_ACCOUNTMANAGER = RegionSeparationIT.SECOND_ACCOUNTMANAGER;
  private static final String ZUID_AUDITOR = "itzuidbram";
  private static final String MVS_AUDITOR = "itmvsauditor";

  @Autowired RegionOnboarding onboarding;
  @Autowired Regions regions;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired AuthorizationService authorizations;
  @Autowired ConvenantService convenants;
  @Autowired TestRestTemplate rest;
  @Autowired RegionTenants regionTenants;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void twoRegions() {
    RegionSeparationIT.ensureSecondRegion(onboarding, regions);
    TestUsers.ensure(identityService, ZUID_ACCOUNTMANAGER, PASSWORD, Groups.ACCOUNTMANAGERS, ZUID);
    TestUsers.ensure(identityService, ZUID_AUDITOR, PASSWORD, Groups.AUDITORS, ZUID);
    TestUsers.ensure(identityService, MVS_AUDITOR, PASSWORD, Groups.AUDITORS, TestUsers.REGION);
  }

  @Test
  void aRegionsTasksAreForItsOwnGroup_andEachAccountmanagerCountsOnlyTheirRegionsTasks() {
    String mvsIntent =
        Intents.start(
            new EngineRest(rest, ACCOUNTMANAGER, PASSWORD),
            "Groepen MVS " + Unique.suffix(),
            Unique.kvk());
    String zuidIntent =
        Intents.start(
            new EngineRest(rest, ZUID_ACCOUNTMANAGER, PASSWORD),
            "Groepen Zuid " + Unique.suffix(),
            Unique.kvk(),
            "Monster");
    var mvsTask = Intents.intake(tasks, mvsIntent);
    var zuidTask = Intents.intake(tasks, zuidIntent);
    assertThat(candidateGroups(mvsTask.getId()))
        .containsExactlyInAnyOrder(Groups.ACCOUNTMANAGERS, "accountmanagers-mvs");
    assertThat(candidateGroups(zuidTask.getId()))
        .containsExactlyInAnyOrder(Groups.ACCOUNTMANAGERS, "accountmanagers-" + ZUID);
    // the task's rights come from the role's grants, not from a grant per task
    assertThat(
            authorizations
                .createAuthorizationQuery()
                .resourceType(Resources.TASK)
                .resourceId(zuidTask.getId())
                .count())
        .isZero();

    var mvsFilters = taskFilters(ACCOUNTMANAGER);
    var zuidFilters = taskFilters(ZUID_ACCOUNTMANAGER);
    String mvsFilter = filterNamed(mvsFilters, "Taken accountmanagers · Sociaal Werkpact MVS");
    String zuidFilter = filterNamed(zuidFilters, "Taken accountmanagers · Sociaal Werkpact Zuid");
    assertThat(names(mvsFilters)).noneMatch(name -> name.contains("Zuid"));
    assertThat(names(zuidFilters))
        .noneMatch(name -> name.contains("MVS"))
        .noneMatch(name -> name.startsWith("Taken auditoren"));

    assertThat(taskIds(ZUID_ACCOUNTMANAGER, zuidFilter))
        .contains(zuidTask.getId())
        .doesNotContain(mvsTask.getId());
    assertThat(taskIds(ACCOUNTMANAGER, mvsFilter))
        .contains(mvsTask.getId())
        .doesNotContain(zuidTask.getId());
    assertThat(count(ZUID_ACCOUNTMANAGER, zuidFilter))
        .isEqualTo(
            tasks
                .createTaskQuery()
                .tenantIdIn(ZUID)
                .taskCandidateGroup(Groups.ACCOUNTMANAGERS)
                .count());
    // another region's filter, by its id: not theirs
    assertThat(
            status(
                HttpMethod.GET, ZUID_ACCOUNTMANAGER, "/engine-rest/filter/" + mvsFilter + "/count"))
        .isIn(403, 404);
    assertThat(
            status(
                HttpMethod.GET, ZUID_ACCOUNTMANAGER, "/engine-rest/filter/" + mvsFilter + "/list"))
        .isIn(403, 404);
  }

  @Test
  void theRegionalGroupsFollowWhatAnAdminGives_inEitherOrder_andAuditorsAreTheirRegions() {
    String newcomer = "itnieuw" + Unique.suffix();
    var user =
        Map.of(
            "profile",
            Map.of(
                "id",
                newcomer,
                "firstName",
                "Nieuwe",
                "lastName",
                "Auditor",
                "email",
                newcomer + "@werkpact.example"),
            "credentials",
            Map.of("password", PASSWORD));
    assertThat(status(HttpMethod.POST, ADMIN, "/engine-rest/user/create", user)).isEqualTo(204);
    // the region first, then the role
    assertThat(
            status(
                HttpMethod.PUT, ADMIN, "/engine-rest/tenant/" + ZUID + "/user-members/" + newcomer))
        .isEqualTo(204);
    assertThat(groupsOf(newcomer)).doesNotContain("auditors-" + ZUID);
    assertThat(
            status(
                HttpMethod.PUT,
                ADMIN,
                "/engine-rest/group/" + Groups.AUDITORS + "/members/" + newcomer))
        .isEqualTo(204);
    assertThat(groupsOf(newcomer)).contains("auditors-" + ZUID).doesNotContain("auditors-mvs");
    assertThat(names(taskFilters(newcomer))).contains("Taken auditoren · Sociaal Werkpact Zuid");
    // leaving the region leaves its group
    assertThat(
            status(
                HttpMethod.DELETE,
                ADMIN,
                "/engine-rest/tenant/" + ZUID + "/user-members/" + newcomer))
        .isEqualTo(204);
    assertThat(groupsOf(newcomer)).doesNotContain("auditors-" + ZUID);
    assertThat(names(taskFilters(newcomer))).noneMatch(name -> name.contains("Zuid"));

    // an MVS audit: its planning offers MVS's auditors only, and refuses Zuid's
    String audit = requestMvsAudit();
    String choices = (String) runtime.getVariable(audit, KeurmerkAuditProcess.Vars.AUDITOR_CHOICES);
    assertThat(choices).contains(MVS_AUDITOR + "=").doesNotContain(ZUID_AUDITOR);
    String planning =
        tasks
            .createTaskQuery()
            .processInstanceId(audit)
            .taskDefinitionKey(KeurmerkAuditProcess.Elements.TASK_PLAN_AUDIT)
            .singleResult()
            .getId();
    var refused =
        new EngineRest(rest, MVS_AUDITOR, PASSWORD)
            .post(
                "/task/" + planning + "/complete",
                EngineRest.variables(
                    Map.of(
                        KeurmerkAuditProcess.Vars.AUDIT_DATE,
                        LocalDate.now().plusDays(7).toString(),
                        KeurmerkAuditProcess.Vars.AUDITOR,
                        ZUID_AUDITOR)));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.toString()).contains("geen auditor van deze regio");
    assertThat(tasks.createTaskQuery().taskId(planning).count()).as("still to plan").isOne();
  }

  @Test
  void
      aUserGivenTwoRolesBehindTheAppsBack_getsEachRegionalGroupOnceAtTheNextStart_alsoOnTwoNodesAtOnce()
          throws Exception {
    String user = "itsql" + Unique.suffix();
    var profile = identityService.newUser(user);
    profile.setFirstName("Script");
    profile.setLastName("Gebruiker");
    identityService.saveUser(profile);
    // by SQL, as a script or an older version leaves them: two roles and a region, none of their
    // regional groups
    for (String role : List.of(Groups.ACCOUNTMANAGERS, Groups.AUDITORS)) {
      jdbc.sql("INSERT INTO ACT_ID_MEMBERSHIP (USER_ID_, GROUP_ID_) VALUES (?, ?)")
          .params(user, role)
          .update();
    }
    jdbc.sql("INSERT INTO ACT_ID_TENANT_MEMBER (ID_, TENANT_ID_, USER_ID_) VALUES (?, ?, ?)")
        .params(user + "-" + ZUID, ZUID, user)
        .update();

    // what every start does for every user, here on two nodes at the same moment
    var start = new java.util.concurrent.CountDownLatch(1);
    var nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var followed =
          List.of(nodes.submit(() -> follow(start, user)), nodes.submit(() -> follow(start, user)));
      start.countDown();
      for (var node : followed) {
        node.get(30, java.util.concurrent.TimeUnit.SECONDS);
      }
    } finally {
      nodes.shutdown();
    }
    assertThat(groupsOf(user))
        .containsExactlyInAnyOrder(
            Groups.ACCOUNTMANAGERS,
            Groups.AUDITORS,
            RegionalGroups.of(Groups.ACCOUNTMANAGERS, ZUID),
            RegionalGroups.of(Groups.AUDITORS, ZUID));
  }

  private Void follow(java.util.concurrent.CountDownLatch start, String user)
      throws InterruptedException {
    start.await();
    regionTenants.followMemberships(user);
    return null;
  }

  private String requestMvsAudit() {
    String kvk = Unique.kvk();
    Intents.signed(convenants, "Groepen Audit " + kvk, kvk, ACCOUNTMANAGER);
    return runtime
        .createMessageCorrelation(KeurmerkAuditProcess.MESSAGE_AUDIT_REQUESTED)
        .tenantId(TestUsers.REGION)
        .processInstanceBusinessKey(kvk)
        .setVariable(KeurmerkAuditProcess.Vars.KVK_NUMBER, kvk)
        .correlateStartMessage()
        .getId();
  }

  private List<String> candidateGroups(String taskId) {
    return tasks.getIdentityLinksForTask(taskId).stream()
        .filter(link -> "candidate".equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .toList();
  }

  private List<String> groupsOf(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(group -> group.getId())
        .toList();
  }

  private List<Map<String, Object>> taskFilters(String user) {
    var filters = new EngineRest(rest, user, PASSWORD).getList("/filter?resourceType=Task");
    assertThat(filters.getStatusCode().value()).isEqualTo(200);
    return filters.getBody();
  }

  private static List<String> names(List<Map<String, Object>> filters) {
    return filters.stream().map(filter -> (String) filter.get("name")).toList();
  }

  private static String filterNamed(List<Map<String, Object>> filters, String name) {
    var named = filters.stream().filter(filter -> name.equals(filter.get("name"))).toList();
    assertThat(named).as("one filter " + name + " among " + names(filters)).hasSize(1);
    return (String) named.get(0).get("id");
  }

  private List<String> taskIds(String user, String filterId) {
    var listed =
        new EngineRest(rest, user, PASSWORD)
            .getList("/filter/" + filterId + "/list?maxResults=1000");
    assertThat(listed.getStatusCode().value()).isEqualTo(200);
    return listed.getBody().stream().map(task -> (String) task.get("id")).toList();
  }

  private long count(String user, String filterId) {
    var counted =
        rest.withBasicAuth(user, PASSWORD)
            .exchange(
                "/engine-rest/filter/" + filterId + "/count",
                HttpMethod.GET,
                null,
                new ParameterizedTypeReference<Map<String, Object>>() {});
    assertThat(counted.getStatusCode().value()).isEqualTo(200);
    return ((Number) counted.getBody().get("count")).longValue();
  }

  private int status(HttpMethod method, String user, String path) {
    return status(method, user, path, null);
  }

  private int status(HttpMethod method, String user, String path, Object body) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String password = ADMIN.equals(user) ? ADMIN_PASSWORD : PASSWORD;
    return rest.withBasicAuth(user, password)
        .exchange(path, method, new HttpEntity<>(body, headers), String.class)
        .getStatusCode()
        .value();
  }
}
