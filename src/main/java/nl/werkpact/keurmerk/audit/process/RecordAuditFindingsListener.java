package nl.werkpact.keurmerk.audit.process;

import nl.werkpact.keurmerk.audit.AuditService;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import nl.werkpact.keurmerk.models.CalledFromModels;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_PerformAudit, on complete: the figures and who recorded them; bad figures keep the task open. */
@CalledFromModels
@Component("recordAuditFindingsListener")
public class RecordAuditFindingsListener implements TaskListener {

  private final AuditService audits;

  public RecordAuditFindingsListener(AuditService audits) {
    this.audits = audits;
  }

  @Override
  public void notify(DelegateTask task) {
    String user = CurrentUser.of(task);
    if (user == null) {
      throw new InvalidRequestException(
          "De bevindingen moeten door een ingelogde auditor worden vastgelegd.");
    }
    audits.recordFigures(
        audits.ofProcessInstance(AuditInstance.of(task)).id(),
        KeurmerkAuditProcess.figures(task),
        user);
  }
}
