package nl.werkpact.keurmerk.audit.process;

import nl.werkpact.keurmerk.common.InvalidRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * The keurmerkaudit instance a task belongs to, to which the audit record is bound: the instance that called the
 * committee's decision or the ceremony (KeurmerkDecision, KeurmerkCeremony), or the task's own instance for the
 * auditors' tasks and for audits started before the committee and the ceremony had processes of their own.
 */
final class AuditInstance {

  private AuditInstance() {}

  static String of(DelegateTask task) {
    ExecutionEntity instance = ((ExecutionEntity) task.getExecution()).getProcessInstance();
    ExecutionEntity caller = instance.getSuperExecution();
    if (caller != null) {
      return caller.getProcessInstanceId();
    }
    String key =
        instance.getProcessDefinition() == null ? null : instance.getProcessDefinition().getKey();
    if (!KeurmerkAuditProcess.PROCESS_KEY.equals(key)) {
      throw new InvalidRequestException("Deze taak hoort niet bij een keurmerkaudit.");
    }
    return instance.getId();
  }
}
