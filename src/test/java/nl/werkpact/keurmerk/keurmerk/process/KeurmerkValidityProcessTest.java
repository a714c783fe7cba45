package nl.werkpact.keurmerk.keurmerk.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.keurmerk.Keurmerk;
import nl.werkpact.keurmerk.keurmerk.KeurmerkService;
import nl.werkpact.keurmerk.keurmerk.KeurmerkStatus;
import nl.werkpact.keurmerk.keurmerk.Membership;
import nl.werkpact.keurmerk.keurmerk.ValidityPeriod;
import nl.werkpact.keurmerk.keurmerk.process.KeurmerkValidityProcess.Elements;
import nl.werkpact.keurmerk.keurmerk.process.KeurmerkValidityProcess.Vars;
import nl.werkpact.keurmerk.support.ProcessCoverage;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * bpmn/KeurmerkValidity.bpmn with its delegates mocked and the real timer dates: two years pass by moving
 * the engine clock, never by waiting. Its reminders are KeurmerkRemindersProcessTest's and KeurmerkRemindersIT's.
 */
@Deployment(resources = "bpmn/KeurmerkValidity.bpmn")
class KeurmerkValidityProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessCoverage.atLeastNinetyPercent();

  private final JavaDelegate sendQueuedMail = mock(JavaDelegate.class);
  private final JavaDelegate recordExpiry = mock(JavaDelegate.class);
  private final JavaDelegate recordWithdrawal = mock(JavaDelegate.class);

  @BeforeEach
  void registerMocks() throws Exception {
    AbstractAssertions.init(engine.getProcessEngine());
    Mocks.register("sendQueuedMailDelegate", sendQueuedMail);
    Mocks.register("recordExpiryDelegate", recordExpiry);
    Mocks.register("recordKeurmerkWithdrawalDelegate", recordWithdrawal);
    Mocks.register("keurmerkValidityTimers", new KeurmerkValidityTimers());
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void expiresAtTheEndOfTheLastValidDayWithNoTimerButTheExpiry() throws Exception {
    ProcessInstance instance = award("2026-11-23T11:00", "2028-11-23", "2027-11-23");

    // The reminders are the KeurmerkReminders process's, for all keurmerken at once: no timer of
    // their own here.
    assertThat(dueDates(instance)).containsExactly(amsterdam("2028-11-24T00:00"));
    moveClockTo("2028-11-23T23:59");
    verify(recordExpiry, never()).execute(any());
    assertThat(instance).isActive();
    moveClockTo("2028-11-24T00:00");
    verify(recordExpiry).execute(any());
    assertThat(instance).isEnded().hasPassed(Elements.END_EVENT_KEURMERK_EXPIRED);
  }

  @Test
  void aRenewalEndsThePeriodWithoutExpiry() throws Exception {
    ProcessInstance instance = award("2026-11-23T11:00", "2028-11-23", "2027-11-23");
    moveClockTo("2028-08-25T09:00");

    engine
        .getRuntimeService()
        .createMessageCorrelation(KeurmerkValidityProcess.MESSAGE_KEURMERK_RENEWED)
        .processInstanceBusinessKey("42")
        .correlate();

    assertThat(instance).isEnded().hasPassed(Elements.END_EVENT_KEURMERK_RENEWED);
    moveClockTo("2029-01-01T00:00");
    verify(recordExpiry, never()).execute(any());
  }

  @Test
  void aWithdrawalIsRecordedAndEndsThePeriodWithoutExpiry() throws Exception {
    ProcessInstance instance = award("2026-11-23T11:00", "2028-11-23", "2027-11-23");
    moveClockTo("2027-10-23T09:00");

    engine
        .getRuntimeService()
        .createMessageCorrelation(KeurmerkValidityProcess.MESSAGE_KEURMERK_WITHDRAWN)
        .processInstanceBusinessKey("42")
        .setVariable(Vars.WITHDRAWAL_REASON, "Geen werkplekken meer voor de doelgroep.")
        .correlate();
    verify(recordWithdrawal).execute(any());
    runDueJobs();

    assertThat(instance).isEnded().hasPassed(Elements.END_EVENT_KEURMERK_WITHDRAWN);
    moveClockTo("2029-01-01T00:00");
    verify(recordExpiry, never()).execute(any());
  }

  @Test
  void anAwardOn29FebruaryExpiresAtTheEndOf28FebruaryTwoYearsLater() {
    ProcessInstance instance = award("2028-02-29T11:00", "2030-02-28", "2029-02-28");

    assertThat(dueDates(instance)).containsExactly(amsterdam("2030-03-01T00:00"));
  }

  @Test
  void anImportedKeurmerkStartsLikeAnAwardedOneAndWaitsForItsExpiry() throws Exception {
    ProcessInstance instance = importAt("2028-11-01T10:00", "2026-11-24");

    assertThat(dueDates(instance)).containsExactly(amsterdam("2028-11-24T00:00"));
    moveClockTo("2028-11-24T00:00");
    assertThat(instance).isEnded().hasPassed(Elements.END_EVENT_KEURMERK_EXPIRED);
  }

  /** A keurmerk valid from {@code validFrom} for two years, with one year of membership, imported at {@code now}. */
  private ProcessInstance importAt(String now, String validFrom) {
    ClockUtil.setCurrentTime(amsterdam(now));
    var period = ValidityPeriod.keurmerk(LocalDate.parse(validFrom));
    var membership = ValidityPeriod.membership(period.validFrom());
    var keurmerk =
        new Keurmerk(
            42L,
            "SW-2026-0042",
            7L,
            3L,
            period.validFrom(),
            period.validUntil(),
            KeurmerkStatus.ACTIVE,
            null);
    var imported =
        new ImportedValidityPeriods(engine.getRuntimeService(), mock(KeurmerkService.class));
    String id =
        imported.start(
            keurmerk, new Membership(5L, 42L, 7L, membership.validFrom(), membership.validUntil()));
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceId(id)
        .singleResult();
  }

  private ProcessInstance award(String now, String validUntil, String membershipUntil) {
    ClockUtil.setCurrentTime(amsterdam(now));
    return engine
        .getRuntimeService()
        .createMessageCorrelation(KeurmerkValidityProcess.MESSAGE_KEURMERK_AWARDED)
        .processInstanceBusinessKey("42")
        .setVariables(
            Map.of(
                Vars.KEURMERK_ID,
                42L,
                Vars.KEURMERK_NUMBER,
                "SW-2026-0042",
                Vars.EMPLOYER_ID,
                7L,
                Vars.VALID_UNTIL,
                validUntil,
                Vars.MEMBERSHIP_UNTIL,
                membershipUntil))
        .correlateStartMessage();
  }

  private List<Date> dueDates(ProcessInstance instance) {
    return engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(instance.getId())
        .timers()
        .list()
        .stream()
        .map(Job::getDuedate)
        .toList();
  }

  /** Moves the engine clock and runs every job due by then, as the job executor would. */
  private void moveClockTo(String localAmsterdam) {
    ClockUtil.setCurrentTime(amsterdam(localAmsterdam));
    runDueJobs();
  }

  private void runDueJobs() {
    var management = engine.getManagementService();
    for (int round = 0; round < 50; round++) {
      List<Job> due = management.createJobQuery().executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
    throw new AssertionError("Jobs keep coming");
  }

  private static Date amsterdam(String localDateTime) {
    return Date.from(
        ZonedDateTime.of(LocalDateTime.parse(localDateTime), Dates.AMSTERDAM).toInstant());
  }
}
