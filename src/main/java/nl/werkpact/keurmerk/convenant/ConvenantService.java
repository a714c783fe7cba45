package nl.werkpact.keurmerk.convenant;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import nl.werkpact.keurmerk.common.Checks;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import nl.werkpact.keurmerk.employer.Employer;
import nl.werkpact.keurmerk.employer.EmployerDetails;
import nl.werkpact.keurmerk.employer.EmployerService;
import nl.werkpact.keurmerk.mail.MailOutbox;
import nl.werkpact.keurmerk.mail.MailRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The convenant of the Sociaal Werkpact: intent, intake, signing or withdrawal. */
@Service
public class ConvenantService {

  public static final String MAIL_CONVENANT_SIGNED = "convenant-signed";
  static final String CONCERNS = "CONVENANT";

  private final ConvenantRepository convenants;
  private final EmployerService employers;
  private final MailOutbox mail;
  private final Clock clock;

  public ConvenantService(
      ConvenantRepository convenants, EmployerService employers, MailOutbox mail, Clock clock) {
    this.convenants = convenants;
    this.employers = employers;
    this.mail = mail;
    this.clock = clock;
  }

  public record Registration(long convenantId, long employerId) {}

  /**
   * Registers the employer's intent. Refused, with nothing stored, when the details are invalid or
   * the employer already has a convenant in progress or signed.
   */
  @Transactional
  public Registration registerIntent(
      EmployerDetails details, String registeredBy, String processInstanceId) {
    employers.validate(details);
    refuseWhenOpenConvenantExists(details.kvkNumber());
    Employer employer = employers.register(details);
    long id =
        convenants.insertIntent(
            employer.id(), registeredBy, processInstanceId, OffsetDateTime.now(clock));
    return new Registration(id, employer.id());
  }

  /** Throws a Dutch {@link InvalidRequestException} when this KvK number has an open convenant. */
  public void refuseWhenOpenConvenantExists(String kvkNumber) {
    var open =
        employers.findByKvkNumber(kvkNumber).flatMap(e -> convenants.findOpenByEmployer(e.id()));
    if (open.isPresent()) {
      throw new InvalidRequestException(
          open.get().status() == ConvenantStatus.SIGNED
              ? "Voor KvK-nummer "
                  + kvkNumber
                  + " is al een convenant getekend. Een tweede intentie is niet nodig."
              : "Voor KvK-nummer "
                  + kvkNumber
                  + " loopt al een convenant. Rond dat eerst af of trek het in.");
    }
  }

  public void validateIntake(LocalDate intakeDate, String notes, Integer intendedWorkplaces) {
    new Checks()
        .that(intakeDate != null, "Datum intakegesprek is verplicht.")
        .that(
            intakeDate == null || !intakeDate.isAfter(today()),
            "Datum intakegesprek mag niet in de toekomst liggen.")
        .required("Verslag intakegesprek", notes, 4000)
        .that(
            intendedWorkplaces == null || (intendedWorkplaces >= 0 && intendedWorkplaces <= 10_000),
            "Beoogd aantal extra werkplekken moet tussen 0 en 10.000 liggen.")
        .throwIfAny();
  }

  @Transactional
  public void recordIntake(
      long convenantId, LocalDate intakeDate, String notes, Integer intendedWorkplaces) {
    recordIntake(convenantId, intakeDate, notes, intendedWorkplaces, null);
  }

  /**
   * The intake, held by this member of staff: for an intent the employer registered itself online (no registering
   * accountmanager), whoever holds the intake becomes its accountmanager, who its e-mails name and who is told.
   */
  public void recordIntake(
      long convenantId,
      LocalDate intakeDate,
      String notes,
      Integer intendedWorkplaces,
      String heldBy) {
    validateIntake(intakeDate, notes, intendedWorkplaces);
    requireStatus(convenantId, ConvenantStatus.INTENT);
    convenants.recordIntake(
        convenantId, intakeDate, Checks.trimmed(notes), intendedWorkplaces, heldBy);
  }

  public void validateSigning(long convenantId, LocalDate signedDate, String signedBy) {
    LocalDate intakeDate = get(convenantId).intakeDate();
    new Checks()
        // Whatever route led here: no signature without the intake that comes before it.
        .that(
            intakeDate != null,
            "Het intakegesprek is nog niet vastgelegd; een convenant wordt pas na de intake getekend.")
        .that(signedDate != null, "Datum van ondertekening is verplicht.")
        .that(
            signedDate == null || !signedDate.isAfter(today()),
            "Datum van ondertekening mag niet in de toekomst liggen.")
        .that(
            signedDate == null || intakeDate == null || !signedDate.isBefore(intakeDate),
            "Datum van ondertekening mag niet vóór het intakegesprek ("
                + Dates.dutch(intakeDate)
                + ") liggen.")
        .required("Ondertekend door", signedBy, 200)
        .throwIfAny();
  }

  /** Records the signature and queues the confirmation e-mail to the employer in the same transaction. */
  @Transactional
  public void recordSigning(
      long convenantId, LocalDate signedDate, String signedBy, String processInstanceId) {
    validateSigning(convenantId, signedDate, signedBy);
    Convenant convenant = requireStatus(convenantId, ConvenantStatus.INTENT);
    convenants.recordSigning(convenantId, signedDate, Checks.trimmed(signedBy));
    Employer employer = employers.get(convenant.employerId());
    mail.enqueue(
        new MailRequest(
            MAIL_CONVENANT_SIGNED,
            employer.contactEmail(),
            Map.of(
                "employerName", employer.name(),
                "contactPerson", employer.contactPerson(),
                "kvkNumber", employer.kvkNumber(),
                "signedDate", Dates.dutch(signedDate),
                "signedBy", Checks.trimmed(signedBy)),
            CONCERNS,
            convenantId,
            processInstanceId,
            MAIL_CONVENANT_SIGNED + ":" + convenantId));
  }

  public void validateWithdrawal(String reason) {
    new Checks().required("Reden van terugtrekking", reason, 2000).throwIfAny();
  }

  @Transactional
  public void recordWithdrawal(long convenantId, String reason) {
    validateWithdrawal(reason);
    requireStatus(convenantId, ConvenantStatus.INTENT);
    convenants.recordWithdrawal(convenantId, Checks.trimmed(reason), OffsetDateTime.now(clock));
  }

  public Convenant get(long convenantId) {
    return convenants
        .findById(convenantId)
        .orElseThrow(() -> new IllegalStateException("No convenant " + convenantId));
  }

  /**
   * The convenant of a Convenant process instance: the only way the process finds its record, so that no
   * variable a client sets can point a task at another employer's convenant.
   */
  public Convenant ofProcessInstance(String processInstanceId) {
    return convenants
        .findByProcessInstance(processInstanceId)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "No convenant belongs to process instance " + processInstanceId));
  }

  /** Whether the employer with this KvK number has a signed convenant: the condition for an audit. */
  public boolean hasSignedConvenant(String kvkNumber) {
    return employers
        .findByKvkNumber(kvkNumber)
        .flatMap(e -> convenants.findOpenByEmployer(e.id()))
        .map(c -> c.status() == ConvenantStatus.SIGNED)
        .orElse(false);
  }

  /** Who registered each employer's open convenant (its accountmanager): employer id to user id, for those known. */
  public Map<Long, String> registeredByForEmployers(Collection<Long> employerIds) {
    return convenants.findRegisteredByForEmployers(employerIds);
  }

  private Convenant requireStatus(long convenantId, ConvenantStatus expected) {
    Convenant convenant = get(convenantId);
    if (convenant.status() != expected) {
      throw new InvalidRequestException(
          "Dit convenant heeft status "
              + convenant.status()
              + " en kan niet meer gewijzigd worden.");
    }
    return convenant;
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  /**
   * A convenant the employer signed before this system existed (go-live import): SIGNED from the start, with the
   * accountmanager as the one who registered it. No e-mail: the employer was told when it signed.
   */
  @Transactional
  public long importSigned(
      long employerId, String accountmanager, LocalDate signedDate, String signedBy) {
    return convenants.insertSigned(
        employerId,
        accountmanager,
        signedDate,
        signedBy,
        signedDate.atStartOfDay(Dates.AMSTERDAM).toOffsetDateTime());
  }
}
