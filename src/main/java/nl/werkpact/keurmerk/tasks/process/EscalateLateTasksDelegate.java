package nl.werkpact.keurmerk.tasks.process;

import nl.werkpact.keurmerk.models.CalledFromModels;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Te late taken melden" in the round of KeurmerkReminders: every task past its due date is told once to whoever has it
 * (or its group) and to the employer's accountmanager ({@link LateTasks}); from 08:00 the daily digest of whoever asked
 * for one ({@link DailyDigests}).
 */
@CalledFromModels
@Component("escalateLateTasksDelegate")
public class EscalateLateTasksDelegate implements JavaDelegate {

  private final LateTasks lateTasks;
  private final DailyDigests digests;

  public EscalateLateTasksDelegate(LateTasks lateTasks, DailyDigests digests) {
    this.lateTasks = lateTasks;
    this.digests = digests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lateTasks.escalateDue();
    digests.sendDue();
  }
}
