package nl.werkpact.keurmerk.audit.process;

import java.util.HashMap;
import java.util.Map;
import nl.werkpact.keurmerk.audit.AuditService;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import nl.werkpact.keurmerk.convenant.Accountmanagers;
import nl.werkpact.keurmerk.employer.Employer;
import nl.werkpact.keurmerk.employer.EmployerService;
import nl.werkpact.keurmerk.keurmerk.Keurmerk;
import nl.werkpact.keurmerk.keurmerk.KeurmerkService;
import nl.werkpact.keurmerk.mail.MailOutbox;
import nl.werkpact.keurmerk.mail.MailRequest;
import nl.werkpact.keurmerk.region.RegionScope;
import nl.werkpact.keurmerk.web.SiteSettings;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The renewal audit asked for by the holder itself on Mijn keurmerk (the reminder's link leads there): only for a
 * keurmerk that is valid now, with the checks every audit request has (the window before the end of validity, no
 * audit running, the waiting periods), started as the message {@code AuditRequested} starts it, as the system; its
 * accountmanager is told by e-mail in the same transaction.
 */
@Service
public class OnlineRenewals {

  static final String MAIL_ACCOUNTMANAGER = "renewal-requested-accountmanager";

  private final AuditService audits;
  private final EmployerService employers;
  private final KeurmerkService keurmerken;
  private final Accountmanagers accountmanagers;
  private final MailOutbox outbox;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final SiteSettings site;
  private final TransactionTemplate transactions;

  OnlineRenewals(
      AuditService audits,
      EmployerService employers,
      KeurmerkService keurmerken,
      Accountmanagers accountmanagers,
      MailOutbox outbox,
      RuntimeService runtime,
      IdentityService identity,
      SiteSettings site,
      TransactionTemplate transactions) {
    this.audits = audits;
    this.employers = employers;
    this.keurmerken = keurmerken;
    this.accountmanagers = accountmanagers;
    this.outbox = outbox;
    this.runtime = runtime;
    this.identity = identity;
    this.site = site;
    this.transactions = transactions;
  }

  /**
   * Whether the employer may ask now; a Dutch refusal saying why not (and from when it can) otherwise. Reads only;
   * the region must be the employer's.
   */
  public Keurmerk refuseUnlessRenewable(long employerId) {
    Employer employer = employers.get(employerId);
    Keurmerk active =
        keurmerken
            .activeKeurmerkOf(employerId)
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "U heeft nu geen geldig keurmerk om te verlengen. Wilt u het keurmerk (opnieuw)"
                            + " aanvragen? Neem contact op met uw accountmanager."));
    audits.refuseUnlessAuditCanStart(employer.kvkNumber());
    return active;
  }

  /** Starts the renewal audit in the employer's region and tells its accountmanager; refused in Dutch as above. */
  public void request(long employerId, String regionCode) {
    var caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      RegionScope.run(
          regionCode,
          () ->
              transactions.executeWithoutResult(
                  status -> {
                    Keurmerk active = refuseUnlessRenewable(employerId);
                    Employer employer = employers.get(employerId);
                    String instance;
                    try {
                      instance =
                          runtime
                              .createMessageCorrelation(
                                  KeurmerkAuditProcess.MESSAGE_AUDIT_REQUESTED)
                              .tenantId(regionCode)
                              .processInstanceBusinessKey(employer.kvkNumber())
                              .setVariable(
                                  KeurmerkAuditProcess.Vars.KVK_NUMBER, employer.kvkNumber())
                              .correlateStartMessage()
                              .getId();
                    } catch (RuntimeException e) {
                      InvalidRequestException refused = InvalidRequestException.foundIn(e);
                      throw refused == null ? e : refused;
                    }
                    long auditId = audits.ofProcessInstance(instance).id();
                    accountmanagers
                        .of(employerId)
                        .filter(a -> a.email() != null)
                        .ifPresent(
                            accountmanager -> {
                              Map<String, Object> model = new HashMap<>();
                              model.put("accountmanagerName", accountmanager.name());
                              model.put("employerName", employer.name());
                              model.put("kvkNumber", employer.kvkNumber());
                              model.put("keurmerkNumber", active.number());
                              model.put("validUntil", Dates.dutch(active.validUntil()));
                              model.put(
                                  "dossierUrl", site.page("/dossier/" + employer.kvkNumber()));
                              outbox.enqueue(
                                  new MailRequest(
                                      MAIL_ACCOUNTMANAGER,
                                      accountmanager.email(),
                                      model,
                                      "AUDIT",
                                      auditId,
                                      instance,
                                      MAIL_ACCOUNTMANAGER + ":" + auditId));
                            });
                  }));
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
