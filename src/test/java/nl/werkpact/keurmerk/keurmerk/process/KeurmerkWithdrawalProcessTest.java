package nl.werkpact.keurmerk.keurmerk.process;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.Map;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import nl.werkpact.keurmerk.keurmerk.process.KeurmerkWithdrawalProcess.Elements;
import nl.werkpact.keurmerk.keurmerk.process.KeurmerkWithdrawalProcess.Vars;
import nl.werkpact.keurmerk.support.ProcessCoverage;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** bpmn/KeurmerkWithdrawal.bpmn with its delegate mocked. */
@Deployment(
    resources = {
      "bpmn/KeurmerkWithdrawal.bpmn",
      "forms/KeurmerkWithdrawalRequest.form",
      "forms/KeurmerkWithdrawalConfirmation.form"
    })
class KeurmerkWithdrawalProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessCoverage.atLeastNinetyPercent();

  private final JavaDelegate withdrawKeurmerk = mock(JavaDelegate.class);
  private final JavaDelegate reviewWithdrawal = mock(JavaDelegate.class);

  @BeforeEach
  void registerMocks() {
    AbstractAssertions.init(engine.getProcessEngine());
    Mocks.register("withdrawKeurmerkDelegate", withdrawKeurmerk);
    Mocks.register("reviewWithdrawalDelegate", reviewWithdrawal);
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  @Test
  void nothingHappensUntilWhoeverStartedItConfirmsHavingSeenWhoseKeurmerkItIs() throws Exception {
    var engineServices = engine.getProcessEngine();
    engineServices.getIdentityService().setAuthenticatedUserId("carla");
    var instance =
        engineServices
            .getRuntimeService()
            .startProcessInstanceByKey(
                KeurmerkWithdrawalProcess.PROCESS_KEY,
                Map.of(
                    Vars.KEURMERK_NUMBER,
                    "SW-2026-0001",
                    Vars.WITHDRAWAL_REASON,
                    "Geen werkplekken meer."));
    engineServices.getIdentityService().clearAuthentication();

    verify(reviewWithdrawal).execute(any());
    verify(withdrawKeurmerk, never()).execute(any());
    assertThat(instance).isWaitingAt(Elements.TASK_CONFIRM_WITHDRAWAL);
    assertThat(task()).isAssignedTo("carla");
    Assertions.assertThat(task().getDueDate()).as("due in a week, as the model says").isNotNull();

    complete(task(), withVariables(Vars.WITHDRAWAL_CONFIRMED, "JA"));

    verify(withdrawKeurmerk).execute(any());
    assertThat(instance)
        .isEnded()
        .hasPassed(Elements.TASK_WITHDRAW_KEURMERK, Elements.END_EVENT_KEURMERK_WITHDRAWN);
  }

  @Test
  void whoeverSaysNoWithdrawsNothing() throws Exception {
    var instance =
        engine
            .getProcessEngine()
            .getRuntimeService()
            .startProcessInstanceByKey(
                KeurmerkWithdrawalProcess.PROCESS_KEY,
                Map.of(
                    Vars.KEURMERK_NUMBER, "SW-2026-0002", Vars.WITHDRAWAL_REASON, "Vergissing."));
    assertThat(instance).isWaitingAt(Elements.TASK_CONFIRM_WITHDRAWAL);

    complete(task(), withVariables(Vars.WITHDRAWAL_CONFIRMED, "NEE"));

    verify(withdrawKeurmerk, never()).execute(any());
    assertThat(instance)
        .isEnded()
        .hasPassed(Elements.END_EVENT_WITHDRAWAL_CANCELLED)
        .hasNotPassed(Elements.TASK_WITHDRAW_KEURMERK);
  }

  @Test
  void aRefusedWithdrawalStartsNothing() throws Exception {
    doThrow(new InvalidRequestException("Keurmerknummer SW-1999-9999 is onbekend."))
        .when(reviewWithdrawal)
        .execute(any());
    var runtime = engine.getProcessEngine().getRuntimeService();

    assertThatThrownBy(
            () ->
                runtime.startProcessInstanceByKey(
                    KeurmerkWithdrawalProcess.PROCESS_KEY,
                    Map.of(Vars.KEURMERK_NUMBER, "SW-1999-9999", Vars.WITHDRAWAL_REASON, "x")))
        .hasMessageContaining("is onbekend");
    Assertions.assertThat(runtime.createProcessInstanceQuery().count()).isZero();
  }
}
