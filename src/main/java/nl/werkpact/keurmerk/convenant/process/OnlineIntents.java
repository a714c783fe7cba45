package nl.werkpact.keurmerk.convenant.process;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import nl.werkpact.keurmerk.common.Database;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import nl.werkpact.keurmerk.common.OneTimeCodes;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess.Vars;
import nl.werkpact.keurmerk.employer.EmployerDetails;
import nl.werkpact.keurmerk.employer.EmployerService;
import nl.werkpact.keurmerk.mail.MailOutbox;
import nl.werkpact.keurmerk.mail.MailRequest;
import nl.werkpact.keurmerk.region.RegionScope;
import nl.werkpact.keurmerk.web.RequestThrottle;
import nl.werkpact.keurmerk.web.SiteSettings;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The intent to sign, registered by the employer itself on "Partner worden": checked like the start form, kept with
 * a one-time code whose link goes to the contact's e-mail address, and only when that link is confirmed is the
 * Convenant started as the start form starts it (the intake task at the region's accountmanagers). Nothing starts for
 * an address that does not confirm. Throttled per source and per address; the answer to a request never tells whether
 * the KvK number or the address is known.
 */
@Service
public class OnlineIntents {

  static final String MAIL = "intent-confirmation";

  /** How long a confirmation link works. */
  public static final Duration VALID = Duration.ofHours(24);

  /** At most this many requests per source (network address) per hour, and per e-mail address per day. */
  public static final int PER_SOURCE_PER_HOUR = 5;

  public static final int PER_ADDRESS_PER_DAY = 3;

  /** What confirming a link did. */
  public enum Confirmation {
    STARTED,
    ALREADY_KNOWN,
    UNUSABLE
  }

  private final JdbcClient jdbc;
  private final EmployerService employers;
  private final MailOutbox outbox;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final SiteSettings site;
  private final TransactionTemplate transactions;
  private final RequestThrottle throttle;
  private final Clock clock;

  OnlineIntents(
      JdbcClient jdbc,
      EmployerService employers,
      MailOutbox outbox,
      RuntimeService runtime,
      IdentityService identity,
      SiteSettings site,
      TransactionTemplate transactions,
      RequestThrottle throttle,
      Clock clock) {
    this.jdbc = jdbc;
    this.employers = employers;
    this.outbox = outbox;
    this.runtime = runtime;
    this.identity = identity;
    this.site = site;
    this.transactions = transactions;
    this.throttle = throttle;
    this.clock = clock;
  }

  /**
   * Registers the request in the region and mails its link; refused in Dutch for bad details, and with {@link
   * RequestThrottle.TooMany} when the source or the address asked too often. The same answer whether or not the employer is known.
   */
  public void request(String regionCode, EmployerDetails details, String source) {
    RegionScope.in(
        regionCode,
        () -> {
          employers.validate(details);
          return null;
        });
    String sourceHash = OneTimeCodes.hash("bron:" + source);
    String email = details.contactEmail().strip().toLowerCase(java.util.Locale.ROOT);
    OffsetDateTime now = OffsetDateTime.now(clock);
    String code = OneTimeCodes.newCode();
    // Counted and recorded while holding the source and the address, so a burst gets exactly its
    // limit.
    throttle.holding(
        java.util.List.of(
            "aanmelden:" + sourceHash, "aanmelden:" + OneTimeCodes.hash("adres:" + email)),
        () -> {
          RegionScope.run(
              RegionScope.ALL,
              () -> {
                jdbc.sql("DELETE FROM intent_request WHERE confirmed_at IS NULL AND expires_at < ?")
                    .param(now.minusDays(7))
                    .update();
                throttle.forgetOld();
                long fromSource =
                    count(
                        "SELECT COUNT(*) FROM intent_request WHERE source_hash = ? AND requested_at > ?",
                        sourceHash,
                        now.minusHours(1));
                long toAddress =
                    count(
                        "SELECT COUNT(*) FROM intent_request WHERE LOWER(contact_email) = ? AND requested_at > ?",
                        email,
                        now.minusDays(1));
                if (fromSource >= PER_SOURCE_PER_HOUR || toAddress >= PER_ADDRESS_PER_DAY) {
                  throw new RequestThrottle.TooMany();
                }
              });
          RegionScope.run(regionCode, () -> record(details, code, sourceHash, now));
          return null;
        });
  }

  private void record(EmployerDetails details, String code, String sourceHash, OffsetDateTime now) {
    long id =
        Database.insertedId(
            jdbc.sql(
                    """
                INSERT INTO intent_request (code_hash, name, kvk_number, address, municipality, contact_person,
                                            contact_email, source_hash, requested_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                    OneTimeCodes.hash(code),
                    details.name().strip(),
                    details.kvkNumber().strip(),
                    details.address().strip(),
                    details.municipality().strip(),
                    details.contactPerson().strip(),
                    details.contactEmail().strip(),
                    sourceHash,
                    now,
                    now.plus(VALID)));
    Map<String, Object> model = new HashMap<>();
    model.put("employerName", details.name().strip());
    model.put("kvkNumber", details.kvkNumber().strip());
    model.put("contactPerson", details.contactPerson().strip());
    var expires = now.plus(VALID).atZoneSameInstant(Dates.AMSTERDAM);
    model.put(
        "expires",
        Dates.withWeekday(expires.toLocalDate()) + " " + Dates.time(expires.toLocalTime()));
    model.put("confirmUrl", site.page("/partner-worden/bevestigen?code=" + code));
    outbox.enqueue(
        new MailRequest(
            MAIL,
            details.contactEmail().strip(),
            model,
            "INTENT_REQUEST",
            id,
            null,
            MAIL + ":" + id));
  }

  /** The request a code belongs to, if it can still be confirmed: its employer's name for the page. */
  public Optional<String> pending(String code) {
    if (!OneTimeCodes.wellFormed(code)) {
      return Optional.empty();
    }
    return RegionScope.in(
        RegionScope.ALL,
        () ->
            jdbc.sql(
                    "SELECT name FROM intent_request WHERE code_hash = ? AND confirmed_at IS NULL AND expires_at > ?")
                .params(OneTimeCodes.hash(code), OffsetDateTime.now(clock))
                .query(String.class)
                .optional());
  }

  /**
   * Confirms the code once: the Convenant starts in the request's region with its details, as the system. A code
   * unknown, expired or used before is {@link Confirmation#UNUSABLE}; a KvK number that already has an intent or
   * convenant is {@link Confirmation#ALREADY_KNOWN} (only the mailbox that typed it learns so).
   */
  public Confirmation confirm(String code) {
    if (!OneTimeCodes.wellFormed(code)) {
      return Confirmation.UNUSABLE;
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    var claimed =
        transactions.execute(
            status ->
                RegionScope.in(
                    RegionScope.ALL,
                    () -> {
                      int rows =
                          jdbc.sql(
                                  "UPDATE intent_request SET confirmed_at = ? WHERE code_hash = ? AND confirmed_at IS NULL AND expires_at > ?")
                              .params(now, OneTimeCodes.hash(code), now)
                              .update();
                      if (rows != 1) {
                        return Optional.<Map<String, Object>>empty();
                      }
                      return Optional.of(
                          jdbc.sql("SELECT * FROM intent_request WHERE code_hash = ?")
                              .param(OneTimeCodes.hash(code))
                              .query()
                              .singleRow());
                    }));
    if (claimed == null || claimed.isEmpty()) {
      return Confirmation.UNUSABLE;
    }
    var row = new java.util.TreeMap<String, Object>(String.CASE_INSENSITIVE_ORDER);
    row.putAll(claimed.get());
    String region = (String) row.get("region_code");
    long id = ((Number) row.get("id")).longValue();
    var caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      String instance =
          RegionScope.in(
              region,
              () ->
                  transactions.execute(
                      status ->
                          runtime
                              .createProcessInstanceByKey(ConvenantProcess.PROCESS_KEY)
                              .processDefinitionTenantId(region)
                              .setVariables(
                                  Map.of(
                                      Vars.EMPLOYER_NAME, row.get("name"),
                                      Vars.KVK_NUMBER, row.get("kvk_number"),
                                      Vars.ADDRESS, row.get("address"),
                                      Vars.MUNICIPALITY, row.get("municipality"),
                                      Vars.CONTACT_PERSON, row.get("contact_person"),
                                      Vars.CONTACT_EMAIL, row.get("contact_email")))
                              .execute()
                              .getId()));
      outcome(id, instance, "gestart");
      return Confirmation.STARTED;
    } catch (RuntimeException e) {
      InvalidRequestException refused = InvalidRequestException.foundIn(e);
      if (refused == null) {
        throw e;
      }
      outcome(id, null, String.join(" ", refused.problems()));
      return Confirmation.ALREADY_KNOWN;
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private void outcome(long id, String processInstanceId, String outcome) {
    RegionScope.in(
        RegionScope.ALL,
        () ->
            jdbc.sql("UPDATE intent_request SET process_instance_id = ?, outcome = ? WHERE id = ?")
                .params(processInstanceId, outcome, id)
                .update());
  }

  private long count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }
}
