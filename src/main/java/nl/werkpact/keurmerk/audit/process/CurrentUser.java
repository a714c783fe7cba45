package nl.werkpact.keurmerk.audit.process;

import org.camunda.bpm.engine.delegate.DelegateTask;

/** Who acts on a task: the authenticated user (webapps, REST), else its assignee (engine API). */
final class CurrentUser {

  private CurrentUser() {}

  static String of(DelegateTask task) {
    var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth != null && auth.getUserId() != null ? auth.getUserId() : task.getAssignee();
  }
}
