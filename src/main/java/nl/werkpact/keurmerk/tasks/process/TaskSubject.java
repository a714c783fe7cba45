package nl.werkpact.keurmerk.tasks.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Every user task, on create: the task's name in the model ("Audit plannen", what Modeler and Cockpit show) gets the
 * employer it is about, so Tasklist lists "Audit plannen: Bakkerij De Korenschoof (eerste audit)". The model's label
 * stays plain: no {@code ${employerName}} in a diagram. A name that already says whom it is about (a task of an older
 * model version that had the expression in its name) is left as it is.
 */
public class TaskSubject implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String name = task.getName();
    if (name == null
        || name.contains(": ")
        || !(task.getVariable("employerName") instanceof String employer)
        || employer.isBlank()) {
      return;
    }
    Object detail = task.getVariable("auditKind");
    if (!(detail instanceof String) || ((String) detail).isBlank()) {
      detail = task.getVariable("keurmerkNumber");
    }
    task.setName(
        name
            + ": "
            + employer.strip()
            + (detail instanceof String text && !text.isBlank() ? " (" + text + ")" : ""));
  }
}
