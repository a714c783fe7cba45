package nl.werkpact.keurmerk.audit;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.werkpact.keurmerk.common.Checks;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import nl.werkpact.keurmerk.convenant.ConvenantService;
import nl.werkpact.keurmerk.employer.Employer;
import nl.werkpact.keurmerk.employer.EmployerService;
import nl.werkpact.keurmerk.keurmerk.Keurmerk;
import nl.werkpact.keurmerk.keurmerk.KeurmerkLinks;
import nl.werkpact.keurmerk.keurmerk.KeurmerkService;
import nl.werkpact.keurmerk.keurmerk.KeurmerkStatus;
import nl.werkpact.keurmerk.mail.MailOutbox;
import nl.werkpact.keurmerk.mail.MailRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The keurmerk audit: request, planning, figures, criteria, the committee's decision, award or rejection. */
@Service
public class AuditService {

  public static final String MAIL_AWARDED = "keurmerk-awarded";
  public static final String MAIL_AWARDED_ACCOUNTMANAGER = "keurmerk-awarded-accountmanager";
  public static final String MAIL_REJECTED = "audit-rejected";
  public static final String MAIL_REJECTED_ACCOUNTMANAGER = "audit-rejected-accountmanager";
  static final String CONCERNS = "AUDIT";

  private final AuditRepository audits;
  private final EmployerService employers;
  private final ConvenantService convenants;
  private final KeurmerkService keurmerken;
  private final MailOutbox mail;
  private final Clock clock;
  private final Period waitingPeriod;
  private final Period waitingPeriodAfterWithdrawal;
  private final Period renewalWindow;
  private final KeurmerkLinks links;

  public AuditService(
      AuditRepository audits,
      EmployerService employers,
      ConvenantService convenants,
      KeurmerkService keurmerken,
      MailOutbox mail,
      Clock clock,
      AuditSettings settings,
      KeurmerkLinks links) {
    this.links = links;
    this.audits = audits;
    this.employers = employers;
    this.convenants = convenants;
    this.keurmerken = keurmerken;
    this.mail = mail;
    this.clock = clock;
    this.waitingPeriod = settings.waitingPeriodAfterRejection();
    this.waitingPeriodAfterWithdrawal = settings.waitingPeriodAfterWithdrawal();
    this.renewalWindow = settings.renewalWindow();
  }

  public record Request(long auditId, long employerId) {}

  /**
   * Registers an audit request. Refused, with nothing stored, for an unknown KvK number, an employer
   * without a signed convenant, one with an audit already running, or within the waiting period after a
   * rejection. Whether it is a renewal is decided here, from the employer's own records (an audit requested
   * while the employer holds an active keurmerk renews that one), never by the caller. The criteria table
   * that will judge it ({@code criteriaDecisionId}) is pinned in the record.
   */
  @Transactional
  public Request request(
      String kvkNumber, String requestedBy, String processInstanceId, String criteriaDecisionId) {
    Employer employer = refuseUnlessAuditCanStart(kvkNumber);
    Long renewal = keurmerken.activeKeurmerkOf(employer.id()).map(Keurmerk::id).orElse(null);
    long id =
        audits.insert(
            employer.id(),
            renewal,
            requestedBy,
            processInstanceId,
            criteriaDecisionId,
            OffsetDateTime.now(clock));
    return new Request(id, employer.id());
  }

  /** The checks of {@link #request}, without storing anything. */
  public Employer refuseUnlessAuditCanStart(String kvkNumber) {
    String kvk = Checks.trimmed(kvkNumber);
    if (kvk == null || kvk.isEmpty()) {
      throw new InvalidRequestException("KvK-nummer is verplicht.");
    }
    Employer employer =
        employers
            .findByKvkNumber(kvk)
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "Er is geen werkgever met KvK-nummer " + kvk + " bekend."));
    if (!convenants.hasSignedConvenant(kvk)) {
      throw new InvalidRequestException(
          "Voor KvK-nummer "
              + kvk
              + " is geen getekend convenant; een audit kan pas na ondertekening.");
    }
    if (audits.findRunningByEmployer(employer.id()).isPresent()) {
      throw new InvalidRequestException("Voor KvK-nummer " + kvk + " loopt al een audit.");
    }
    Optional<LocalDate> withdrawn = keurmerken.lastWithdrawalDate(employer.id());
    if (withdrawn.isPresent()) {
      LocalDate earliest = withdrawn.get().plus(waitingPeriodAfterWithdrawal);
      if (today().isBefore(earliest)) {
        throw new InvalidRequestException(
            "Het keurmerk van KvK-nummer "
                + kvk
                + " is op "
                + Dates.dutch(withdrawn.get())
                + " ingetrokken; een nieuwe audit kan vanaf "
                + Dates.dutch(earliest)
                + " worden aangevraagd.");
      }
    }
    Optional<Keurmerk> active = keurmerken.activeKeurmerkOf(employer.id());
    if (active.isPresent()) {
      // A renewal audit opens a window before the keurmerk ends, not earlier: two keurmerken on one
      // day, or a
      // renewal that swallows the current period's membership reminder, cannot happen.
      LocalDate end = active.get().validUntil();
      LocalDate opens = end.plusDays(1).minus(renewalWindow);
      if (today().isBefore(opens)) {
        throw new InvalidRequestException(
            "Keurmerk "
                + active.get().number()
                + " is geldig tot en met "
                + Dates.dutch(end)
                + "; de verlengingsaudit kan vanaf "
                + Dates.dutch(opens)
                + " worden aangevraagd.");
      }
    }
    Optional<LocalDate> rejected = audits.lastRejectionDate(employer.id());
    if (rejected.isPresent()) {
      LocalDate earliest = rejected.get().plus(waitingPeriod);
      if (today().isBefore(earliest)) {
        throw new InvalidRequestException(
            "De vorige audit is op "
                + Dates.dutch(rejected.get())
                + " afgewezen; een nieuwe audit kan vanaf "
                + Dates.dutch(earliest)
                + " worden aangevraagd.");
      }
    }
    return employer;
  }

  public void validatePlanning(LocalDate date, String auditor) {
    new Checks()
        .that(date != null, "Datum audit is verplicht.")
        .that(
            date == null || !date.isAfter(today().plusYears(1)),
            "Datum audit ligt meer dan een jaar vooruit.")
        .that(
            date == null || !date.isBefore(today().minusYears(1)),
            "Datum audit ligt meer dan een jaar terug.")
        .required("Auditor", auditor, 200)
        .throwIfAny();
  }

  @Transactional
  public void plan(long auditId, LocalDate date, String auditor) {
    validatePlanning(date, auditor);
    requireStatus(auditId, AuditStatus.PLANNING);
    audits.plan(auditId, date, Checks.trimmed(auditor));
  }

  @Transactional
  public void recordFigures(long auditId, AuditFigures figures, String performedBy) {
    figures.validate();
    Audit audit = requireStatus(auditId, AuditStatus.PLANNED);
    if (audit.plannedDate() != null && audit.plannedDate().isAfter(today())) {
      throw new InvalidRequestException(
          "De audit is gepland op "
              + Dates.dutch(audit.plannedDate())
              + "; de bevindingen kunnen pas vanaf die datum worden vastgelegd.");
    }
    audits.recordFigures(auditId, figures, performedBy, OffsetDateTime.now(clock));
  }

  /** The criteria table's advice, with the exact decision version that gave it. */
  @Transactional
  public void recordCriteria(
      long auditId, AuditOutcome outcome, String reason, String decisionId, int version) {
    requireStatus(auditId, AuditStatus.PLANNED);
    audits.recordCriteria(auditId, outcome, reason, decisionId, version);
  }

  /** Checks the committee's decision, including the four-eyes rule; throws a Dutch message when refused. */
  public void validateDecision(
      long auditId, AuditOutcome finalOutcome, String reason, String decidedBy) {
    Audit audit = get(auditId);
    if (decidedBy == null || decidedBy.isBlank()) {
      throw new InvalidRequestException(
          "Het commissiebesluit moet door een ingelogde gebruiker worden genomen.");
    }
    refuseAuditor(audit, decidedBy);
    if (finalOutcome == null || finalOutcome == AuditOutcome.COMMISSIE) {
      throw new InvalidRequestException("Kies of het keurmerk wordt toegekend of afgewezen.");
    }
    boolean overrules = !finalOutcome.name().equals(audit.criteriaOutcome());
    new Checks()
        .that(
            !overrules || (reason != null && !reason.isBlank()),
            "Een besluit dat afwijkt van de uitkomst van de criteria ("
                + audit.criteriaOutcome()
                + ") vraagt een toelichting.")
        .optional("Toelichting commissie", reason, 2000)
        .throwIfAny();
  }

  /** The four-eyes rule: whoever recorded the figures may not take the committee decision. */
  public void refuseAuditor(long auditId, String userId) {
    refuseAuditor(get(auditId), userId);
  }

  private static void refuseAuditor(Audit audit, String userId) {
    if (userId != null && userId.equals(audit.performedBy())) {
      throw new InvalidRequestException(
          "U heeft deze audit zelf uitgevoerd; het commissiebesluit moet door een ander lid van de keurmerkcommissie worden genomen (vier-ogenprincipe).");
    }
  }

  @Transactional
  public void decide(long auditId, AuditOutcome finalOutcome, String reason, String decidedBy) {
    validateDecision(auditId, finalOutcome, reason, decidedBy);
    requireStatus(auditId, AuditStatus.AWAITING_COMMITTEE);
    audits.recordDecision(
        auditId, finalOutcome, Checks.trimmed(reason), decidedBy, OffsetDateTime.now(clock));
  }

  /**
   * Creates the keurmerk and membership of an awarded audit and queues the congratulations to the
   * employer and, when known, the notice to its accountmanager.
   */
  @Transactional
  public Keurmerk award(long auditId, String accountmanagerEmail, String processInstanceId) {
    Audit audit = requireStatus(auditId, AuditStatus.AWARDED);
    Keurmerk keurmerk =
        audit.renewalOfKeurmerkId() == null
            ? keurmerken.award(audit.employerId(), auditId, audit.decidedOn())
            : keurmerken.renew(audit.renewalOfKeurmerkId(), auditId, audit.decidedOn());
    var membership = keurmerken.membershipOf(keurmerk.id());
    Employer employer = employers.get(audit.employerId());
    Map<String, Object> model = new HashMap<>();
    model.put("employerName", employer.name());
    model.put("contactPerson", employer.contactPerson());
    model.put("kvkNumber", employer.kvkNumber());
    model.put("keurmerkNumber", keurmerk.number());
    model.put("validFrom", Dates.dutch(keurmerk.validFrom()));
    model.put("validUntil", Dates.dutch(keurmerk.validUntil()));
    model.put("membershipUntil", Dates.dutch(membership.validUntil()));
    model.put("verificationUrl", links.verificationUrl(keurmerk.number()));
    // the certificate is attached only to a keurmerk valid today (Certificates), not to a renewal
    // that begins later
    model.put(
        "certificateAttached",
        KeurmerkStatus.isHeldOn(
            keurmerk.status().name(),
            keurmerk.validFrom(),
            keurmerk.validUntil(),
            LocalDate.now(clock)));
    model.put("badgeSnippet", links.badgeSnippet(keurmerk.number()));
    // A renewal says so, with the number it continues (or follows, when it was awarded after the
    // old one ended).
    model.put(
        "renewedNumber",
        audit.renewalOfKeurmerkId() == null
            ? null
            : keurmerken.get(audit.renewalOfKeurmerkId()).number());
    mail.enqueue(
        new MailRequest(
            MAIL_AWARDED,
            employer.contactEmail(),
            model,
            CONCERNS,
            auditId,
            processInstanceId,
            MAIL_AWARDED + ":" + auditId));
    if (accountmanagerEmail != null && !accountmanagerEmail.isBlank()) {
      mail.enqueue(
          new MailRequest(
              MAIL_AWARDED_ACCOUNTMANAGER,
              accountmanagerEmail,
              model,
              CONCERNS,
              auditId,
              processInstanceId,
              MAIL_AWARDED_ACCOUNTMANAGER + ":" + auditId));
    }
    return keurmerk;
  }

  /**
   * Queues the rejection e-mail with the reasons and the date from which a new audit can be requested, and the
   * accountmanager's copy.
   */
  @Transactional
  public void reject(long auditId, String processInstanceId) {
    Audit audit = requireStatus(auditId, AuditStatus.REJECTED);
    Employer employer = employers.get(audit.employerId());
    Map<String, Object> model = new HashMap<>();
    model.put("employerName", employer.name());
    model.put("contactPerson", employer.contactPerson());
    model.put("explanation", explanationForEmployer(audit));
    model.put("earliestNewRequest", Dates.dutch(audit.decidedOn().plus(waitingPeriod)));
    model.put("kvkNumber", employer.kvkNumber());
    model.put("contactEmail", employer.contactEmail());
    mail.enqueueWithAccountmanagerCopy(
        new MailRequest(
            MAIL_REJECTED,
            employer.contactEmail(),
            model,
            CONCERNS,
            auditId,
            processInstanceId,
            MAIL_REJECTED + ":" + auditId),
        MAIL_REJECTED_ACCOUNTMANAGER);
  }

  /**
   * The audit of a KeurmerkAudit process instance: the only way the process finds its record, so no variable a
   * client sets can make a task act on another employer's audit.
   */
  public Audit ofProcessInstance(String processInstanceId) {
    return audits
        .findByProcessInstance(processInstanceId)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "No audit belongs to process instance " + processInstanceId));
  }

  /**
   * Why, in words for the employer: the committee's own explanation when it gave one; otherwise what the criteria
   * ask, without the table's internal wording.
   */
  public static String explanationForEmployer(Audit audit) {
    if (audit.committeeReason() != null && !audit.committeeReason().isBlank()) {
      return audit.committeeReason().strip();
    }
    String reason = audit.criteriaReason() == null ? "" : audit.criteriaReason().strip();
    return reason.replaceFirst(
        "^Voldoet niet aan de criteria: nodig is ", "Voor het keurmerk is nodig: ");
  }

  /** The employer's audits decided before this one, newest first: context for the committee. */
  public List<Audit> earlierDecided(Audit audit) {
    return audits.findDecidedByEmployer(audit.employerId()).stream()
        .filter(a -> a.id() != audit.id())
        .toList();
  }

  /** The social return the auditor recorded; empty for audits from before the counts existed. */
  public Optional<SocialReturn> socialReturn(long auditId) {
    return audits.socialReturn(auditId);
  }

  public Audit get(long auditId) {
    return audits
        .findById(auditId)
        .orElseThrow(() -> new IllegalStateException("No audit " + auditId));
  }

  private Audit requireStatus(long auditId, AuditStatus expected) {
    Audit audit = get(auditId);
    if (audit.status() != expected) {
      throw new InvalidRequestException(
          "Deze audit heeft status "
              + audit.status()
              + "; deze stap kan niet (meer) worden uitgevoerd.");
    }
    return audit;
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  /**
   * The audit behind a keurmerk awarded before this system existed (go-live import): AWARDED on the award date, with
   * the figures the file gives (the dashboard counts them in the award's year), so the records show where the keurmerk
   * came from.
   */
  @Transactional
  public long importAward(
      long employerId, String accountmanager, LocalDate awardDate, ImportedFigures figures) {
    return audits.insertImportedAward(
        employerId,
        accountmanager,
        awardDate,
        "Keurmerk toegekend voor de invoering van dit systeem; overgenomen bij de start (import).",
        figures);
  }

  /** What the earlier audit found, where the go-live file gives it (each may be null): what the dashboard counts. */
  public record ImportedFigures(
      Integer extraWorkplaces, Integer workExperiencePlaces, BigDecimal socialPurchasingEuros) {}
}
