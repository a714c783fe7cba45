package nl.werkpact.keurmerk.keurmerk.process;

import java.time.Instant;
import java.util.HashMap;
import java.util.Optional;
import java.util.Set;
import nl.werkpact.keurmerk.clock.DemoMoments;
import nl.werkpact.keurmerk.keurmerk.KeurmerkReminders;
import nl.werkpact.keurmerk.keurmerk.ReminderSchedule;
import nl.werkpact.keurmerk.models.RegionTenant;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.springframework.stereotype.Service;

/**
 * When the next reminder falls due, with the periods of the deployed KeurmerkReminders model: for the demo clock, which
 * steps to it instead of to the round's own timer a quarter of an hour away.
 */
@Service
public class ReminderMoments implements DemoMoments {

  private final RepositoryService repository;
  private final KeurmerkReminders reminders;

  public ReminderMoments(RepositoryService repository, KeurmerkReminders reminders) {
    this.repository = repository;
    this.reminders = reminders;
  }

  @Override
  public Optional<Instant> nextAfter(Instant now) {
    return deployedSchedule().flatMap(schedule -> reminders.nextDue(schedule, now));
  }

  @Override
  public Set<String> roundProcesses() {
    return Set.of(KeurmerkRemindersProcess.PROCESS_KEY);
  }

  /** The periods as the latest deployed version of the model writes them. */
  public Optional<ReminderSchedule> deployedSchedule() {
    var latest =
        RegionTenant.inThisRegion(
                repository
                    .createProcessDefinitionQuery()
                    .processDefinitionKey(KeurmerkRemindersProcess.PROCESS_KEY)
                    .latestVersion())
            .singleResult();
    if (latest == null) {
      return Optional.empty();
    }
    ServiceTask task =
        repository
            .getBpmnModelInstance(latest.getId())
            .getModelElementById(KeurmerkRemindersProcess.Elements.TASK_QUEUE_DUE_REMINDERS);
    if (task == null || task.getExtensionElements() == null) {
      return Optional.empty();
    }
    var parameters = new HashMap<String, String>();
    for (CamundaInputOutput io :
        task.getExtensionElements()
            .getElementsQuery()
            .filterByType(CamundaInputOutput.class)
            .list()) {
      for (CamundaInputParameter parameter : io.getCamundaInputParameters()) {
        parameters.put(parameter.getCamundaName(), parameter.getTextContent());
      }
    }
    return Optional.of(
        ReminderSchedule.parse(
            parameters.get(KeurmerkRemindersProcess.Vars.RENEWAL_FIRST_BEFORE),
            parameters.get(KeurmerkRemindersProcess.Vars.RENEWAL_SECOND_BEFORE),
            parameters.get(KeurmerkRemindersProcess.Vars.MEMBERSHIP_END_BEFORE)));
  }
}
