package nl.werkpact.keurmerk.audit.process;

import nl.werkpact.keurmerk.audit.AuditService;
import nl.werkpact.keurmerk.models.CalledFromModels;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordRejection: queues the e-mail with the reasons and the end of the waiting period. */
@CalledFromModels
@Component("recordRejectionDelegate")
public class RecordRejectionDelegate implements JavaDelegate {

  private final AuditService audits;

  public RecordRejectionDelegate(AuditService audits) {
    this.audits = audits;
  }

  @Override
  public void execute(DelegateExecution execution) {
    audits.reject(
        audits.ofProcessInstance(execution.getProcessInstanceId()).id(),
        execution.getProcessInstanceId());
  }
}
