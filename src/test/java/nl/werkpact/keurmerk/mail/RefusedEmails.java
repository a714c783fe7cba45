package nl.werkpact.keurmerk.mail;

import java.time.OffsetDateTime;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An e-mail the mail server refused for good, as the dispatcher leaves it: queued and refused in one transaction, so
 * the running dispatcher never sees it queued and cannot send it first.
 */
public final class RefusedEmails {

  private RefusedEmails() {}

  public static long refused(CorrespondenceRepository correspondence, MailTemplates templates, PlatformTransactionManager transactions,
      MailRequest request) {
    return new TransactionTemplate(transactions).execute(s -> {
      OffsetDateTime now = OffsetDateTime.now();
      long id = correspondence.insert(request, templates.render(request.template(), request.model()), now, now);
      correspondence.recordUndeliverable(id, "550 5.1.1 <" + request.recipient() + ">: Recipient address rejected: User unknown", now,
          "test-node");
      return id;
    });
  }
}
