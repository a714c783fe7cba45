package nl.werkpact.keurmerk.employer;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import nl.werkpact.keurmerk.common.Checks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Employers: validation of their business data and one record per KvK number. */
@Service
public class EmployerService {

  private final EmployerRepository employers;
  private final Municipalities municipalities;
  private final Clock clock;

  public EmployerService(EmployerRepository employers, Municipalities municipalities, Clock clock) {
    this.employers = employers;
    this.municipalities = municipalities;
    this.clock = clock;
  }

  /**
   * Every problem with the details, in Dutch; throws {@code InvalidRequestException} if there is any. The
   * municipality must be one of the region's ({@link Municipalities}).
   */
  public void validate(EmployerDetails details) {
    new Checks()
        .required("Naam werkgever", details.name(), 200)
        .required("KvK-nummer", details.kvkNumber(), 8)
        .that(
            details.kvkNumber() == null
                || details.kvkNumber().isBlank()
                || KvkNumber.isValid(details.kvkNumber()),
            "KvK-nummer moet uit precies 8 cijfers bestaan.")
        .required("Adres", details.address(), 300)
        .required("Gemeente", details.municipality(), 100)
        .that(
            details.municipality() == null
                || details.municipality().isBlank()
                || municipalities.canonical(details.municipality()).isPresent(),
            details.municipality() == null ? "" : municipalities.refusal(details.municipality()))
        .required("Contactpersoon", details.contactPerson(), 200)
        .required("E-mailadres contactpersoon", details.contactEmail(), 254)
        .email("E-mailadres contactpersoon", details.contactEmail())
        .throwIfAny();
  }

  /**
   * Validates and stores the employer: a new record for an unknown KvK number, otherwise the
   * existing record brought up to date (the KvK number identifies the employer).
   */
  @Transactional
  public Employer register(EmployerDetails typed) {
    EmployerDetails details = normalised(typed);
    var now = OffsetDateTime.now(clock);
    long id =
        employers
            .findByKvkNumber(details.kvkNumber())
            .map(
                existing -> {
                  employers.update(existing.id(), details, now);
                  return existing.id();
                })
            .orElseGet(() -> employers.insert(details, now));
    return employers.findById(id).orElseThrow();
  }

  /**
   * A new employer whose KvK number is not in the system yet (the go-live import checked it): stored without looking
   * for an existing one first; a KvK number that is there after all fails on the unique key. Returns the new id.
   */
  @Transactional
  public long registerNew(EmployerDetails typed) {
    return employers.insert(normalised(typed), OffsetDateTime.now(clock));
  }

  /** Validated, with the municipality as the region lists it ("vlaardingen " is Vlaardingen). */
  public EmployerDetails normalised(EmployerDetails details) {
    validate(details);
    return details.withMunicipality(municipalities.canonical(details.municipality()).orElseThrow());
  }

  /** The KvK numbers of every employer in the system (go-live import: who is there already). */
  public Set<String> kvkNumbers() {
    return employers.kvkNumbers();
  }

  public Optional<Employer> findByKvkNumber(String kvkNumber) {
    return employers.findByKvkNumber(kvkNumber);
  }

  public Employer get(long id) {
    return employers.findById(id).orElseThrow(() -> new IllegalStateException("No employer " + id));
  }

  /**
   * The employer's corrected contact address (an e-mail to the old one did not arrive), by this user; the caller has
   * checked it. Recorded in the contact history like a correction in the dossier.
   */
  @Transactional
  public void changeContactEmail(long id, String email, String user) {
    var before =
        employers.contact(id).orElseThrow(() -> new IllegalStateException("No employer " + id));
    changeContact(id, before, new String[] {before[0], email, before[2]}, user);
  }

  /** The employer's contact phone number, if it has one. */
  public Optional<String> contactPhone(long id) {
    return employers.contact(id).map(contact -> contact[2]);
  }

  /**
   * Contact data corrected by staff (the dossier): person and e-mail required, phone optional; every problem in
   * Dutch and nothing stored when there is one. A change is recorded with who, when, old and new values; answers
   * whether anything changed.
   */
  @Transactional
  public boolean correctContact(long id, String person, String email, String phone, String user) {
    String cleanPhone = validateContact(person, email, phone);
    var before =
        employers.contact(id).orElseThrow(() -> new IllegalStateException("No employer " + id));
    return changeContact(
        id, before, new String[] {person.strip(), email.strip(), cleanPhone}, user);
  }

  /**
   * The checks of {@link #correctContact} without storing anything (an employer's proposal on Mijn keurmerk): every
   * problem in Dutch; answers the phone number as it would be stored (null when empty).
   */
  public String validateContact(String person, String email, String phone) {
    String cleanPhone = phone == null || phone.isBlank() ? null : phone.strip();
    new Checks()
        .required("Contactpersoon", person, 200)
        .required("E-mailadres contactpersoon", email, 254)
        .email("E-mailadres contactpersoon", email)
        .optional("Telefoonnummer", cleanPhone, 30)
        .that(
            cleanPhone == null || PHONE.matcher(cleanPhone).matches(),
            "Telefoonnummer mag alleen cijfers, spaties, streepjes, haakjes en een + bevatten, bijvoorbeeld 010-1234567.")
        .throwIfAny();
    return cleanPhone;
  }

  private static final java.util.regex.Pattern PHONE =
      java.util.regex.Pattern.compile("\\+?[0-9 ()-]{6,30}");

  private boolean changeContact(long id, String[] before, String[] after, String user) {
    if (java.util.Arrays.equals(before, after)) {
      return false;
    }
    var now = OffsetDateTime.now(clock);
    employers.updateContact(id, after[0], after[1], after[2], now);
    employers.insertContactChange(id, before, after, user == null ? "-" : user, now);
    return true;
  }
}
