package nl.werkpact.keurmerk.keurmerk;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import nl.werkpact.keurmerk.common.Checks;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import nl.werkpact.keurmerk.employer.Employer;
import nl.werkpact.keurmerk.employer.EmployerService;
import nl.werkpact.keurmerk.mail.MailOutbox;
import nl.werkpact.keurmerk.mail.MailRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to a keurmerk during its validity: reminders, expiry, withdrawal. Each change and the e-mail it
 * causes are stored together; each e-mail is keyed by keurmerk and kind, so it is queued at most once.
 */
@Service
public class KeurmerkLifecycle {

  public static final String MAIL_RENEWAL_REMINDER = "renewal-reminder";

  /** The accountmanager's own text about the same reminder: who to call and how to request the renewal audit. */
  public static final String MAIL_RENEWAL_REMINDER_ACCOUNTMANAGER =
      "renewal-reminder-accountmanager";

  public static final String MAIL_MEMBERSHIP_REMINDER = "membership-reminder";
  public static final String MAIL_EXPIRED = "keurmerk-expired";
  public static final String MAIL_WITHDRAWN = "keurmerk-withdrawn";

  /** The accountmanager's own texts about an expiry and a withdrawal of its employer's keurmerk. */
  public static final String MAIL_EXPIRED_ACCOUNTMANAGER = "keurmerk-expired-accountmanager";

  public static final String MAIL_WITHDRAWN_ACCOUNTMANAGER = "keurmerk-withdrawn-accountmanager";
  static final String CONCERNS = "KEURMERK";

  /** Which reminder: the first and second renewal reminder, and the end of the free membership. */
  public enum Reminder {
    RENEWAL_FIRST,
    RENEWAL_SECOND,
    MEMBERSHIP_END
  }

  private final KeurmerkRepository keurmerken;
  private final EmployerService employers;
  private final MailOutbox mail;
  private final Clock clock;

  public KeurmerkLifecycle(
      KeurmerkRepository keurmerken, EmployerService employers, MailOutbox mail, Clock clock) {
    this.keurmerken = keurmerken;
    this.employers = employers;
    this.mail = mail;
    this.clock = clock;
  }

  /**
   * Queues a reminder to the employer (renewal reminders with a copy to the accountmanager, when known), as
   * {@link KeurmerkReminders} does for all keurmerken at once; for the reminder timers of instances that still run on
   * a model version from before that sweep. Nothing is sent for a keurmerk that is no longer active, and nothing twice.
   *
   * @return whether a reminder was queued
   */
  @Transactional
  public boolean remind(
      long keurmerkId, Reminder reminder, String accountmanagerEmail, String processInstanceId) {
    Keurmerk keurmerk = get(keurmerkId);
    if (keurmerk.status() != KeurmerkStatus.ACTIVE) {
      return false;
    }
    Employer employer = employers.get(keurmerk.employerId());
    Map<String, Object> model = model(keurmerk, employer);
    keurmerken
        .runningAuditOf(employer.id())
        .ifPresent(
            audit ->
                model.put(
                    "renewalUnderway",
                    KeurmerkReminders.renewalUnderway(
                        audit.status(), audit.requestedAt(), audit.plannedDate())));
    KeurmerkReminders.queue(
        mail,
        reminder,
        keurmerkId,
        model,
        employer.contactEmail(),
        accountmanagerEmail,
        processInstanceId);
    return true;
  }

  /** At the end of the valid-until day without renewal: EXPIRED, and the employer and its accountmanager are told. */
  @Transactional
  public void expire(long keurmerkId, String processInstanceId) {
    if (keurmerken.changeStatus(
        keurmerkId, KeurmerkStatus.ACTIVE, KeurmerkStatus.EXPIRED, "Niet verlengd")) {
      Keurmerk keurmerk = get(keurmerkId);
      Employer employer = employers.get(keurmerk.employerId());
      mail.enqueueWithAccountmanagerCopy(
          new MailRequest(
              MAIL_EXPIRED,
              employer.contactEmail(),
              model(keurmerk, employer),
              CONCERNS,
              keurmerkId,
              processInstanceId,
              MAIL_EXPIRED + ":" + keurmerkId),
          MAIL_EXPIRED_ACCOUNTMANAGER);
    }
  }

  public void validateWithdrawal(long keurmerkId, String reason) {
    new Checks().required("Reden van intrekking", reason, 2000).throwIfAny();
    Keurmerk keurmerk = get(keurmerkId);
    if (keurmerk.status() != KeurmerkStatus.ACTIVE && keurmerk.status() != KeurmerkStatus.RENEWED) {
      throw new InvalidRequestException(
          "Keurmerk "
              + keurmerk.number()
              + " heeft status "
              + keurmerk.status()
              + " en kan niet worden ingetrokken.");
    }
  }

  /** The committee withdraws the keurmerk: WITHDRAWN with the reason; the employer and its accountmanager are told. */
  @Transactional
  public void withdraw(long keurmerkId, String reason, String processInstanceId) {
    validateWithdrawal(keurmerkId, reason);
    Keurmerk keurmerk = get(keurmerkId);
    keurmerken.changeStatus(
        keurmerkId, keurmerk.status(), KeurmerkStatus.WITHDRAWN, Checks.trimmed(reason));
    Employer employer = employers.get(keurmerk.employerId());
    Map<String, Object> model = model(keurmerk, employer);
    model.put("reason", Checks.trimmed(reason));
    mail.enqueueWithAccountmanagerCopy(
        new MailRequest(
            MAIL_WITHDRAWN,
            employer.contactEmail(),
            model,
            CONCERNS,
            keurmerkId,
            processInstanceId,
            MAIL_WITHDRAWN + ":" + keurmerkId),
        MAIL_WITHDRAWN_ACCOUNTMANAGER);
  }

  /**
   * The keurmerk of a KeurmerkValidity instance: the only way its delegates find their record. A keurmerk
   * awarded before instances were bound is found once by the instance's business key (which only the award
   * sets) and bound to it from then on.
   */
  @Transactional
  public Keurmerk ofValidityInstance(String processInstanceId, String businessKey) {
    var bound = keurmerken.findByValidityProcessInstance(processInstanceId);
    if (bound.isPresent()) {
      return bound.get();
    }
    Keurmerk legacy =
        businessKey == null || !businessKey.matches("[0-9]{1,18}")
            ? null
            : keurmerken
                .findById(Long.parseLong(businessKey))
                .filter(k -> k.validityProcessInstanceId() == null)
                .orElse(null);
    if (legacy == null || !keurmerken.bindValidityInstance(legacy.id(), processInstanceId)) {
      throw new IllegalStateException(
          "No keurmerk belongs to validity instance " + processInstanceId);
    }
    return get(legacy.id());
  }

  public Keurmerk get(long keurmerkId) {
    return keurmerken
        .findById(keurmerkId)
        .orElseThrow(() -> new IllegalStateException("No keurmerk " + keurmerkId));
  }

  Map<String, Object> model(Keurmerk keurmerk, Employer employer) {
    return model(
        employer.name(),
        employer.contactPerson(),
        employer.contactEmail(),
        employer.kvkNumber(),
        keurmerk.number(),
        keurmerk.validUntil(),
        keurmerken.findMembership(keurmerk.id()).map(Membership::validUntil).orElse(null));
  }

  /** What the e-mails about a keurmerk say: the employer, the number and the dates, the Dutch way. */
  static Map<String, Object> model(
      String employerName,
      String contactPerson,
      String contactEmail,
      String kvkNumber,
      String keurmerkNumber,
      LocalDate validUntil,
      LocalDate membershipUntil) {
    Map<String, Object> model = new HashMap<>();
    model.put("employerName", employerName);
    model.put("contactPerson", contactPerson);
    model.put("contactEmail", contactEmail);
    model.put("kvkNumber", kvkNumber);
    model.put("keurmerkNumber", keurmerkNumber);
    model.put("validUntil", Dates.dutch(validUntil));
    model.put("membershipUntil", Dates.dutch(membershipUntil));
    return model;
  }
}
