package nl.werkpact.keurmerk.tasks.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Registers {@link StaffTaskParseListener} with the subject and the assignment e-mail on the app's engine. */
@Component
class StaffTaskListenersPlugin extends AbstractProcessEnginePlugin {

  /** Looked up when a task is assigned: the mail needs the engine's services, which need this plugin first. */
  private final ObjectProvider<TaskAssignmentMail> assignmentMail;

  StaffTaskListenersPlugin(ObjectProvider<TaskAssignmentMail> assignmentMail) {
    this.assignmentMail = assignmentMail;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners =
        configuration.getCustomPostBPMNParseListeners() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(
        new StaffTaskParseListener(
            List.of(
                Map.entry(TaskListener.EVENTNAME_CREATE, new TaskSubject()),
                Map.entry(
                    TaskListener.EVENTNAME_ASSIGNMENT,
                    (TaskListener) task -> assignmentMail.getObject().notify(task)))));
    configuration.setCustomPostBPMNParseListeners(listeners);
  }
}
