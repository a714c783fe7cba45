package nl.werkpact.keurmerk.keurmerk;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import nl.werkpact.keurmerk.common.Checks;
import nl.werkpact.keurmerk.common.ConflictException;
import nl.werkpact.keurmerk.common.Database;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import nl.werkpact.keurmerk.employer.EmployerService;
import nl.werkpact.keurmerk.mail.MailOutbox;
import nl.werkpact.keurmerk.mail.MailRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The keurmerkcommissie suspends a keurmerk (<em>geschorst</em>) with a reason, until a day or until lifted, and lifts
 * it. While it holds the keurmerk is not valid for the public (register, verification page, badge), has no
 * certificate and gets no reminders; its status, period and expiry stay as they were, so lifting restores it. The
 * employer and its accountmanager are told of both, each at most once.
 */
@Service
public class KeurmerkSuspensions {

  public static final String MAIL_SUSPENDED = "keurmerk-suspended";
  public static final String MAIL_SUSPENDED_ACCOUNTMANAGER = "keurmerk-suspended-accountmanager";
  public static final String MAIL_LIFTED = "keurmerk-suspension-lifted";
  public static final String MAIL_LIFTED_ACCOUNTMANAGER =
      "keurmerk-suspension-lifted-accountmanager";

  private final JdbcClient jdbc;
  private final SuspensionRecords records;
  private final KeurmerkRepository keurmerken;
  private final EmployerService employers;
  private final MailOutbox mail;
  private final Clock clock;
  private final KeurmerkLifecycle lifecycle;

  public KeurmerkSuspensions(
      JdbcClient jdbc,
      SuspensionRecords records,
      KeurmerkRepository keurmerken,
      EmployerService employers,
      MailOutbox mail,
      Clock clock,
      KeurmerkLifecycle lifecycle) {
    this.lifecycle = lifecycle;
    this.jdbc = jdbc;
    this.records = records;
    this.keurmerken = keurmerken;
    this.employers = employers;
    this.mail = mail;
    this.clock = clock;
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(Dates.AMSTERDAM));
  }

  /** The suspension of this keurmerk that holds today, if any. */
  public Optional<SuspensionRecords.Suspension> current(long keurmerkId) {
    return records.current(keurmerkId);
  }

  /** Suspends the keurmerk from today; {@code until} (dd-mm-jjjj, optional) its last day. */
  @Transactional
  public SuspensionRecords.Suspension suspend(
      String number, String reason, String until, String user) {
    Keurmerk keurmerk = find(number);
    var checks = new Checks().required("Reden van de schorsing", reason, 2000);
    LocalDate last = null;
    try {
      last = Dates.parse("Geschorst tot en met", until);
    } catch (InvalidRequestException e) {
      e.problems().forEach(p -> checks.that(false, p));
    }
    LocalDate today = today();
    checks.that(
        last == null || !last.isBefore(today),
        "Geschorst tot en met ligt in het verleden; kies vandaag of later, of laat het leeg (tot de schorsing wordt opgeheven).");
    checks.throwIfAny();
    if (!KeurmerkStatus.isHeldOn(
        keurmerk.status().name(), keurmerk.validFrom(), keurmerk.validUntil(), today)) {
      throw new ConflictException(
          "Keurmerk "
              + keurmerk.number()
              + " is vandaag niet geldig ("
              + keurmerk.status().label().toLowerCase(java.util.Locale.ROOT)
              + ") en kan niet worden geschorst.");
    }
    if (current(keurmerk.id()).isPresent()) {
      throw new ConflictException(
          "Keurmerk " + keurmerk.number() + " is al geschorst; hef die schorsing eerst op.");
    }
    String why = Checks.trimmed(reason);
    long id =
        Database.insertedId(
            jdbc.sql(
                    """
                INSERT INTO keurmerk_suspension (keurmerk_id, reason, suspended_on, until_day, suspended_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(keurmerk.id(), why, today, last, user, OffsetDateTime.now(clock)));
    var model = model(keurmerk);
    model.put("reason", why);
    model.put("since", Dates.dutch(today));
    model.put("until", last == null ? null : Dates.dutch(last));
    tell(keurmerk, MAIL_SUSPENDED, MAIL_SUSPENDED_ACCOUNTMANAGER, id, model);
    return new SuspensionRecords.Suspension(id, today, last, why);
  }

  /** Lifts the suspension that holds: the keurmerk is valid again from today, its period unchanged. */
  @Transactional
  public void lift(String number, String user) {
    Keurmerk keurmerk = find(number);
    SuspensionRecords.Suspension suspension =
        current(keurmerk.id())
            .orElseThrow(
                () ->
                    new ConflictException("Keurmerk " + keurmerk.number() + " is niet geschorst."));
    LocalDate today = today();
    jdbc.sql("UPDATE keurmerk_suspension SET lifted_on = ?, lifted_by = ? WHERE id = ?")
        .params(today, user, suspension.id())
        .update();
    var model = model(keurmerk);
    model.put("reason", suspension.reason());
    model.put("since", Dates.dutch(suspension.since()));
    tell(keurmerk, MAIL_LIFTED, MAIL_LIFTED_ACCOUNTMANAGER, suspension.id(), model);
  }

  private Keurmerk find(String number) {
    String n = KeurmerkNumber.normalize(number);
    return keurmerken.findByNumber(n).orElseThrow(() -> KeurmerkNumber.unknown(n));
  }

  private Map<String, Object> model(Keurmerk keurmerk) {
    return lifecycle.model(keurmerk, employers.get(keurmerk.employerId()));
  }

  private void tell(
      Keurmerk keurmerk,
      String template,
      String copy,
      long suspensionId,
      Map<String, Object> model) {
    var employer = employers.get(keurmerk.employerId());
    mail.enqueueWithAccountmanagerCopy(
        new MailRequest(
            template,
            employer.contactEmail(),
            model,
            KeurmerkLifecycle.CONCERNS,
            keurmerk.id(),
            null,
            template + ":" + suspensionId),
        copy);
  }
}
