package nl.werkpact.keurmerk.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess.Vars;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.support.IntegrationTest;
import nl.werkpact.keurmerk.support.TestUsers;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The accountmanager's task list with many open tasks, over REST as Tasklist asks it through the region's filter
 * (list and count of the region's group {@code accountmanagers-mvs}, assigned tasks included), for an
 * accountmanager and for the admin (who bypasses authorization) on the same data, side by side in one run. Not part
 * of {@code mvn verify}: run it with {@code mvn -Pbenchmark verify} (docs/performance.md). Sizes:
 * {@code -Dbenchmark.tasks=1000,10000}; requests per measurement: {@code -Dbenchmark.requests=200}.
 *
 * <p>For comparison, at each size it also measures the model from before (one authorization row per open task for
 * the candidate group, as Camunda writes by default) with fewer requests, and removes those rows again.
 */
class TaskListBenchmark extends IntegrationTest {

  private static final String ACCOUNTMANAGER_USER = "benchanna";
  private static final String ADMIN_USER = "itadmin";
  private static final String ADMIN_PASSWORD = "Integratie-Beheer-2026!";

  /** The region's group, as the region's Tasklist filter "Taken accountmanagers · …" asks. */
  private static final String GROUP = "accountmanagers-" + TestUsers.REGION;

  private static final List<Map.Entry<String, String>> REGIONAL = requests(GROUP);

  /** The role's group every region shares, as the one filter for all regions asked before. */
  private static final List<Map.Entry<String, String>> SHARED = requests(Groups.ACCOUNTMANAGERS);

  private static List<Map.Entry<String, String>> requests(String group) {
    return List.of(
        Map.entry(
            "list",
            "/engine-rest/task?candidateGroup="
                + group
                + "&includeAssignedTasks=true&sortBy=created&sortOrder=desc&maxResults=15&firstResult=0"),
        Map.entry(
            "count",
            "/engine-rest/task/count?candidateGroup=" + group + "&includeAssignedTasks=true"));
  }

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired AuthorizationService authorizationService;
  @Autowired ManagementService managementService;
  @Autowired DataSource dataSource;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void taskListForAnAccountmanagerAgainstTheAdmin() throws Exception {
    TestUsers.ensure(identityService, ACCOUNTMANAGER_USER, PASSWORD, Groups.ACCOUNTMANAGERS);
    int requests = Integer.getInteger("benchmark.requests", 200);
    List<String> table = new ArrayList<>();
    table.add(
        "| open tasks | model | request | accountmanager p50 / p95 / p99 (ms) | admin p50 / p95 / p99 (ms) | p95 ratio |");
    table.add("| ---: | --- | --- | --- | --- | ---: |");
    int created = 0;
    for (String size : System.getProperty("benchmark.tasks", "1000,10000").split(",")) {
      int wanted = Integer.parseInt(size.trim());
      created = openConvenantTasks(created, wanted);
      long open = taskService.createTaskQuery().taskCandidateGroup(Groups.ACCOUNTMANAGERS).count();
      if (Boolean.getBoolean("benchmark.explain")) {
        explainTaskList(
            "RES.TENANT_ID_ is null or RES.TENANT_ID_ in ( '" + TestUsers.REGION + "' )");
      }
      measure(table, open, "grants per definition", requests);
      // The model from before: no task rights on the definition, one row per open task.
      Authorization definition =
          authorizationService
              .createAuthorizationQuery()
              .groupIdIn(Groups.ACCOUNTMANAGERS)
              .resourceType(Resources.PROCESS_DEFINITION)
              .resourceId(ConvenantProcess.PROCESS_KEY)
              .singleResult();
      Permission[] granted = definition.getPermissions(ProcessDefinitionPermissions.values());
      definition.removePermission(ProcessDefinitionPermissions.READ_TASK);
      definition.removePermission(ProcessDefinitionPermissions.TASK_WORK);
      authorizationService.saveAuthorization(definition);
      List<String> rows = rowsPerTask();
      try {
        measure(table, open, "row per task (before)", Math.max(20, requests / 10));
      } finally {
        rows.forEach(authorizationService::deleteAuthorization);
        definition.setPermissions(granted);
        authorizationService.saveAuthorization(definition);
      }
    }
    int regionCount = Integer.getInteger("benchmark.regions", 1);
    if (regionCount > 1) {
      // The same open tasks in every other region too (10,000 of 100,000 nationally with 10
      // regions), against the
      // list with one region only, before and after.
      long open = taskService.createTaskQuery().taskCandidateGroup(Groups.ACCOUNTMANAGERS).count();
      measure(table, open, "one region only", requests);
      measure(table, open, "one region only, role's group (before)", requests, SHARED);
      List<String> others = otherRegions(regionCount);
      copyTasksInto(others);
      try {
        if (Boolean.getBoolean("benchmark.explain")) {
          explainTaskList(
              "RES.TENANT_ID_ is null or RES.TENANT_ID_ in ( '" + TestUsers.REGION + "' )");
        }
        String national =
            String.format(
                Locale.ROOT, "%d regions, %,d nationally", regionCount, open * regionCount);
        measure(table, open, national, requests);
        measure(table, open, national + ", role's group (before)", requests, SHARED);
      } finally {
        removeCopies();
      }
      measure(table, open, "one region only, again", requests);
    }
    String report = String.join("\n", table);
    System.out.println(
        "\nTask list benchmark ("
            + Runtime.getRuntime().availableProcessors()
            + " cores, embedded PostgreSQL)\n"
            + report
            + "\n");
    Path out = Path.of("target", "benchmark", "tasklist.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report + "\n", StandardCharsets.UTF_8);
  }

  private int openConvenantTasks(int from, int to) {
    for (int i = from; i < to; i++) {
      String kvk = String.valueOf(60_000_000 + i);
      runtimeService.startProcessInstanceByKey(
          ConvenantProcess.PROCESS_KEY,
          kvk,
          Map.of(
              Vars.EMPLOYER_NAME,
              "Bench BV " + i,
              Vars.KVK_NUMBER,
              kvk,
              Vars.ADDRESS,
              "Markt " + (i % 200 + 1),
              Vars.MUNICIPALITY,
              "Schiedam",
              Vars.CONTACT_PERSON,
              "Bench",
              Vars.CONTACT_EMAIL,
              "bench" + i + "@bench.example"));
    }
    // The e-mails of the new convenants go out first, so that the job executor does not run beside
    // the measurement.
    while (managementService.createJobQuery().executable().count() > 0) {
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return to;
      }
    }
    // Measured right after the load, the planner would still use the statistics of the empty tables
    // (its estimate of
    // one row makes a nested loop over every pair: 234 ms for 1,000 tasks); autovacuum analyzes
    // within a minute.
    try (var connection = dataSource.getConnection();
        var sql = connection.createStatement()) {
      sql.execute("ANALYZE");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return Math.max(from, to);
  }

  /**
   * With {@code -Dbenchmark.explain=true}: the plans PostgreSQL chooses for the accountmanager's list and count, as
   * Camunda 7.24 writes them (taken from its SQL log), run once with EXPLAIN ANALYZE on a connection of the app's pool
   * (with its settings) and printed.
   */
  private void explainTaskList(String tenantCheck) {
    String auth =
        "left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_ left join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A"
            + " WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ( 'benchanna', '*') OR A.GROUP_ID_ IN ( 'accountmanagers', '"
            + GROUP
            + "' ) ) AND ( ( A.RESOURCE_TYPE_ = 7"
            + " AND A.PERMS_ & 2 = 2 OR A.RESOURCE_TYPE_ = 6 AND A.PERMS_ & 64 = 64 ) ) ) AUTH ON (AUTH.RESOURCE_ID_ IN ( RES.ID_ , D.KEY_ , '*' ))"
            + " WHERE ( 1 = 1 and ( I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( '"
            + GROUP
            + "' ) ) ) )"
            + " and ( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL) ) and ("
            + tenantCheck
            + " )";
    String list =
        "select distinct RES.REV_, RES.ID_, RES.NAME_, RES.PARENT_TASK_ID_, RES.DESCRIPTION_, RES.PRIORITY_, RES.CREATE_TIME_,"
            + " RES.OWNER_, RES.ASSIGNEE_, RES.DELEGATION_, RES.EXECUTION_ID_, RES.PROC_INST_ID_, RES.PROC_DEF_ID_, RES.CASE_EXECUTION_ID_,"
            + " RES.CASE_INST_ID_, RES.CASE_DEF_ID_, RES.TASK_DEF_KEY_, RES.DUE_DATE_, RES.FOLLOW_UP_DATE_, RES.SUSPENSION_STATE_, RES.TENANT_ID_,"
            + " RES.LAST_UPDATED_, RES.TASK_STATE_ from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_ "
            + auth
            + " order by RES.CREATE_TIME_ desc LIMIT 15 OFFSET 0";
    String count =
        "SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_ "
            + auth
            + " ) countDistinct";
    try (var connection = dataSource.getConnection();
        var sql = connection.createStatement()) {
      for (String query : List.of(list, count)) {
        StringBuilder plan = new StringBuilder();
        try (var rows = sql.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + query)) {
          while (rows.next()) {
            plan.append(rows.getString(1)).append('\n');
          }
        }
        System.out.println("\n" + plan);
      }
      for (String setting :
          List.of("random_page_cost = 1.1", "enable_hashjoin = off", "enable_seqscan = off")) {
        sql.execute("SET " + setting);
        StringBuilder plan = new StringBuilder("With " + setting + ":\n");
        try (var rows = sql.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + count)) {
          while (rows.next()) {
            plan.append(rows.getString(1)).append('\n');
          }
        }
        sql.execute("RESET " + setting.substring(0, setting.indexOf(' ')));
        System.out.println("\n" + plan);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Autowired nl.werkpact.keurmerk.models.RegionOnboarding onboarding;
  @Autowired nl.werkpact.keurmerk.region.Regions regions;

  private List<String> otherRegions(int count) {
    return Measure.onboardRegions(onboarding, regions, count, 'T');
  }

  /**
   * Copies the first region's open tasks and their candidate links into each other region, by SQL (starting 90,000
   * convenants through the engine would take most of an hour): each copy in the region's tenant, on that region's own
   * definition of the process, as its own accountmanagers' work (the role and the region's group, as the region's
   * models link them); only read, never worked on.
   */
  private void copyTasksInto(List<String> codes) throws SQLException {
    try (var connection = dataSource.getConnection();
        var sql = connection.createStatement()) {
      for (String code : codes) {
        sql.execute(
            "CREATE TEMP TABLE task_copy AS SELECT * FROM ACT_RU_TASK WHERE TENANT_ID_ = 'mvs'");
        sql.execute(
            "UPDATE task_copy t SET ID_ = t.ID_ || '-"
                + code
                + "', TENANT_ID_ = '"
                + code
                + "', PROC_DEF_ID_ = (SELECT d.ID_ FROM ACT_RE_PROCDEF d JOIN ACT_RE_PROCDEF m"
                + " ON m.ID_ = t.PROC_DEF_ID_ AND d.KEY_ = m.KEY_ WHERE d.TENANT_ID_ = '"
                + code
                + "' ORDER BY d.VERSION_ DESC LIMIT 1)");
        sql.execute("INSERT INTO ACT_RU_TASK SELECT * FROM task_copy");
        sql.execute(
            "CREATE TEMP TABLE link_copy AS SELECT i.* FROM ACT_RU_IDENTITYLINK i JOIN ACT_RU_TASK t"
                + " ON t.ID_ = i.TASK_ID_ WHERE t.TENANT_ID_ = 'mvs'");
        sql.execute(
            "UPDATE link_copy SET ID_ = ID_ || '-"
                + code
                + "', TASK_ID_ = TASK_ID_ || '-"
                + code
                + "', TENANT_ID_ = '"
                + code
                + "', GROUP_ID_ = regexp_replace(GROUP_ID_, '-mvs$', '-"
                + code
                + "')");
        sql.execute("INSERT INTO ACT_RU_IDENTITYLINK SELECT * FROM link_copy");
        sql.execute("DROP TABLE task_copy");
        sql.execute("DROP TABLE link_copy");
      }
      sql.execute("ANALYZE");
    }
  }

  private void removeCopies() throws SQLException {
    try (var connection = dataSource.getConnection();
        var sql = connection.createStatement()) {
      sql.execute(
          "DELETE FROM ACT_RU_IDENTITYLINK WHERE TASK_ID_ IN (SELECT ID_ FROM ACT_RU_TASK WHERE TENANT_ID_ <> 'mvs')");
      sql.execute("DELETE FROM ACT_RU_TASK WHERE TENANT_ID_ <> 'mvs'");
      sql.execute("ANALYZE");
    }
  }

  /** Camunda's default: one grant per open task for its candidate group. */
  private List<String> rowsPerTask() {
    List<String> ids = new ArrayList<>();
    for (var task :
        taskService.createTaskQuery().taskCandidateGroup(Groups.ACCOUNTMANAGERS).list()) {
      Authorization row =
          authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      row.setGroupId(Groups.ACCOUNTMANAGERS);
      row.setResource(Resources.TASK);
      row.setResourceId(task.getId());
      row.addPermission(TaskPermissions.TASK_WORK);
      ids.add(authorizationService.saveAuthorization(row).getId());
    }
    return ids;
  }

  private void measure(List<String> table, long open, String model, int requests) throws Exception {
    measure(table, open, model, requests, REGIONAL);
  }

  private void measure(
      List<String> table,
      long open,
      String model,
      int requests,
      List<Map.Entry<String, String>> asked)
      throws Exception {
    for (var request : asked) {
      // Warm up, then interleave the two users so that both see the same machine.
      for (int i = 0; i < Math.max(20, requests / 2); i++) {
        get(request.getValue(), ACCOUNTMANAGER_USER, PASSWORD);
        get(request.getValue(), ADMIN_USER, ADMIN_PASSWORD);
      }
      long[] user = new long[requests];
      long[] admin = new long[requests];
      for (int i = 0; i < requests; i++) {
        user[i] = get(request.getValue(), ACCOUNTMANAGER_USER, PASSWORD);
        admin[i] = get(request.getValue(), ADMIN_USER, ADMIN_PASSWORD);
      }
      Arrays.sort(user);
      Arrays.sort(admin);
      table.add(
          String.format(
              Locale.ROOT,
              "| %,d | %s | %s | %s | %s | %.2f× |",
              open,
              model,
              request.getKey(),
              percentiles(user),
              percentiles(admin),
              percentile(user, 95) / percentile(admin, 95)));
    }
  }

  private long get(String path, String user, String password)
      throws IOException, InterruptedException {
    String auth =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Basic " + auth)
            .GET()
            .build();
    long start = System.nanoTime();
    var response = http.send(request, HttpResponse.BodyHandlers.ofString());
    long micros = (System.nanoTime() - start) / 1_000;
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          user + " " + path + ": " + response.statusCode() + " " + response.body());
    }
    return micros;
  }

  private static String percentiles(long[] sorted) {
    return String.format(
        Locale.ROOT,
        "%.1f / %.1f / %.1f",
        percentile(sorted, 50),
        percentile(sorted, 95),
        percentile(sorted, 99));
  }

  private static double percentile(long[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
  }
}
