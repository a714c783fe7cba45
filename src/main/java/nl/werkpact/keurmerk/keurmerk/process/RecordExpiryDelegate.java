package nl.werkpact.keurmerk.keurmerk.process;

import nl.werkpact.keurmerk.keurmerk.KeurmerkLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordExpiry: status EXPIRED and the e-mail queued. */
@Component("recordExpiryDelegate")
public class RecordExpiryDelegate implements JavaDelegate {

  private final KeurmerkLifecycle lifecycle;
  private final nl.werkpact.keurmerk.keurmerk.KeurmerkRepository keurmerken;

  public RecordExpiryDelegate(KeurmerkLifecycle lifecycle, nl.werkpact.keurmerk.keurmerk.KeurmerkRepository keurmerken) {
    this.lifecycle = lifecycle;
    this.keurmerken = keurmerken;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var keurmerk = lifecycle.ofValidityInstance(execution.getProcessInstanceId(), execution.getProcessBusinessKey());
    lifecycle.expire(keurmerk.id(), execution.getProcessInstanceId());
    CeremonyCancellation.cancelFor(keurmerk.id(), keurmerken, execution);
  }
}
