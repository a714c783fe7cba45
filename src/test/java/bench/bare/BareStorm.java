package bench.bare;

import java.util.Date;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.model.bpmn.Bpmn;

/**
 * The floor of the reminder storm, as measured in {@code shared/anchors/engine-floor}: the bare engine (no Spring, no
 * app code, history full) drains {@code n} timers due at once, each timer → no-op service task → end, with Camunda's
 * job executor defaults or tuned (4 threads, 32 jobs per acquisition, timers first). The executor is off while the
 * instances are created and starts at T0. Prints {@code remaining <seconds> <count>} every 200 ms and
 * {@code drained <n> <seconds>} at the end. Usage: {@code BareStorm <jdbc-url> <n> defaults|tuned}.
 */
public final class BareStorm {

  private BareStorm() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int n = Integer.parseInt(args[1]);
    boolean tuned = args[2].equals("tuned");
    var configuration =
        (StandaloneProcessEngineConfiguration)
            ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
    configuration.setJdbcUrl(url);
    configuration.setJdbcUsername("postgres");
    configuration.setJdbcPassword("postgres");
    configuration.setJdbcDriver("org.postgresql.Driver");
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setHistory("full");
    configuration.setJobExecutorActivate(false);
    configuration.setMetricsEnabled(false);
    configuration.setJdbcMaxActiveConnections(tuned ? 12 : 10);
    var executor = new DefaultJobExecutor();
    if (tuned) {
      executor.setCorePoolSize(4);
      executor.setMaxPoolSize(4);
      executor.setQueueSize(64);
      executor.setMaxJobsPerAcquisition(32);
      executor.setWaitTimeInMillis(500);
      configuration.setJobExecutorPreferTimerJobs(true);
      configuration.setJobExecutorAcquireByDueDate(true);
    }
    configuration.setJobExecutor(executor);
    ProcessEngine engine = configuration.buildProcessEngine();
    try {
      var model =
          Bpmn.createExecutableProcess("storm")
              .camundaHistoryTimeToLive(1)
              .startEvent()
              .intermediateCatchEvent("timer")
              .timerWithDate("${due}")
              .serviceTask("send")
              .camundaExpression("${1+1}")
              .endEvent()
              .done();
      engine
          .getRepositoryService()
          .createDeployment()
          .addModelInstance("storm.bpmn", model)
          .enableDuplicateFiltering(true)
          .deploy();
      RuntimeService runtime = engine.getRuntimeService();
      Date due = new Date(System.currentTimeMillis() + 1000);
      for (int i = 0; i < n; i++) {
        runtime.startProcessInstanceByKey("storm", Map.of("due", due));
      }
      while (System.currentTimeMillis() < due.getTime() + 200) {
        Thread.sleep(50); // every timer due before T0
      }
      long start = System.nanoTime();
      executor.start();
      long remaining;
      do {
        Thread.sleep(200);
        remaining = runtime.createProcessInstanceQuery().processDefinitionKey("storm").count();
        System.out.printf(
            Locale.ROOT, "remaining %.2f %d%n", (System.nanoTime() - start) / 1e9, remaining);
      } while (remaining > 0);
      System.out.printf(Locale.ROOT, "drained %d %.3f%n", n, (System.nanoTime() - start) / 1e9);
      executor.shutdown();
    } finally {
      engine.close();
    }
  }
}
