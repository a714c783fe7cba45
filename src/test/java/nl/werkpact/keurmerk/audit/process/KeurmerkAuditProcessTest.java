package nl.werkpact.keurmerk.audit.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Map;
import nl.werkpact.keurmerk.audit.AuditOutcome;
import nl.werkpact.keurmerk.audit.process.KeurmerkAuditProcess.Elements;
import nl.werkpact.keurmerk.audit.process.KeurmerkAuditProcess.Vars;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.support.ProcessCoverage;
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

/** bpmn/KeurmerkAudit.bpmn with the committee's decision and the ceremony it calls, delegates mocked: one test per path. */
@Deployment(
    resources = {
      "bpmn/KeurmerkAudit.bpmn",
      "bpmn/KeurmerkDecision.bpmn",
      "bpmn/KeurmerkCeremony.bpmn",
      "forms/AuditRequest.form",
      "forms/AuditPlanning.form",
      "forms/AuditFindings.form",
      "forms/CommitteeDecision.form",
      "forms/CeremonyPlanning.form"
    })
class KeurmerkAuditProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessCoverage.atLeastNinetyPercent();

  private final JavaDelegate registerAuditRequest = mock(JavaDelegate.class);
  private final JavaDelegate evaluateCriteria = mock(JavaDelegate.class);
  private final JavaDelegate awardKeurmerk = mock(JavaDelegate.class);

  /** What the award delegate says about the audit: a renewal or a first keurmerk. */
  private boolean renewal;

  private final JavaDelegate recordRejection = mock(JavaDelegate.class);
  private final JavaDelegate sendQueuedMail = mock(JavaDelegate.class);
  private final TaskListener recordPlanning = mock(TaskListener.class);
  private final TaskListener recordFindings = mock(TaskListener.class);
  private final TaskListener fourEyes = mock(TaskListener.class);
  private final TaskListener recordDecision = mock(TaskListener.class);

  @BeforeEach
  void registerMocks() throws Exception {
    AbstractAssertions.init(engine.getProcessEngine());
    doAnswer(
            call -> {
              DelegateExecution execution = call.<DelegateExecution>getArgument(0);
              execution.setVariable(Vars.AUDIT_ID, 11L);
              execution.setVariable(Vars.EMPLOYER_NAME, "Groenvoorziening Schiedam");
              execution.setVariable(Vars.AUDIT_KIND, "verlenging SW-2026-0007");
              return null;
            })
        .when(registerAuditRequest)
        .execute(any());
    doAnswer(
            call -> {
              DelegateExecution execution = call.<DelegateExecution>getArgument(0);
              execution.setVariable(Vars.CRITERIA_OUTCOME, AuditOutcome.TOEKENNEN.name());
              execution.setVariable(Vars.AUDITOR_NAME, "Bram Jansen");
              execution.setVariable(Vars.AUDIT_DAY, "20-11-2026");
              execution.setVariable(Vars.CRITERIA_VERSION, "KeurmerkCriteria versie 2");
              execution.setVariable(Vars.EARLIER_AUDITS, "15-09-2024: toegekend");
              return null;
            })
        .when(evaluateCriteria)
        .execute(any());
    Mocks.register("registerAuditRequestDelegate", registerAuditRequest);
    Mocks.register("evaluateCriteriaDelegate", evaluateCriteria);
    doAnswer(
            call -> {
              var execution = call.<DelegateExecution>getArgument(0);
              execution.setVariable(Vars.KEURMERK_NUMBER, "SW-2026-0008");
              execution.setVariable(Vars.RENEWAL, renewal);
              return null;
            })
        .when(awardKeurmerk)
        .execute(any());
    Mocks.register("awardKeurmerkDelegate", awardKeurmerk);
    Mocks.register("recordRejectionDelegate", recordRejection);
    Mocks.register("sendQueuedMailDelegate", sendQueuedMail);
    Mocks.register("recordAuditPlanningListener", recordPlanning);
    Mocks.register("recordAuditFindingsListener", recordFindings);
    Mocks.register("fourEyesListener", fourEyes);
    Mocks.register("recordCommitteeDecisionListener", recordDecision);
    Mocks.register("validateCeremonyListener", mock(TaskListener.class));
    Mocks.register("assignPlannedAuditorListener", mock(TaskListener.class));
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  @Test
  void awardsKeurmerkWhenCommitteeConfirmsAndLeavesCeremonyToPlan() throws Exception {
    ProcessInstance instance = requestByMessage();
    auditUntilCommittee(instance);

    complete(
        task(calledProcessInstance(instance)),
        Map.of(Vars.FINAL_OUTCOME, AuditOutcome.TOEKENNEN.name()));

    verify(recordDecision).notify(any());
    verify(awardKeurmerk).execute(any());
    // The award's e-mails were queued with it; the outbox sends them, the process goes on at once.
    assertThat(instance).isWaitingAt(Elements.CALL_ACTIVITY_PLAN_CEREMONY);
    assertThat(calledProcessInstance(instance))
        .hasProcessDefinitionKey(KeurmerkCeremonyProcess.PROCESS_KEY)
        .isWaitingAt(Elements.TASK_PLAN_CEREMONY)
        .task()
        .hasCandidateGroup(Groups.ACCOUNTMANAGERS)
        .hasName("Uitreiking plannen: Groenvoorziening Schiedam (SW-2026-0008)");
    complete(
        task(calledProcessInstance(instance)),
        Map.of(Vars.CEREMONY_DATE, "2027-01-15", Vars.CEREMONY_LOCATION, "Stadhuis Schiedam"));
    assertThat(instance)
        .isEnded()
        .hasPassed(Elements.END_EVENT_KEURMERK_AWARDED)
        .hasNotPassed(Elements.TASK_RECORD_REJECTION)
        .variables()
        .containsEntry(Vars.CEREMONY_DATE, "2027-01-15");
  }

  @Test
  void theCommitteeSeesTheAuditorTheDayTheCriteriaVersionAndTheEarlierAudits() throws Exception {
    ProcessInstance instance = requestByMessage();
    auditUntilCommittee(instance);

    assertThat(calledProcessInstance(instance))
        .variables()
        .containsEntry(KeurmerkDecisionProcess.Vars.AUDITOR_NAME, "Bram Jansen")
        .containsEntry(KeurmerkDecisionProcess.Vars.AUDIT_DAY, "20-11-2026")
        .containsEntry(KeurmerkDecisionProcess.Vars.CRITERIA_VERSION, "KeurmerkCriteria versie 2")
        .containsEntry(KeurmerkDecisionProcess.Vars.EARLIER_AUDITS, "15-09-2024: toegekend");
  }

  @Test
  void theCeremonyLapsesWhenTheKeurmerkEndsBeforeItIsPlanned() throws Exception {
    ProcessInstance instance = requestByMessage();
    auditUntilCommittee(instance);
    complete(
        task(calledProcessInstance(instance)),
        Map.of(Vars.FINAL_OUTCOME, AuditOutcome.TOEKENNEN.name()));
    assertThat(instance).isWaitingAt(Elements.CALL_ACTIVITY_PLAN_CEREMONY);
    ProcessInstance ceremony = calledProcessInstance(instance);

    engine
        .getProcessEngine()
        .getRuntimeService()
        .createMessageCorrelation(KeurmerkAuditProcess.MESSAGE_CEREMONY_CANCELLED)
        .processInstanceId(instance.getId())
        .correlate();

    assertThat(instance)
        .isEnded()
        .hasPassed(Elements.END_EVENT_CEREMONY_CANCELLED)
        .hasNotPassed(Elements.END_EVENT_KEURMERK_AWARDED);
    assertThat(ceremony).isEnded();
    assertThat(engine.getTaskService().createTaskQuery().count()).isZero();
  }

  @Test
  void rejectsWhenCommitteeOverrulesAnAwardAdvice() throws Exception {
    ProcessInstance instance = requestByMessage();
    auditUntilCommittee(instance);

    complete(
        task(calledProcessInstance(instance)),
        Map.of(
            Vars.FINAL_OUTCOME,
            AuditOutcome.AFWIJZEN.name(),
            Vars.COMMITTEE_REASON,
            "Cijfers niet onderbouwd."));

    verify(recordRejection).execute(any());
    verify(awardKeurmerk, never()).execute(any());
    assertThat(instance).isEnded().hasPassed(Elements.END_EVENT_AUDIT_REJECTED);
  }

  @Test
  void aRenewalGetsNoNewCeremony() throws Exception {
    renewal = true;
    ProcessInstance instance = requestByMessage();
    auditUntilCommittee(instance);

    complete(
        task(calledProcessInstance(instance)),
        Map.of(Vars.FINAL_OUTCOME, AuditOutcome.TOEKENNEN.name()));

    verify(awardKeurmerk).execute(any());
    assertThat(instance)
        .hasPassed(Elements.GATEWAY_CEREMONY_NEEDED, Elements.END_EVENT_KEURMERK_RENEWED)
        .hasNotPassed(Elements.CALL_ACTIVITY_PLAN_CEREMONY)
        .isEnded();
  }

  @Test
  void awardsWhenCommitteeOverrulesARejectionAdvice() throws Exception {
    doAnswer(
            call -> {
              call.<DelegateExecution>getArgument(0)
                  .setVariable(Vars.CRITERIA_OUTCOME, AuditOutcome.AFWIJZEN.name());
              return null;
            })
        .when(evaluateCriteria)
        .execute(any());
    ProcessInstance instance = startFromTasklist();
    auditUntilCommittee(instance);

    complete(
        task(calledProcessInstance(instance)),
        Map.of(
            Vars.FINAL_OUTCOME,
            AuditOutcome.TOEKENNEN.name(),
            Vars.COMMITTEE_REASON,
            "Bijzondere inzet voor de doelgroep."));

    verify(awardKeurmerk).execute(any());
    assertThat(instance)
        .hasPassed(Elements.GATEWAY_FINAL_OUTCOME)
        .isWaitingAt(Elements.CALL_ACTIVITY_PLAN_CEREMONY);
  }

  @Test
  void refusedCommitteeDecisionKeepsTheTaskOpen() throws Exception {
    ProcessInstance instance = requestByMessage();
    auditUntilCommittee(instance);
    doThrow(new InvalidRequestException("U heeft deze audit zelf uitgevoerd"))
        .when(recordDecision)
        .notify(any());

    assertThatThrownBy(
            () ->
                complete(
                    task(calledProcessInstance(instance)),
                    Map.of(Vars.FINAL_OUTCOME, AuditOutcome.TOEKENNEN.name())))
        .hasMessageContaining("zelf uitgevoerd");

    assertThat(calledProcessInstance(instance)).isWaitingAt(Elements.TASK_COMMITTEE_DECISION);
    verify(awardKeurmerk, never()).execute(any());
  }

  @Test
  void refusedRequestStartsNoAudit() throws Exception {
    doThrow(new InvalidRequestException("Voor KvK-nummer 90000003 loopt al een audit."))
        .when(registerAuditRequest)
        .execute(any());

    assertThatThrownBy(this::requestByMessage).hasMessageContaining("loopt al een audit");

    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
  }

  private void auditUntilCommittee(ProcessInstance instance) throws Exception {
    assertThat(instance)
        .isWaitingAt(Elements.TASK_PLAN_AUDIT)
        .task()
        .hasCandidateGroup(Groups.AUDITORS);
    assertThat(task(instance))
        .hasName("Audit plannen: Groenvoorziening Schiedam (verlenging SW-2026-0007)");
    complete(task(instance), Map.of(Vars.AUDIT_DATE, "2026-11-20", Vars.AUDITOR, "Bram Jansen"));
    assertThat(instance)
        .isWaitingAt(Elements.TASK_PERFORM_AUDIT)
        .task()
        .hasCandidateGroup(Groups.AUDITORS);
    complete(
        task(instance),
        Map.of(
            Vars.WORKFORCE_SIZE,
            40,
            Vars.TARGET_GROUP_EMPLOYEES,
            3,
            Vars.EXTRA_WORKPLACES,
            1,
            Vars.WORK_EXPERIENCE_PLACES,
            2,
            Vars.SOCIAL_PURCHASING_EUROS,
            0,
            Vars.FINDINGS,
            "Twee stageplaatsen, één nieuwe baan."));
    verify(recordPlanning).notify(any());
    verify(recordFindings).notify(any());
    verify(evaluateCriteria, times(1)).execute(any());
    assertThat(instance).isWaitingAt(Elements.CALL_ACTIVITY_COMMITTEE_DECISION);
    ProcessInstance decision = calledProcessInstance(instance);
    assertThat(decision)
        .hasProcessDefinitionKey(KeurmerkDecisionProcess.PROCESS_KEY)
        .hasBusinessKey("90000003")
        .isWaitingAt(Elements.TASK_COMMITTEE_DECISION)
        .task()
        .hasCandidateGroup(Groups.KEURMERKCOMMISSIE)
        .hasName("Besluit keurmerkcommissie: Groenvoorziening Schiedam (verlenging SW-2026-0007)");
    // The committee sees the audit's figures and advice, not the audit's internal records.
    assertThat(decision)
        .variables()
        .containsKey(Vars.CRITERIA_OUTCOME)
        .containsEntry(Vars.WORKFORCE_SIZE, 40)
        .doesNotContainKey(Vars.AUDIT_ID);
  }

  private ProcessInstance requestByMessage() {
    return engine
        .getRuntimeService()
        .createMessageCorrelation(KeurmerkAuditProcess.MESSAGE_AUDIT_REQUESTED)
        .processInstanceBusinessKey("90000003")
        .setVariable(Vars.KVK_NUMBER, "90000003")
        .correlateStartMessage();
  }

  private ProcessInstance startFromTasklist() {
    return engine
        .getRuntimeService()
        .createProcessInstanceByKey(KeurmerkAuditProcess.PROCESS_KEY)
        .startBeforeActivity(Elements.START_EVENT_AUDIT_REQUESTED_IN_TASKLIST)
        .setVariable(Vars.KVK_NUMBER, "90000003")
        .execute();
  }
}
