package nl.werkpact.keurmerk.keurmerk.process;

import java.util.List;
import nl.werkpact.keurmerk.keurmerk.Keurmerk;
import nl.werkpact.keurmerk.keurmerk.KeurmerkService;
import nl.werkpact.keurmerk.keurmerk.Membership;
import nl.werkpact.keurmerk.keurmerk.process.KeurmerkValidityProcess.Elements;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * The validity period of a keurmerk that was awarded before this system existed (go-live import). Its KeurmerkValidity
 * instance starts exactly as an award starts it, so its timers fall where the model puts them (a process owner's
 * change of the offsets counts); reminders whose moment already lies in the past are then passed over, as if they had
 * been sent, unless the configuration says to send them late.
 */
@Component
public class ImportedValidityPeriods {

  private static final int MAX_ROUNDS = 4;

  private final RuntimeService runtime;
  private final ManagementService management;
  private final KeurmerkService keurmerken;
  /** The timer each job definition belongs to; a job definition never changes its activity. */
  private final java.util.Map<String, String> activityOf = new java.util.concurrent.ConcurrentHashMap<>();

  public ImportedValidityPeriods(RuntimeService runtime, ManagementService management, KeurmerkService keurmerken) {
    this.runtime = runtime;
    this.management = management;
    this.keurmerken = keurmerken;
  }

  /** Starts the period in the caller's transaction; returns the process instance id. */
  public String start(Keurmerk keurmerk, Membership membership, boolean sendPassedReminders) {
    var instance = runtime.createMessageCorrelation(KeurmerkValidityProcess.MESSAGE_KEURMERK_AWARDED)
        .processInstanceBusinessKey(String.valueOf(keurmerk.id()))
        .setVariables(KeurmerkValidityProcess.startVariables(keurmerk, membership))
        .correlateStartMessage();
    keurmerken.bindValidityInstance(keurmerk.id(), instance.getId());
    if (!sendPassedReminders) {
      passOverPastReminders(instance.getId());
    }
    return instance.getId();
  }

  /**
   * Moves every token waiting at a reminder timer that is already due past it: after the first renewal reminder the
   * token goes on to wait for the second, after the others that branch is done. The expiry timer is never due yet (the
   * keurmerk is still valid), so the instance keeps running to it.
   */
  private void passOverPastReminders(String processInstanceId) {
    for (int round = 0; round < MAX_ROUNDS; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).timers()
          .duedateLowerThan(ClockUtil.getCurrentTime()).list();
      if (due.isEmpty()) {
        return;
      }
      var modification = runtime.createProcessInstanceModification(processInstanceId);
      for (Job job : due) {
        String activityId = activityOf.computeIfAbsent(job.getJobDefinitionId(),
            definition -> management.createJobDefinitionQuery().jobDefinitionId(definition).singleResult().getActivityId());
        if (Elements.TIMER_KEURMERK_EXPIRES.equals(activityId)) {
          throw new IllegalStateException("The expiry of an imported keurmerk that is still valid cannot be due yet");
        }
        if (Elements.TIMER_RENEWAL_REMINDER_FIRST.equals(activityId)) {
          // The validity sub-process has one instance, so the token starts inside it.
          modification.startBeforeActivity(Elements.TIMER_RENEWAL_REMINDER_SECOND);
        }
        modification.cancelAllForActivity(activityId);
      }
      modification.execute(true, true);
    }
    throw new IllegalStateException("Reminders of instance " + processInstanceId + " stay due after " + MAX_ROUNDS + " rounds");
  }
}
