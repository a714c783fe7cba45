package nl.werkpact.keurmerk.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The demo clock lands on each planned event, whatever the calendar, and keeps its date across a restart. */
class DemoClockControllerTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      (ProcessEngineCoverageExtension)
          ProcessEngineCoverageExtension.Companion.builder("process-test-engine.cfg.xml").build();

  @TempDir Path data;

  private static String deployment;

  @AfterEach
  void realTimeAndNoTimers() {
    ClockUtil.reset();
    if (deployment != null) {
      engine.getProcessEngine().getRepositoryService().deleteDeployment(deployment, true);
      deployment = null;
    }
  }

  @Test
  void eachStepLandsJustAfterTheNextTimerAndARestartKeepsTheDate() {
    Instant start = ClockUtil.getCurrentTime().toInstant();
    // Two reminders 30 days apart in a leap year, as the validity period plans them: no fixed step
    // hits both.
    Instant first = start.plus(366 + 59, ChronoUnit.DAYS);
    Instant second = first.plus(30, ChronoUnit.DAYS);
    deployTimers(first, second);
    var configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngine().getProcessEngineConfiguration();
    Path file = data.resolve("demo-klok.txt");
    var clock = new DemoClockController(configuration, file, List.of());

    var moved = clock.toNextTimer();
    assertThat(moved.get("gebeurtenis")).isEqualTo(first.toString());
    assertThat(ClockUtil.getCurrentTime().toInstant())
        .isBetween(first, first.plus(2, ChronoUnit.MINUTES));
    engine
        .getProcessEngine()
        .getManagementService()
        .executeJob(
            engine
                .getProcessEngine()
                .getManagementService()
                .createJobQuery()
                .timers()
                .orderByJobDuedate()
                .asc()
                .list()
                .get(0)
                .getId());

    clock.toNextTimer();
    assertThat(ClockUtil.getCurrentTime().toInstant())
        .isBetween(second, second.plus(2, ChronoUnit.MINUTES));

    // A restart: the clock is back at real time until the controller reads the kept offset.
    ClockUtil.reset();
    new DemoClockController(configuration, file, List.of());
    assertThat(ClockUtil.getCurrentTime().toInstant()).isAfter(second);
  }

  @Test
  void theClockMovesOnlyForWhoeverSendsTheDemosToken() {
    var configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngine().getProcessEngineConfiguration();
    Path file = data.resolve("demo-klok.txt");
    var clock = new DemoClockController(configuration, file, List.of());
    Instant before = ClockUtil.getCurrentTime().toInstant();

    for (String wrong : new String[] {null, "", "0000", clock.token() + "x"}) {
      assertThatThrownBy(() -> clock.advance(wrong, 30))
          .hasMessageContaining("De demoklok verzet alleen wie het token meestuurt");
    }
    assertThat(ClockUtil.getCurrentTime().toInstant()).isBefore(before.plus(1, ChronoUnit.DAYS));
    assertThat(Files.exists(file)).isFalse();

    clock.advance(clock.token(), 30);
    assertThat(ClockUtil.getCurrentTime().toInstant()).isAfter(before.plus(29, ChronoUnit.DAYS));
    assertThat(new DemoClockController(configuration, file, List.of()).token())
        .as("kept across a restart")
        .isEqualTo(clock.token());
  }

  @Test
  void withNothingPlannedItSaysSoInDutch() {
    var clock =
        new DemoClockController(
            (ProcessEngineConfigurationImpl)
                engine.getProcessEngine().getProcessEngineConfiguration(),
            data.resolve("demo-klok.txt"),
            List.of());

    assertThatThrownBy(clock::toNextTimer)
        .hasMessageContaining("Er staat geen herinnering of verloopdatum meer gepland.");
  }

  @Test
  void theQuarterHourlyRoundIsNoEventButTheMomentsItActsOnAre() {
    Instant start = ClockUtil.getCurrentTime().toInstant();
    Instant reminder = start.plus(40, ChronoUnit.DAYS);
    Instant expiry = start.plus(100, ChronoUnit.DAYS);
    var round =
        Bpmn.createExecutableProcess("RoundProbe")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .timerWithCycle("0 0/15 * * * ?")
            .endEvent()
            .done();
    var period =
        Bpmn.createExecutableProcess("PeriodProbe")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .intermediateCatchEvent("Timer_Expiry")
            .timerWithDate(expiry.toString())
            .endEvent()
            .done();
    deployment =
        engine
            .getProcessEngine()
            .getRepositoryService()
            .createDeployment()
            .addModelInstance("RoundProbe.bpmn", round)
            .addModelInstance("PeriodProbe.bpmn", period)
            .deploy()
            .getId();
    engine.getProcessEngine().getRuntimeService().startProcessInstanceByKey("PeriodProbe");
    DemoMoments reminders =
        new DemoMoments() {
          @Override
          public Optional<Instant> nextAfter(Instant now) {
            return now.isBefore(reminder) ? Optional.of(reminder) : Optional.empty();
          }

          @Override
          public Set<String> roundProcesses() {
            return Set.of("RoundProbe");
          }
        };
    var clock =
        new DemoClockController(
            (ProcessEngineConfigurationImpl)
                engine.getProcessEngine().getProcessEngineConfiguration(),
            data.resolve("demo-klok.txt"),
            List.of(reminders));

    assertThat(clock.toNextTimer().get("gebeurtenis")).isEqualTo(reminder.toString());
    assertThat(clock.toNextTimer().get("gebeurtenis")).isEqualTo(expiry.toString());
  }

  private static void deployTimers(Instant first, Instant second) {
    var model =
        Bpmn.createExecutableProcess("DemoClockProbe")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .intermediateCatchEvent("Timer_First")
            .timerWithDate(first.toString())
            .intermediateCatchEvent("Timer_Second")
            .timerWithDate(second.toString())
            .endEvent()
            .done();
    deployment =
        engine
            .getProcessEngine()
            .getRepositoryService()
            .createDeployment()
            .addModelInstance("DemoClockProbe.bpmn", model)
            .deploy()
            .getId();
    engine.getProcessEngine().getRuntimeService().startProcessInstanceByKey("DemoClockProbe");
  }
}
