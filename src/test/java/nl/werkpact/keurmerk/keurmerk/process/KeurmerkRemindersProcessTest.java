package nl.werkpact.keurmerk.keurmerk.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.keurmerk.ReminderSchedule;
import nl.werkpact.keurmerk.keurmerk.process.KeurmerkRemindersProcess.Elements;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * bpmn/KeurmerkReminders.bpmn with its delegate mocked: a round every quarter of an hour, with the periods the process
 * owner writes in the model. What a round queues is KeurmerkRemindersIT's.
 */
class KeurmerkRemindersProcessTest {

  @RegisterExtension
  // Each test deploys its own version of the model, so no coverage floor here.
  static ProcessEngineCoverageExtension engine =
      (ProcessEngineCoverageExtension)
          ProcessEngineCoverageExtension.Companion.builder("process-test-engine.cfg.xml").build();

  private final List<ReminderSchedule> rounds = new ArrayList<>();

  /** What each step of the mocked delegate answers in turn: true, all queued; false, more to do. */
  private final Deque<Boolean> stepsDone = new ArrayDeque<>();

  @BeforeEach
  void registerMocks() throws Exception {
    AbstractAssertions.init(engine.getProcessEngine());
    JavaDelegate queueDueReminders = mock(JavaDelegate.class);
    doAnswer(
            call -> {
              DelegateExecution execution = call.getArgument(0);
              rounds.add(KeurmerkRemindersProcess.schedule(execution));
              execution.setVariable(
                  KeurmerkRemindersProcess.Vars.ROUND_DONE, stepsDone.isEmpty() || stepsDone.pop());
              return null;
            })
        .when(queueDueReminders)
        .execute(any());
    Mocks.register("queueDueRemindersDelegate", queueDueReminders);
    JavaDelegate escalateLateTasks = mock(JavaDelegate.class);
    doAnswer(
            call -> {
              escalations.incrementAndGet();
              return null;
            })
        .when(escalateLateTasks)
        .execute(any());
    Mocks.register("escalateLateTasksDelegate", escalateLateTasks);
  }

  /** How often the round's last step told the late tasks. */
  private final java.util.concurrent.atomic.AtomicInteger escalations =
      new java.util.concurrent.atomic.AtomicInteger();

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
    var repository = engine.getRepositoryService();
    repository
        .createDeploymentQuery()
        .list()
        .forEach(d -> repository.deleteDeployment(d.getId(), true));
  }

  @Test
  void aRoundEveryQuarterOfAnHourWithTheModelsPeriods() {
    ClockUtil.setCurrentTime(amsterdam("2027-10-23T08:52"));
    deploy(model());

    assertThat(timer().getDuedate()).isEqualTo(amsterdam("2027-10-23T09:00"));
    ClockUtil.setCurrentTime(amsterdam("2027-10-23T09:00"));
    engine.getManagementService().executeJob(timer().getId());
    assertThat(timer().getDuedate())
        .as("the next round is planned before this one queues")
        .isEqualTo(amsterdam("2027-10-23T09:15"));
    runSteps();

    assertThat(rounds).containsExactly(ReminderSchedule.parse("P90D", "P30D", "P1M"));
    assertThat(escalations.get())
        .as("after the reminders, the late tasks are told, in a step of its own")
        .isEqualTo(1);
    var round =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(KeurmerkRemindersProcess.PROCESS_KEY)
            .singleResult();
    assertThat(round.getEndTime()).isNotNull();
    assertThat(
            engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(round.getId())
                .activityId(Elements.END_EVENT_REMINDERS_QUEUED)
                .count())
        .isEqualTo(1);
    assertThat(timer().getDuedate()).isEqualTo(amsterdam("2027-10-23T09:15"));
  }

  @Test
  void aProcessOwnerChangesAPeriodInTheModelAndTheNextRoundUsesIt() {
    ClockUtil.setCurrentTime(amsterdam("2027-10-23T08:52"));
    deploy(model().replace(">P90D<", ">P60D<"));

    engine.getManagementService().executeJob(timer().getId());
    runSteps();

    assertThat(rounds)
        .singleElement()
        .satisfies(schedule -> assertThat(schedule.renewalFirst()).isEqualTo(Period.ofDays(60)));
  }

  @Test
  void aPeriodThatIsNoPeriodFailsTheRoundWithADutchMessage() {
    deploy(model().replace(">P30D<", ">30 dagen<"));
    String timerId = timer().getId();

    engine.getManagementService().executeJob(timerId);
    assertThatThrownBy(this::runSteps)
        .hasMessageContaining("Invoerparameter renewalSecondBefore is '30 dagen', geen periode");
    assertThat(rounds).isEmpty();
  }

  /**
   * A storm too big for one step: each step is a job of its own (the job executor's lock covers one step, not the whole
   * round), and the round goes on until its step says all is queued.
   */
  @Test
  void aRoundTooBigForOneStepGoesOnInStepsOfTheirOwnUntilAllIsQueued() {
    deploy(model());
    stepsDone.addAll(List.of(false, false, true));

    engine.getManagementService().executeJob(timer().getId());
    int steps = runSteps();

    assertThat(steps).as("three steps of reminders, then the late tasks").isEqualTo(4);
    assertThat(rounds).hasSize(3);
    assertThat(escalations.get()).isEqualTo(1);
    var round =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(KeurmerkRemindersProcess.PROCESS_KEY)
            .singleResult();
    assertThat(round.getEndTime()).isNotNull();
    assertThat(
            engine
                .getManagementService()
                .createJobQuery()
                .processDefinitionKey(KeurmerkRemindersProcess.PROCESS_KEY)
                .count())
        .as("only the next round's timer is left")
        .isEqualTo(1);
  }

  /** Runs the round's steps (its asynchronous jobs) one by one, as the job executor would; answers how many. */
  private int runSteps() {
    int steps = 0;
    var management = engine.getManagementService();
    for (var step = nextStep(); step != null; step = nextStep()) {
      management.executeJob(step.getId());
      steps++;
    }
    return steps;
  }

  private Job nextStep() {
    return engine
        .getManagementService()
        .createJobQuery()
        .processDefinitionKey(KeurmerkRemindersProcess.PROCESS_KEY)
        .messages()
        .singleResult();
  }

  private Job timer() {
    return engine
        .getManagementService()
        .createJobQuery()
        .processDefinitionKey(KeurmerkRemindersProcess.PROCESS_KEY)
        .timers()
        .singleResult();
  }

  private void deploy(String xml) {
    engine
        .getRepositoryService()
        .createDeployment()
        .addString("KeurmerkReminders.bpmn", xml)
        .deploy();
  }

  private static String model() {
    try (var in =
        KeurmerkRemindersProcessTest.class
            .getClassLoader()
            .getResourceAsStream("bpmn/KeurmerkReminders.bpmn")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Date amsterdam(String local) {
    return Date.from(ZonedDateTime.of(LocalDateTime.parse(local), Dates.AMSTERDAM).toInstant());
  }
}
