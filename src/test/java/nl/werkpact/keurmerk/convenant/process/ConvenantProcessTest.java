package nl.werkpact.keurmerk.convenant.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.Map;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess.Elements;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess.SigningOutcome;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess.Vars;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.support.ProcessCoverage;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** bpmn/Convenant.bpmn with its delegates mocked: one test per path. */
@Deployment(
    resources = {
      "bpmn/Convenant.bpmn",
      "forms/ConvenantIntent.form",
      "forms/ConvenantIntake.form",
      "forms/ConvenantSigning.form"
    })
class ConvenantProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessCoverage.atLeastNinetyPercent();

  private final JavaDelegate registerIntent = mock(JavaDelegate.class);
  private final JavaDelegate recordSignedConvenant = mock(JavaDelegate.class);
  private final JavaDelegate recordWithdrawal = mock(JavaDelegate.class);
  private final JavaDelegate sendQueuedMail = mock(JavaDelegate.class);
  private final TaskListener recordIntake = mock(TaskListener.class);
  private final TaskListener validateSigning = mock(TaskListener.class);

  @BeforeEach
  void registerMocks() throws Exception {
    AbstractAssertions.init(engine.getProcessEngine());
    doAnswer(
            call -> {
              DelegateExecution execution = call.getArgument(0);
              ConvenantProcess.setRegistration(execution, 7L, 3L);
              return null;
            })
        .when(registerIntent)
        .execute(any());
    Mocks.register("registerIntentDelegate", registerIntent);
    Mocks.register("recordSignedConvenantDelegate", recordSignedConvenant);
    Mocks.register("recordWithdrawalDelegate", recordWithdrawal);
    Mocks.register("sendQueuedMailDelegate", sendQueuedMail);
    Mocks.register("recordIntakeListener", recordIntake);
    Mocks.register("validateSigningListener", validateSigning);
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  @Test
  void recordsSignedConvenantAndMailsConfirmationAfterIntakeAndSigning() throws Exception {
    ProcessInstance instance = startIntent();

    assertThat(instance)
        .isWaitingAt(Elements.TASK_INTAKE)
        .task()
        .hasCandidateGroup(Groups.ACCOUNTMANAGERS);
    assertThat(task(instance)).hasName("Intakegesprek: Bakkerij De Korenschoof");
    complete(
        task(instance), Map.of(Vars.INTAKE_DATE, "2026-11-20", Vars.INTAKE_NOTES, "Goed gesprek"));
    verify(recordIntake).notify(any());

    assertThat(instance)
        .isWaitingAt(Elements.TASK_RECORD_SIGNING)
        .task()
        .hasCandidateGroup(Groups.ACCOUNTMANAGERS);
    complete(
        task(instance),
        Map.of(
            Vars.SIGNING_OUTCOME,
            SigningOutcome.SIGNED.name(),
            Vars.SIGNED_DATE,
            "2026-11-21",
            Vars.SIGNED_BY,
            "J. Verbeek"));
    verify(validateSigning).notify(any());
    verify(recordSignedConvenant).execute(any());

    // The confirmation was queued with the signature; the outbox sends it, no job of the process
    // waits for SMTP.
    assertThat(instance)
        .isEnded()
        .hasPassed(Elements.END_EVENT_CONVENANT_SIGNED)
        .hasNotPassed(Elements.TASK_RECORD_WITHDRAWAL);
  }

  @Test
  void endsAsWithdrawnWhenEmployerWithdrawsAtSigning() throws Exception {
    ProcessInstance instance = startIntent();
    complete(task(instance), Map.of(Vars.INTAKE_DATE, "2026-11-20", Vars.INTAKE_NOTES, "Twijfelt"));

    complete(
        task(instance),
        Map.of(
            Vars.SIGNING_OUTCOME,
            SigningOutcome.WITHDRAWN.name(),
            Vars.WITHDRAWAL_REASON,
            "Reorganisatie"));

    verify(recordWithdrawal).execute(any());
    verify(recordSignedConvenant, never()).execute(any());
    assertThat(instance).isEnded().hasPassed(Elements.END_EVENT_CONVENANT_WITHDRAWN);
  }

  @Test
  void refusedIntentStartsNoInstance() throws Exception {
    doThrow(new InvalidRequestException("Voor KvK-nummer 90000001 loopt al een convenant."))
        .when(registerIntent)
        .execute(any());

    assertThatThrownBy(this::startIntent)
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("loopt al een convenant");

    ProcessEngine processEngine = engine.getProcessEngine();
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
    assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery().count())
        .isZero();
  }

  @Test
  void refusedIntakeKeepsTheTaskOpen() throws Exception {
    ProcessInstance instance = startIntent();
    doThrow(new InvalidRequestException("Datum intakegesprek mag niet in de toekomst liggen."))
        .when(recordIntake)
        .notify(any());

    assertThatThrownBy(
            () ->
                complete(
                    task(instance), Map.of(Vars.INTAKE_DATE, "2099-01-01", Vars.INTAKE_NOTES, "x")))
        .hasMessageContaining("toekomst");

    assertThat(instance).isWaitingAt(Elements.TASK_INTAKE);
  }

  private ProcessInstance startIntent() {
    return engine
        .getRuntimeService()
        .startProcessInstanceByKey(
            ConvenantProcess.PROCESS_KEY,
            "90000001",
            Map.of(
                Vars.EMPLOYER_NAME, "Bakkerij De Korenschoof",
                Vars.KVK_NUMBER, "90000001",
                Vars.ADDRESS, "Hoogstraat 12",
                Vars.MUNICIPALITY, "Maassluis",
                Vars.CONTACT_PERSON, "Joke Verbeek",
                Vars.CONTACT_EMAIL, "joke@korenschoof.example"));
  }
}
