package nl.werkpact.keurmerk.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess.Elements;
import nl.werkpact.keurmerk.keurmerk.process.KeurmerkValidityProcess;
import nl.werkpact.keurmerk.keurmerk.process.KeurmerkValidityTimers;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Running instances move to a changed model when they can; when they cannot, the report says why and nothing changes. */
class InstanceMigrationTest {

  @RegisterExtension
  // The process-test engine records coverage; this class deploys models of its own, so no floor
  // here.
  static ProcessEngineCoverageExtension engine =
      (ProcessEngineCoverageExtension)
          ProcessEngineCoverageExtension.Companion.builder("process-test-engine.cfg.xml").build();

  private InstanceMigration migration;

  @BeforeEach
  void setUp() {
    migration =
        new InstanceMigration(
            (ProcessEngineConfigurationImpl)
                engine.getProcessEngine().getProcessEngineConfiguration());
    for (String delegate :
        List.of(
            "registerIntentDelegate",
            "recordSignedConvenantDelegate",
            "recordWithdrawalDelegate",
            "sendQueuedMailDelegate",
            "queueReminderDelegate",
            "recordExpiryDelegate",
            "recordKeurmerkWithdrawalDelegate")) {
      Mocks.register(delegate, mock(JavaDelegate.class));
    }
    Mocks.register("recordIntakeListener", mock(TaskListener.class));
    Mocks.register("validateSigningListener", mock(TaskListener.class));
    Mocks.register("keurmerkValidityTimers", new KeurmerkValidityTimers());
  }

  @AfterEach
  void cleanUp() {
    Mocks.reset();
    ClockUtil.reset();
    var repository = engine.getRepositoryService();
    repository
        .createDeploymentQuery()
        .list()
        .forEach(d -> repository.deleteDeployment(d.getId(), true));
  }

  @Test
  void aCompatibleChangeMigratesEveryInstance() {
    String v1 = model("bpmn/Convenant.bpmn");
    deploy("Convenant.bpmn", v1);
    String first = startConvenant("90000001");
    String second = startConvenant("90000002");
    // A label renamed and a task added after the waiting position.
    String v2 =
        v1.replace("name=\"Intakegesprek: ${employerName}\"", "name=\"Intake: ${employerName}\"")
            .replace(
                "<bpmn:sequenceFlow id=\"Flow_ToRecordSigning\" sourceRef=\"Task_Intake\" targetRef=\"Task_RecordSigning\" />",
                "<bpmn:sequenceFlow id=\"Flow_ToRecordSigning\" sourceRef=\"Task_Intake\" targetRef=\"Task_CheckDocuments\" />"
                    + "<bpmn:userTask id=\"Task_CheckDocuments\" name=\"Documenten controleren\" camunda:candidateGroups=\"accountmanagers\" />"
                    + "<bpmn:sequenceFlow id=\"Flow_ToRecordSigningAfterCheck\" sourceRef=\"Task_CheckDocuments\" targetRef=\"Task_RecordSigning\" />");
    deploy("Convenant.bpmn", v2);

    var dryRun = migration.migrateToLatest(ConvenantProcess.PROCESS_KEY, false);
    assertThat(dryRun.sources())
        .singleElement()
        .satisfies(s -> assertThat(s.instances()).allMatch(i -> i.migratable() && !i.migrated()));
    assertThat(versionOf(first)).isEqualTo(1);

    var done = migration.migrateToLatest(ConvenantProcess.PROCESS_KEY, true);

    assertThat(done.migrated()).isEqualTo(2);
    assertThat(versionOf(first)).isEqualTo(2);
    assertThat(versionOf(second)).isEqualTo(2);
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(first)
                .singleResult()
                .getTaskDefinitionKey())
        .isEqualTo(Elements.TASK_INTAKE);
    assertThat(migration.overview(ConvenantProcess.PROCESS_KEY))
        .extracting(InstanceMigration.VersionCount::instances)
        .containsExactly(0L, 2L);
  }

  @Test
  void anIncompatibleChangeIsReportedAndChangesNothing() {
    String v1 = model("bpmn/Convenant.bpmn");
    deploy("Convenant.bpmn", v1);
    String waiting = startConvenant("90000003");
    // The task the instance waits in is removed.
    String v2 =
        v1.replace(
                "<bpmn:sequenceFlow id=\"Flow_ToIntake\" sourceRef=\"Task_RegisterIntent\" targetRef=\"Task_Intake\" />",
                "<bpmn:sequenceFlow id=\"Flow_ToIntake\" sourceRef=\"Task_RegisterIntent\" targetRef=\"Task_RecordSigning\" />")
            .replaceAll("(?s)<bpmn:userTask id=\"Task_Intake\".*?</bpmn:userTask>", "")
            .replace(
                "<bpmn:sequenceFlow id=\"Flow_ToRecordSigning\" sourceRef=\"Task_Intake\" targetRef=\"Task_RecordSigning\" />",
                "")
            .replaceAll("(?s)<bpmndi:BPMNShape id=\"Task_Intake_di\".*?</bpmndi:BPMNShape>", "")
            .replaceAll(
                "(?s)<bpmndi:BPMNEdge id=\"Flow_ToRecordSigning_di\".*?</bpmndi:BPMNEdge>", "")
            .replace(
                "<bpmn:incoming>Flow_ToRecordSigning</bpmn:incoming>",
                "<bpmn:incoming>Flow_ToIntake</bpmn:incoming>");
    deploy("Convenant.bpmn", v2);

    var report = migration.migrateToLatest(ConvenantProcess.PROCESS_KEY, true);

    assertThat(report.migrated()).isZero();
    assertThat(report.sources())
        .singleElement()
        .satisfies(
            source ->
                assertThat(source.instances())
                    .singleElement()
                    .satisfies(
                        instance -> {
                          assertThat(instance.processInstanceId()).isEqualTo(waiting);
                          assertThat(instance.migratable()).isFalse();
                          assertThat(instance.reason()).contains(Elements.TASK_INTAKE);
                        }));
    assertThat(versionOf(waiting)).isEqualTo(1);
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(waiting)
                .singleResult()
                .getTaskDefinitionKey())
        .isEqualTo(Elements.TASK_INTAKE);
  }

  @Test
  void timersKeepTheirDueDatesUnlessTheModelChangedThem() {
    ClockUtil.setCurrentTime(amsterdam("2026-11-23T11:00"));
    String v1 = model("bpmn/KeurmerkValidity.bpmn");
    deploy("KeurmerkValidity.bpmn", v1);
    String instance = awardValidity(42);
    Date expiry = dueDate(instance, KeurmerkValidityProcess.Elements.TIMER_KEURMERK_EXPIRES);
    assertThat(expiry).isEqualTo(amsterdam("2028-11-24T00:00"));

    // A label changes a year later: the timer keeps its due date.
    ClockUtil.setCurrentTime(amsterdam("2027-11-30T11:00"));
    String relabelled =
        v1.replace(
            "name=\"Einde van de laatste geldige dag\"", "name=\"Laatste geldige dag voorbij\"");
    assertThat(relabelled).isNotEqualTo(v1);
    deploy("KeurmerkValidity.bpmn", relabelled);
    assertThat(migration.migrateToLatest(KeurmerkValidityProcess.PROCESS_KEY, true).migrated())
        .isEqualTo(1);
    assertThat(dueDate(instance, KeurmerkValidityProcess.Elements.TIMER_KEURMERK_EXPIRES))
        .isEqualTo(expiry);

    // The process owner lets keurmerken end at 09:00 on their last day instead: the timer follows
    // the model.
    deploy(
        "KeurmerkValidity.bpmn",
        v1.replace(
            "keurmerkValidityTimers.endOfDay(validUntil)",
            "keurmerkValidityTimers.before(validUntil, 'P0D')"));
    var report = migration.migrateToLatest(KeurmerkValidityProcess.PROCESS_KEY, true);
    assertThat(report.migrated()).isEqualTo(1);
    assertThat(report.sources().get(0).timersRecomputed()).isTrue();
    assertThat(dueDate(instance, KeurmerkValidityProcess.Elements.TIMER_KEURMERK_EXPIRES))
        .isEqualTo(amsterdam("2028-11-23T09:00"));
  }

  @Test
  void addingAStepMigratesRunningPeriods() {
    ClockUtil.setCurrentTime(amsterdam("2026-11-23T11:00"));
    String v1 = model("bpmn/KeurmerkValidity.bpmn");
    deploy("KeurmerkValidity.bpmn", v1);
    String instance = awardValidity(43);
    // A step between the expiry moment and the end of the period.
    String v2 =
        v1.replace(
            "<bpmn:sequenceFlow id=\"Flow_ToValidityPeriodOver\" sourceRef=\"Timer_KeurmerkExpires\" targetRef=\"EndEvent_ValidityPeriodOver\" />",
            "<bpmn:sequenceFlow id=\"Flow_ToValidityPeriodOver\" sourceRef=\"Timer_KeurmerkExpires\" targetRef=\"Event_ExpiryNoted\" />"
                + "<bpmn:intermediateThrowEvent id=\"Event_ExpiryNoted\" name=\"Verloop genoteerd\" />"
                + "<bpmn:sequenceFlow id=\"Flow_FromExpiryNoted\" sourceRef=\"Event_ExpiryNoted\" targetRef=\"EndEvent_ValidityPeriodOver\" />");
    assertThat(v2).isNotEqualTo(v1);
    deploy("KeurmerkValidity.bpmn", v2);

    var report = migration.migrateToLatest(KeurmerkValidityProcess.PROCESS_KEY, true);

    assertThat(report.migrated()).isEqualTo(1);
    assertThat(report.sources().get(0).timersRecomputed()).isFalse();
    assertThat(versionOf(instance)).isEqualTo(2);
    assertThat(dueDate(instance, KeurmerkValidityProcess.Elements.TIMER_KEURMERK_EXPIRES))
        .isEqualTo(amsterdam("2028-11-24T00:00"));
  }

  @Test
  void periodsOfTheVersionWithReminderTimersMoveToTheRoundVersionAndKeepTheirExpiry() {
    ClockUtil.setCurrentTime(amsterdam("2026-11-23T11:00"));
    deploy(
        "KeurmerkValidity.bpmn",
        model("model-versions/KeurmerkValidity-with-reminder-timers.bpmn"));
    String fresh = awardValidity(43);
    // Past the membership reminder and the first renewal reminder: it waits for the second and for
    // its expiry.
    ClockUtil.setCurrentTime(amsterdam("2028-08-26T10:00"));
    String halfway = awardValidity(44);
    var management = engine.getManagementService();
    management
        .createJobQuery()
        .processInstanceId(halfway)
        .timers()
        .duedateLowerThan(ClockUtil.getCurrentTime())
        .list()
        .forEach(job -> management.executeJob(job.getId()));
    assertThat(engine.getRuntimeService().getActiveActivityIds(halfway))
        .containsExactlyInAnyOrder(
            "Timer_RenewalReminderSecond", KeurmerkValidityProcess.Elements.TIMER_KEURMERK_EXPIRES);
    deploy("KeurmerkValidity.bpmn", model("bpmn/KeurmerkValidity.bpmn"));

    var dryRun = migration.migrateToLatest(KeurmerkValidityProcess.PROCESS_KEY, false);
    assertThat(dryRun.refused()).isZero();
    assertThat(engine.getRuntimeService().getActiveActivityIds(halfway)).hasSize(2);
    var report = migration.migrateToLatest(KeurmerkValidityProcess.PROCESS_KEY, true);

    assertThat(report.migrated()).isEqualTo(2);
    for (String instance : List.of(fresh, halfway)) {
      assertThat(versionOf(instance)).isEqualTo(2);
      assertThat(engine.getRuntimeService().getActiveActivityIds(instance))
          .containsExactly(KeurmerkValidityProcess.Elements.TIMER_KEURMERK_EXPIRES);
      assertThat(dueDate(instance, KeurmerkValidityProcess.Elements.TIMER_KEURMERK_EXPIRES))
          .isEqualTo(amsterdam("2028-11-24T00:00"));
    }
  }

  /** A keurmerk valid until 23-11-2028 with membership until 23-11-2027, id and number ending in {@code id}. */
  private String awardValidity(long id) {
    return engine
        .getRuntimeService()
        .createMessageCorrelation(KeurmerkValidityProcess.MESSAGE_KEURMERK_AWARDED)
        .processInstanceBusinessKey(String.valueOf(id))
        .setVariables(
            Map.of(
                KeurmerkValidityProcess.Vars.KEURMERK_ID,
                id,
                KeurmerkValidityProcess.Vars.KEURMERK_NUMBER,
                "SW-2026-00" + id,
                KeurmerkValidityProcess.Vars.EMPLOYER_ID,
                7L,
                KeurmerkValidityProcess.Vars.VALID_UNTIL,
                "2028-11-23",
                KeurmerkValidityProcess.Vars.MEMBERSHIP_UNTIL,
                "2027-11-23"))
        .correlateStartMessage()
        .getId();
  }

  private String startConvenant(String kvk) {
    return engine
        .getRuntimeService()
        .startProcessInstanceByKey(
            ConvenantProcess.PROCESS_KEY,
            kvk,
            Map.of(ConvenantProcess.Vars.EMPLOYER_NAME, "Werkgever " + kvk))
        .getId();
  }

  private int versionOf(String processInstanceId) {
    String definitionId =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(processInstanceId)
            .singleResult()
            .getProcessDefinitionId();
    return engine.getRepositoryService().getProcessDefinition(definitionId).getVersion();
  }

  private Date dueDate(String processInstanceId, String activityId) {
    return engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(processInstanceId)
        .activityId(activityId)
        .singleResult()
        .getDuedate();
  }

  private void deploy(String name, String xml) {
    engine.getRepositoryService().createDeployment().addString(name, xml).deploy();
  }

  private static String model(String resource) {
    try (InputStream in =
        InstanceMigrationTest.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Date amsterdam(String local) {
    return Date.from(ZonedDateTime.of(LocalDateTime.parse(local), Dates.AMSTERDAM).toInstant());
  }
}
