package nl.werkpact.keurmerk.benchmark;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess.Elements;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess.Vars;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.support.EngineRest;
import nl.werkpact.keurmerk.support.IntegrationTest;
import nl.werkpact.keurmerk.support.TestUsers;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The lifecycle over REST, as other systems drive it: 4 clients, each instance started, its intake and its signing
 * claimed and completed by an accountmanager over HTTP Basic, until the confirmation e-mail is sent (7 requests). Side
 * by side, in the same run: the bare Camunda Spring Boot starter (bench.bare, Camunda's own HTTP Basic filter in front
 * of its REST API) on a database of its own in the same PostgreSQL, driving start → query → complete of one user task
 * (3 requests). Median of 3 alternating rounds. Not part of {@code mvn verify}:
 * {@code mvn -Pbenchmark verify -Dit.test=RestLifecycleBenchmark}; size {@code -Dbenchmark.rest=200}.
 */
class RestLifecycleBenchmark extends IntegrationTest {

  private static final int THREADS = 4;
  private static final String USER = "benchrest";
  private static final String BARE_USER = "bench";
  private static final String BARE_PASSWORD = "Bench-Wachtwoord-2026";
  private static final Pattern PORT =
      Pattern.compile("Tomcat started on port (?:\\(s\\): )?(\\d+)");

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;

  private final AtomicInteger kvk = new AtomicInteger(71_000_000);

  @Test
  void lifecycleOverRestAgainstTheBareRestStarter() throws Exception {
    TestUsers.ensure(identityService, USER, PASSWORD, Groups.ACCOUNTMANAGERS);
    int n = Integer.getInteger("benchmark.rest", 200);
    Process bare = startBare();
    try {
      int port = portOf(bare);
      var bareRest =
          new EngineRest(
              new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)),
              BARE_USER,
              BARE_PASSWORD);
      deployNoop(port);
      var app = new EngineRest(rest, USER, PASSWORD);
      app(app, 40);
      bare(bareRest, 40);
      List<Double> appRates = new ArrayList<>();
      List<Double> bareRates = new ArrayList<>();
      for (int round = 0; round < 3; round++) {
        bareRates.add(bare(bareRest, n));
        appRates.add(app(app, n));
      }
      double appRate = Measure.median(appRates);
      double bareRate = Measure.median(bareRates);
      String report =
          String.join(
              "\n",
              "| lifecycle over REST (median of 3 rounds of "
                  + n
                  + ", "
                  + THREADS
                  + " clients, HTTP Basic) | instances/s | requests per instance | requests/s |",
              "| --- | ---: | ---: | ---: |",
              String.format(
                  Locale.ROOT,
                  "| app: start → intake → signing → confirmation sent | %.1f | 7 | %.0f |",
                  appRate,
                  appRate * 7),
              String.format(
                  Locale.ROOT,
                  "| bare REST starter: start → query → complete one user task | %.1f | 3 | %.0f |",
                  bareRate,
                  bareRate * 3),
              String.format(
                  Locale.ROOT,
                  "| ratio app / bare | %.2f× | | %.2f× |",
                  appRate / bareRate,
                  (appRate * 7) / (bareRate * 3)));
      System.out.println(
          "\nREST lifecycle benchmark ("
              + Runtime.getRuntime().availableProcessors()
              + " cores, embedded PostgreSQL)\n"
              + report
              + "\n");
      Path out = Path.of("target", "benchmark", "rest-lifecycle.md");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report + "\n", StandardCharsets.UTF_8);
    } finally {
      bare.destroy();
      if (!bare.waitFor(30, TimeUnit.SECONDS)) {
        bare.destroyForcibly();
      }
    }
  }

  private double app(EngineRest app, int n) throws Exception {
    long t0 = System.nanoTime();
    Measure.runInThreads(
        THREADS,
        n,
        () -> {
          String number = String.valueOf(kvk.incrementAndGet());
          var started =
              app.post(
                  "/process-definition/key/" + ConvenantProcess.PROCESS_KEY + "/start",
                  Map.of(
                      "businessKey",
                      number,
                      "variables",
                      EngineRest.variables(
                              Map.of(
                                  Vars.EMPLOYER_NAME,
                                  "Rest BV " + number,
                                  Vars.KVK_NUMBER,
                                  number,
                                  Vars.ADDRESS,
                                  "Markt 1",
                                  Vars.MUNICIPALITY,
                                  "Schiedam",
                                  Vars.CONTACT_PERSON,
                                  "Bench",
                                  Vars.CONTACT_EMAIL,
                                  "rest" + number + "@levensloop.example"))
                          .get("variables")));
          String pi = (String) ok(started).getBody().get("id");
          complete(
              app,
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
              app,
              pi,
              Elements.TASK_RECORD_SIGNING,
              Map.of(
                  Vars.SIGNING_OUTCOME,
                  ConvenantProcess.SigningOutcome.SIGNED.name(),
                  Vars.SIGNED_DATE,
                  LocalDate.now().minusDays(5).toString(),
                  Vars.SIGNED_BY,
                  "Bench"));
        });
    while (jdbc.sql("SELECT COUNT(*) FROM correspondence WHERE status <> 'SENT'")
            .query(Long.class)
            .single()
        > 0) {
      Thread.sleep(20);
    }
    return n / ((System.nanoTime() - t0) / 1e9);
  }

  private static void complete(
      EngineRest client, String processInstanceId, String taskKey, Map<String, Object> variables) {
    var tasks =
        client.getList(
            "/task?processInstanceId=" + processInstanceId + "&taskDefinitionKey=" + taskKey);
    String task = (String) tasks.getBody().get(0).get("id");
    ok(client.post("/task/" + task + "/claim", Map.of("userId", USER)));
    ok(client.post("/task/" + task + "/complete", EngineRest.variables(variables)));
  }

  private static double bare(EngineRest bare, int n) throws Exception {
    long t0 = System.nanoTime();
    Measure.runInThreads(
        THREADS,
        n,
        () -> {
          String pi =
              (String)
                  ok(bare.post("/process-definition/key/noop/start", Map.of())).getBody().get("id");
          String task =
              (String) bare.getList("/task?processInstanceId=" + pi).getBody().get(0).get("id");
          ok(bare.post("/task/" + task + "/complete", Map.of()));
        });
    return n / ((System.nanoTime() - t0) / 1e9);
  }

  private static <T extends ResponseEntity<?>> T ok(T response) {
    if (!response.getStatusCode().is2xxSuccessful()) {
      throw new IllegalStateException(
          "REST call refused: " + response.getStatusCode() + " " + response.getBody());
    }
    return response;
  }

  private void deployNoop(int port) {
    String bpmn =
        Bpmn.convertToString(
            Bpmn.createExecutableProcess("noop")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("t")
                .endEvent()
                .done());
    var body = new LinkedMultiValueMap<String, Object>();
    body.add("deployment-name", "noop");
    body.add(
        "data",
        new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
          @Override
          public String getFilename() {
            return "noop.bpmn";
          }
        });
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    var response =
        new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port))
            .withBasicAuth(BARE_USER, BARE_PASSWORD)
            .postForEntity(
                "/engine-rest/deployment/create", new HttpEntity<>(body, headers), String.class);
    if (!response.getStatusCode().is2xxSuccessful()) {
      throw new IllegalStateException(
          "Deployment refused: " + response.getStatusCode() + " " + response.getBody());
    }
  }

  /** The bare starter in a JVM of its own, on the database "bare" of the same PostgreSQL. */
  private static Process startBare() throws Exception {
    try (Connection admin = POSTGRES.getPostgresDatabase().getConnection()) {
      var exists =
          admin.createStatement().executeQuery("SELECT 1 FROM pg_database WHERE datname = 'bare'");
      if (!exists.next()) {
        admin.createStatement().execute("CREATE DATABASE bare");
      }
    }
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            "bench.bare.BareCamundaStarter",
            "--spring.config.location=classpath:bench/bare/bare.yaml",
            "--spring.datasource.url=" + POSTGRES.getJdbcUrl("postgres", "bare"),
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=postgres",
            "--camunda.bpm.job-execution.enabled=false");
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static int portOf(Process bare) throws Exception {
    var out =
        new BufferedReader(new InputStreamReader(bare.getInputStream(), StandardCharsets.UTF_8));
    var last = new ArrayDeque<String>();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      last.addLast(line);
      if (last.size() > 40) {
        last.removeFirst();
      }
      Matcher port = PORT.matcher(line);
      if (port.find()) {
        Measure.drainInBackground(out, "bare-output");
        return Integer.parseInt(port.group(1));
      }
    }
    throw new IllegalStateException(
        "The bare starter ended without starting:\n" + String.join("\n", last));
  }
}
