package nl.werkpact.keurmerk.benchmark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess.Elements;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess.Vars;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.support.IntegrationTest;
import nl.werkpact.keurmerk.support.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The convenant's lifecycle through the Java API with the real delegates, authorization and guards (an accountmanager
 * starts, claims and completes the intake and the signing; the confirmation e-mail goes out over SMTP), against the
 * bare engine's floor (start + query + complete one user task, no app code; ../shared/anchors/engine-floor) on a
 * database of its own in the same PostgreSQL, alternating, 4 client threads each. Run with {@code mvn -Pbenchmark verify};
 * instances per round: {@code -Dbenchmark.lifecycle=400}.
 */
class LifecycleBenchmark extends IntegrationTest {

  private static final int THREADS = 4;
  private static final String USER = "benchlifecycle";

  /**
   * Commits per instance: app = start, claim + complete intake, claim + complete signing, and the dispatcher recording the
   * confirmation as sent (its claim is shared by up to 25 e-mails); floor = start, complete.
   */
  private static final int APP_TRANSACTIONS = 6;

  private static final int FLOOR_TRANSACTIONS = 2;

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;

  private final AtomicInteger kvk = new AtomicInteger(70_000_000);

  @Test
  void convenantLifecycleAgainstTheBareEngineFloor() throws Exception {
    TestUsers.ensure(identityService, USER, PASSWORD, Groups.ACCOUNTMANAGERS);
    int n = Integer.getInteger("benchmark.lifecycle", 400);
    ProcessEngine floor = floorEngine();
    try {
      app(100);
      floor(floor, 100);
      List<Double> appRates = new ArrayList<>();
      List<Double> floorRates = new ArrayList<>();
      for (int round = 0; round < 3; round++) {
        floorRates.add(floor(floor, n));
        appRates.add(app(n));
      }
      double app = Measure.median(appRates);
      double bare = Measure.median(floorRates);
      String report =
          String.join(
              "\n",
              "| lifecycle (median of 3 rounds of "
                  + n
                  + ", "
                  + THREADS
                  + " threads) | instances/s | commits per instance | commits/s |",
              "| --- | ---: | ---: | ---: |",
              String.format(
                  Locale.ROOT,
                  "| app: convenant start → intake → signing → confirmation sent | %.1f | %d | %.0f |",
                  app,
                  APP_TRANSACTIONS,
                  app * APP_TRANSACTIONS),
              String.format(
                  Locale.ROOT,
                  "| bare engine floor: start → complete one user task | %.1f | %d | %.0f |",
                  bare,
                  FLOOR_TRANSACTIONS,
                  bare * FLOOR_TRANSACTIONS),
              String.format(
                  Locale.ROOT,
                  "| ratio app / floor | %.2f× | | %.2f× |",
                  app / bare,
                  (app * APP_TRANSACTIONS) / (bare * FLOOR_TRANSACTIONS)));
      System.out.println(
          "\nLifecycle benchmark ("
              + Runtime.getRuntime().availableProcessors()
              + " cores, embedded PostgreSQL)\n"
              + report
              + "\n");
      Path out = Path.of("target", "benchmark", "lifecycle.md");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report + "\n", StandardCharsets.UTF_8);
    } finally {
      floor.close();
    }
  }

  private double app(int n) throws Exception {
    List<String> started = new ArrayList<>();
    long t0 = System.nanoTime();
    Measure.runInThreads(
        THREADS,
        n,
        () -> {
          identityService.setAuthentication(
              USER,
              List.of(Groups.ACCOUNTMANAGERS),
              List.of(nl.werkpact.keurmerk.support.TestUsers.REGION));
          try {
            String number = String.valueOf(kvk.incrementAndGet());
            String pi =
                runtimeService
                    .startProcessInstanceByKey(
                        ConvenantProcess.PROCESS_KEY,
                        number,
                        Map.of(
                            Vars.EMPLOYER_NAME,
                            "Levensloop BV " + number,
                            Vars.KVK_NUMBER,
                            number,
                            Vars.ADDRESS,
                            "Markt 1",
                            Vars.MUNICIPALITY,
                            "Schiedam",
                            Vars.CONTACT_PERSON,
                            "Bench",
                            Vars.CONTACT_EMAIL,
                            "bench" + number + "@levensloop.example"))
                    .getId();
            complete(
                pi,
                Elements.TASK_INTAKE,
                Map.of(
                    Vars.INTAKE_DATE,
                    LocalDate.now().minusDays(10).toString(),
                    Vars.INTAKE_NOTES,
                    "Intake",
                    Vars.INTENDED_WORKPLACES,
                    2));
            complete(
                pi,
                Elements.TASK_RECORD_SIGNING,
                Map.of(
                    Vars.SIGNING_OUTCOME,
                    ConvenantProcess.SigningOutcome.SIGNED.name(),
                    Vars.SIGNED_DATE,
                    LocalDate.now().minusDays(5).toString(),
                    Vars.SIGNED_BY,
                    "Bench"));
            synchronized (started) {
              started.add(pi);
            }
          } finally {
            identityService.clearAuthentication();
          }
        });
    // Done when every confirmation has gone out (the dispatcher sends them over SMTP).
    while (jdbc.sql("SELECT COUNT(*) FROM correspondence WHERE status <> 'SENT'")
            .query(Long.class)
            .single()
        > 0) {
      Thread.sleep(20);
    }
    return n / ((System.nanoTime() - t0) / 1e9);
  }

  private void complete(String processInstanceId, String taskKey, Map<String, Object> variables) {
    String task =
        taskService
            .createTaskQuery()
            .processInstanceId(processInstanceId)
            .taskDefinitionKey(taskKey)
            .singleResult()
            .getId();
    taskService.claim(task, USER);
    taskService.complete(task, variables);
  }

  private static double floor(ProcessEngine engine, int n) throws Exception {
    RuntimeService runtime = engine.getRuntimeService();
    TaskService tasks = engine.getTaskService();
    long t0 = System.nanoTime();
    Measure.runInThreads(
        THREADS,
        n,
        () -> {
          String pi = runtime.startProcessInstanceByKey("noop").getId();
          tasks.complete(tasks.createTaskQuery().processInstanceId(pi).singleResult().getId());
        });
    return n / ((System.nanoTime() - t0) / 1e9);
  }

  /** The bare engine as the anchor measures it: standalone, full history, job executor off, on a database of its own. */
  private static ProcessEngine floorEngine() throws Exception {
    try (Connection admin = POSTGRES.getPostgresDatabase().getConnection()) {
      var exists =
          admin.createStatement().executeQuery("SELECT 1 FROM pg_database WHERE datname = 'floor'");
      if (!exists.next()) {
        admin.createStatement().execute("CREATE DATABASE floor");
      }
    }
    var configuration =
        (StandaloneProcessEngineConfiguration)
            ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("floor");
    configuration.setJdbcUrl(POSTGRES.getJdbcUrl("postgres", "floor"));
    configuration.setJdbcUsername("postgres");
    configuration.setJdbcPassword("postgres");
    configuration.setJdbcDriver("org.postgresql.Driver");
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setJobExecutorActivate(false);
    configuration.setJdbcMaxActiveConnections(THREADS + 2);
    configuration.setMetricsEnabled(false);
    ProcessEngine engine = configuration.buildProcessEngine();
    engine
        .getRepositoryService()
        .createDeployment()
        .enableDuplicateFiltering(true)
        .addModelInstance(
            "noop.bpmn",
            Bpmn.createExecutableProcess("noop")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("t")
                .endEvent()
                .done())
        .deploy();
    return engine;
  }
}
