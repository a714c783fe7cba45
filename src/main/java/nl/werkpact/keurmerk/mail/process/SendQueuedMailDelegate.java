package nl.werkpact.keurmerk.mail.process;

import nl.werkpact.keurmerk.mail.MailOutbox;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Every "send e-mail" service task of every process: sends what this instance queued and has not sent.
 * The task is asynchronous (its own job, after the commit that queued the e-mail) and has a retry cycle,
 * so an SMTP failure retries and finally shows as an incident in Cockpit; a retry skips e-mails already sent.
 */
@Component("sendQueuedMailDelegate")
public class SendQueuedMailDelegate implements JavaDelegate {

  private final MailOutbox outbox;

  public SendQueuedMailDelegate(MailOutbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    outbox.deliverPendingFor(execution.getProcessInstanceId());
  }
}
