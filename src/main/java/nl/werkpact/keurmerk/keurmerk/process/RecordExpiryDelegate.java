package nl.werkpact.keurmerk.keurmerk.process;

import nl.werkpact.keurmerk.keurmerk.KeurmerkLifecycle;
import nl.werkpact.keurmerk.models.CalledFromModels;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Task_RecordExpiry: status EXPIRED and the e-mail queued. */
@CalledFromModels
@Component("recordExpiryDelegate")
public class RecordExpiryDelegate implements JavaDelegate {

  private final KeurmerkLifecycle lifecycle;
  private final ApplicationEventPublisher events;

  public RecordExpiryDelegate(KeurmerkLifecycle lifecycle, ApplicationEventPublisher events) {
    this.lifecycle = lifecycle;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var keurmerk =
        lifecycle.ofValidityInstance(
            execution.getProcessInstanceId(), execution.getProcessBusinessKey());
    lifecycle.expire(keurmerk.id(), execution.getProcessInstanceId());
    events.publishEvent(new KeurmerkEnded(keurmerk.id()));
  }
}
