package nl.werkpact.keurmerk.mail.process;

import nl.werkpact.keurmerk.models.CalledFromModels;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The asynchronous "… mailen" step of model versions before the outbox dispatcher: instances still on such a version
 * pass it. The e-mails they queued are sent by the dispatcher (mail/MailDispatcher), beside the engine, so nothing is
 * left to do here; current models have no such step.
 */
@CalledFromModels(olderVersionsOnly = true)
@Component("sendQueuedMailDelegate")
public class SendQueuedMailDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    // sent by the dispatcher
  }
}
