package nl.werkpact.keurmerk.tasks.process;

import java.util.List;
import java.util.Map;
import nl.werkpact.keurmerk.identity.RegionalGroups;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Adds the product's own listeners to every user task of every model as it is deployed, so a process owner cannot
 * forget or remove them in Modeler: the task's subject in its name ({@link TaskSubject}) and, in the app, the e-mail
 * to whom a task is assigned ({@link TaskAssignmentMail}). They are built-in listeners: not in the XML, not in
 * Modeler's properties, and run before the model's own. In a region's deployment the task's roles also bring the
 * region's groups as candidates ({@link RegionalGroups}).
 */
public class StaffTaskParseListener extends AbstractBpmnParseListener {

  private final List<Map.Entry<String, TaskListener>> listeners;

  /** The subject only (the engine of the process tests, which has no outbox). */
  public StaffTaskParseListener() {
    this(List.of(Map.entry(TaskListener.EVENTNAME_CREATE, new TaskSubject())));
  }

  public StaffTaskParseListener(List<Map.Entry<String, TaskListener>> listeners) {
    this.listeners = listeners;
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
      addRegionalGroups(behavior.getTaskDefinition(), activity);
      listeners.forEach(
          listener ->
              behavior
                  .getTaskDefinition()
                  .addBuiltInTaskListener(listener.getKey(), listener.getValue()));
    }
  }

  /**
   * In a region's deployment, each role among the task's candidate groups brings the region's group of that role
   * ({@link RegionalGroups}): the region's Tasklist filters read the region's links only.
   */
  private static void addRegionalGroups(TaskDefinition task, ActivityImpl activity) {
    if (!(activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition)
        || definition.getTenantId() == null) {
      return;
    }
    List<String> added =
        RegionalGroups.addedIn(definition.getTenantId(), RegionalGroups.candidateGroupsOf(task));
    if (!added.isEmpty()) {
      var expressions = Context.getProcessEngineConfiguration().getExpressionManager();
      added.forEach(
          group -> task.addCandidateGroupIdExpression(expressions.createExpression(group)));
    }
  }
}
