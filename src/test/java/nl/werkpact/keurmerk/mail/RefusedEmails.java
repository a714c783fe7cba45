package nl.werkpact.keurmerk.mail;

import java.time.OffsetDateTime;
import java.util.Map;
import nl.werkpact.keurmerk.convenant.ConvenantService;
import nl.werkpact.keurmerk.employer.EmployerDetails;
import nl.werkpact.keurmerk.support.Unique;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An e-mail the mail server refused for good, as the dispatcher leaves it: queued and refused in one transaction, so
 * the running dispatcher never sees it queued and cannot send it first.
 */
public final class RefusedEmails {

  private RefusedEmails() {}

  public static long refused(
      CorrespondenceRepository correspondence,
      MailTemplates templates,
      PlatformTransactionManager transactions,
      MailRequest request) {
    return new TransactionTemplate(transactions)
        .execute(
            s -> {
              OffsetDateTime now = OffsetDateTime.now();
              long id =
                  correspondence.insert(
                      request, templates.render(request.template(), request.model()), now, now);
              correspondence.recordUndeliverable(
                  id,
                  "550 5.1.1 <"
                      + request.recipient()
                      + ">: Recipient address rejected: User unknown",
                  now,
                  "test-node");
              return id;
            });
  }

  /**
   * A refused confirmation to a new employer whose convenant this accountmanager registered: the employer's contact
   * address is the one refused. Answers the e-mail's id.
   */
  public static long refusedToNewEmployer(
      ConvenantService convenants,
      CorrespondenceRepository correspondence,
      MailTemplates templates,
      PlatformTransactionManager transactions,
      String accountmanager,
      String employerName,
      String contactEmail) {
    String kvk = Unique.kvk();
    var registration =
        convenants.registerIntent(
            new EmployerDetails(
                employerName + " " + kvk, kvk, "Kade 1", "Schiedam", "Joke", contactEmail),
            accountmanager,
            null);
    var request =
        new MailRequest(
            "convenant-signed",
            contactEmail,
            Map.of(
                "employerName",
                employerName + " " + kvk,
                "contactPerson",
                "Joke",
                "kvkNumber",
                kvk,
                "signedDate",
                "21 november 2026",
                "signedBy",
                "J. Verbeek"),
            "CONVENANT",
            registration.convenantId(),
            null,
            "refused-test:" + kvk);
    return refused(correspondence, templates, transactions, request);
  }
}
