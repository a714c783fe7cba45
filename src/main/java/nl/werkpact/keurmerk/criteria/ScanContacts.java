package nl.werkpact.keurmerk.criteria;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.werkpact.keurmerk.common.Checks;
import nl.werkpact.keurmerk.common.Database;
import nl.werkpact.keurmerk.common.OneTimeCodes;
import nl.werkpact.keurmerk.mail.MailOutbox;
import nl.werkpact.keurmerk.mail.MailRequest;
import nl.werkpact.keurmerk.region.RegionScope;
import nl.werkpact.keurmerk.region.Regions;
import nl.werkpact.keurmerk.web.ContactSettings;
import nl.werkpact.keurmerk.web.RequestThrottle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * "Neem contact met mij op" under a self-scan's outcome: the only way the scan's figures are kept. The contact details
 * are checked, the figures scanned again (the same as shown), and the request is kept and mailed to the region's
 * Werkgeversservicepunt (its desk address, else the installation's). Throttled per source and per address; the
 * visitor gets no e-mail, so the form cannot be used to send mail to others. Kept half a year.
 */
@Service
class ScanContacts {

  static final String MAIL = "selfscan-contact";

  static final int PER_SOURCE_PER_HOUR = 5;

  static final int PER_ADDRESS_PER_DAY = 3;

  /** Who asks to be contacted. */
  record Contact(String employerName, String person, String email, String phone) {}

  private final JdbcClient jdbc;
  private final MailOutbox outbox;
  private final RequestThrottle throttle;
  private final Regions regions;
  private final ContactSettings installation;
  private final Clock clock;

  ScanContacts(
      JdbcClient jdbc,
      MailOutbox outbox,
      RequestThrottle throttle,
      Regions regions,
      ContactSettings installation,
      Clock clock) {
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.throttle = throttle;
    this.regions = regions;
    this.installation = installation;
    this.clock = clock;
  }

  /** Checks the contact details in Dutch (every problem at once). */
  static Contact checked(Contact typed) {
    String phone = Checks.trimmed(typed.phone());
    new Checks()
        .required("Naam van uw organisatie", typed.employerName(), 200)
        .required("Uw naam", typed.person(), 200)
        .required("Uw e-mailadres", typed.email(), 254)
        .email("Uw e-mailadres", typed.email())
        .optional("Uw telefoonnummer", phone, 30)
        .that(
            phone == null || phone.isEmpty() || phone.matches("\\+?[0-9 ()-]{6,30}"),
            "Uw telefoonnummer mag alleen cijfers, spaties, streepjes, haakjes en een + bevatten, bijvoorbeeld"
                + " 010-1234567.")
        .throwIfAny();
    return new Contact(
        typed.employerName().strip(),
        typed.person().strip(),
        typed.email().strip(),
        phone == null || phone.isEmpty() ? null : phone);
  }

  /** Keeps the request with the scan and mails it to the region's desk; {@link RequestThrottle.TooMany} past a throttle. */
  void request(String regionCode, Contact typed, SelfScan.Scan scan, String source) {
    Contact contact = checked(typed);
    String sourceHash = OneTimeCodes.hash("bron:" + source);
    String address = contact.email().toLowerCase(Locale.ROOT);
    OffsetDateTime now = OffsetDateTime.now(clock);
    var region = regions.find(regionCode).orElseThrow();
    String desk =
        region.deskEmail() == null || region.deskEmail().isBlank()
            ? installation.email()
            : region.deskEmail();
    String text =
        String.join(
            "\n",
            List.of(scan.verdict(), scan.figures(), String.join("\n", scan.rules())).stream()
                .filter(line -> line != null && !line.isBlank())
                .toList());
    throttle.holding(
        List.of("contact:" + sourceHash, "contact:" + OneTimeCodes.hash("adres:" + address)),
        () ->
            RegionScope.in(
                regionCode,
                () -> {
                  jdbc.sql("DELETE FROM scan_contact_request WHERE requested_at < ?")
                      .param(now.minusMonths(6))
                      .update();
                  long fromSource =
                      jdbc.sql(
                              "SELECT COUNT(*) FROM scan_contact_request WHERE source_hash = ? AND requested_at > ?")
                          .params(sourceHash, now.minusHours(1))
                          .query(Long.class)
                          .single();
                  long forAddress =
                      jdbc.sql(
                              "SELECT COUNT(*) FROM scan_contact_request WHERE LOWER(contact_email) = ? AND requested_at > ?")
                          .params(address, now.minusDays(1))
                          .query(Long.class)
                          .single();
                  if (fromSource >= PER_SOURCE_PER_HOUR || forAddress >= PER_ADDRESS_PER_DAY) {
                    throw new RequestThrottle.TooMany();
                  }
                  long id =
                      Database.insertedId(
                          jdbc.sql(
                                  """
                              INSERT INTO scan_contact_request (employer_name, contact_person, contact_email, contact_phone,
                                                                outcome, scan, source_hash, requested_at)
                              VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                              .params(
                                  contact.employerName(),
                                  contact.person(),
                                  contact.email(),
                                  contact.phone(),
                                  scan.outcome().isEmpty() ? "GEEN" : scan.outcome(),
                                  text,
                                  sourceHash,
                                  now));
                  Map<String, Object> model = new HashMap<>();
                  model.put("employerName", contact.employerName());
                  model.put("contactPerson", contact.person());
                  model.put("contactEmail", contact.email());
                  model.put("contactPhone", contact.phone());
                  model.put("scan", text);
                  model.put("regionName", region.name());
                  outbox.enqueue(
                      new MailRequest(
                          MAIL, desk, model, "SCAN_CONTACT", id, null, MAIL + ":" + id));
                  return null;
                }));
  }
}
