package nl.werkpact.keurmerk.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import nl.werkpact.keurmerk.support.EngineRest;
import nl.werkpact.keurmerk.support.IntegrationTest;
import nl.werkpact.keurmerk.support.Intents;
import nl.werkpact.keurmerk.support.TestUsers;
import nl.werkpact.keurmerk.support.Unique;
import nl.werkpact.keurmerk.tasks.process.LateTasks;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Late work seen and chased: a task's due date comes from its model and shows in Tasklist, a task past it is told
 * once to its group and the employer's accountmanager (and recorded), and whoever is given a task hears of it.
 */
class StaffTasksIT extends IntegrationTest {

  private static final String COLLEAGUE = "itcollega";

  @Autowired TestRestTemplate restTemplate;
  @Autowired TaskService taskService;
  @Autowired LateTasks lateTasks;
  @Autowired JdbcClient jdbc;

  private EngineRest rest;
  private String kvk;
  private String name;

  @BeforeEach
  void setUp() {
    TestUsers.ensure(identityService, COLLEAGUE, PASSWORD, "accountmanagers");
    rest = new EngineRest(restTemplate, ACCOUNTMANAGER, PASSWORD);
    kvk = Unique.kvk();
    name = "Drukkerij Taak " + kvk;
  }

  @Test
  void theIntakeIsDueFourWeeksAfterTheIntentAsTheModelSaysAndNamedAfterTheEmployer() {
    Task intake = Intents.intake(taskService, Intents.start(rest, name, kvk));

    assertThat(intake.getName()).isEqualTo("Intakegesprek: " + name);
    assertThat(intake.getDueDate()).isNotNull();
    assertThat(
            Duration.between(intake.getCreateTime().toInstant(), intake.getDueDate().toInstant()))
        .isBetween(Duration.ofDays(28).minusHours(1), Duration.ofDays(28).plusHours(1));
    // Tasklist reads it from the REST API
    List<Map<String, Object>> listed =
        rest.getList("/task?processInstanceId=" + intake.getProcessInstanceId()).getBody();
    assertThat(listed).singleElement().satisfies(t -> assertThat(t.get("due")).isNotNull());
  }

  @Test
  void aTaskPastItsDueDateIsToldOnceToItsGroupAndTheAccountmanagerAndRecorded() throws Exception {
    Task intake = Intents.intake(taskService, Intents.start(rest, name, kvk));
    taskService.setDueDate(intake.getId(), Date.from(Instant.now().minus(Duration.ofDays(3))));

    assertThat(lateTasks.escalateDue()).isGreaterThanOrEqualTo(1);

    String toAccountmanager = "task-late:" + intake.getId() + ":" + ACCOUNTMANAGER;
    String toColleague = "task-late:" + intake.getId() + ":" + COLLEAGUE;
    assertThat(keysAbout(intake)).contains(toAccountmanager, toColleague);
    assertThat(body(toAccountmanager))
        .startsWith("Beste Test " + ACCOUNTMANAGER + ",")
        .contains("De taak \"Intakegesprek: " + name + "\" had klaar moeten zijn op")
        .contains("de groep")
        .contains("als accountmanager van de werkgever")
        .contains("/camunda/app/tasklist/default/#/?task=" + intake.getId());
    assertThat(body(toColleague)).doesNotContain("als accountmanager van de werkgever");
    assertThat(
            jdbc.sql("SELECT recipients FROM task_escalation WHERE task_id = ?")
                .param(intake.getId())
                .query(String.class)
                .single())
        .contains(ACCOUNTMANAGER + "@werkpact.example");

    int before = keysAbout(intake).size();
    lateTasks.escalateDue();
    runReminderRound();
    assertThat(keysAbout(intake)).as("told once, however many rounds look").hasSize(before);
  }

  @Test
  void whoIsGivenATaskHearsOfItButNotWhoTakesItThemselves() {
    Task intake = Intents.intake(taskService, Intents.start(rest, name, kvk));

    var claimed = rest.post("/task/" + intake.getId() + "/claim", Map.of("userId", ACCOUNTMANAGER));
    assertThat(claimed.getStatusCode().is2xxSuccessful()).isTrue();
    assertThat(keysAbout(intake)).noneMatch(key -> key.startsWith("task-assigned:"));

    taskService.setAssignee(intake.getId(), COLLEAGUE);

    String key = "task-assigned:" + intake.getId() + ":" + COLLEAGUE;
    assertThat(keysAbout(intake)).contains(key);
    assertThat(body(key))
        .startsWith("Beste Test " + COLLEAGUE + ",")
        .contains("de taak \"Intakegesprek: " + name + "\" aan u toegewezen")
        .contains("Hij moet klaar zijn op")
        .contains("?task=" + intake.getId());
  }

  private List<String> keysAbout(Task task) {
    return jdbc.sql("SELECT dedup_key FROM correspondence WHERE process_instance_id = ?")
        .param(task.getProcessInstanceId())
        .query(String.class)
        .list();
  }

  private String body(String dedupKey) {
    return jdbc.sql("SELECT body_text FROM correspondence WHERE dedup_key = ?")
        .param(dedupKey)
        .query(String.class)
        .single();
  }
}
