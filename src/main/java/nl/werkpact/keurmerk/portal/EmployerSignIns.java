package nl.werkpact.keurmerk.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.werkpact.keurmerk.common.Checks;
import nl.werkpact.keurmerk.common.Database;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.common.OneTimeCodes;
import nl.werkpact.keurmerk.employer.KvkNumber;
import nl.werkpact.keurmerk.mail.MailOutbox;
import nl.werkpact.keurmerk.mail.MailRequest;
import nl.werkpact.keurmerk.region.RegionScope;
import nl.werkpact.keurmerk.web.RequestThrottle;
import nl.werkpact.keurmerk.web.SiteSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in without a password on Mijn keurmerk: the employer types its KvK number and its contact address; when both
 * are those of an employer we know, a link with a one-time code goes to that saved address (short-lived, usable once,
 * bound to that employer). Every request is counted, known or not, so the throttles and the answer tell an outsider
 * nothing about which numbers or addresses are known.
 */
@Service
public class EmployerSignIns {

  static final String MAIL = "employer-sign-in";

  /** How long a sign-in link works. */
  public static final Duration VALID = Duration.ofMinutes(15);

  /** At most this many requests per source per hour, and per address and per KvK number per day. */
  public static final int PER_SOURCE_PER_HOUR = 10;

  public static final int PER_ADDRESS_PER_DAY = 5;

  public static final int PER_KVK_PER_DAY = 5;

  /** Who a used link signed in. */
  public record SignedIn(long employerId, String regionCode, String kvkNumber) {}

  private final JdbcClient jdbc;
  private final MailOutbox outbox;
  private final SiteSettings site;
  private final TransactionTemplate transactions;
  private final RequestThrottle throttle;
  private final Clock clock;

  EmployerSignIns(
      JdbcClient jdbc,
      MailOutbox outbox,
      SiteSettings site,
      TransactionTemplate transactions,
      RequestThrottle throttle,
      Clock clock) {
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.site = site;
    this.transactions = transactions;
    this.throttle = throttle;
    this.clock = clock;
  }

  /**
   * Counts the request and, when the KvK number and the address are an employer's, mails its link; refused in Dutch
   * for a KvK number or address that cannot be one, with {@link RequestThrottle.TooMany} past a throttle.
   */
  public void request(String kvkNumber, String email, String source) {
    String kvk = Checks.trimmed(kvkNumber);
    String address = Checks.trimmed(email);
    new Checks()
        .required("KvK-nummer", kvk, 8)
        .that(
            kvk == null || kvk.isEmpty() || KvkNumber.isValid(kvk),
            "KvK-nummer moet uit 8 cijfers bestaan, bijvoorbeeld 12345678.")
        .required("E-mailadres", address, 254)
        .email("E-mailadres", address)
        .throwIfAny();
    String normalised = address.toLowerCase(Locale.ROOT);
    OffsetDateTime now = OffsetDateTime.now(clock);
    String sourceHash = OneTimeCodes.hash("bron:" + source);
    String addressHash = OneTimeCodes.hash("adres:" + normalised);
    String kvkHash = OneTimeCodes.hash("kvk:" + kvk);
    throttle.holding(
        List.of("inloggen:" + sourceHash, "inloggen:" + addressHash, "inloggen:" + kvkHash),
        () ->
            RegionScope.in(
                RegionScope.ALL,
                () -> {
                  jdbc.sql("DELETE FROM employer_sign_in WHERE expires_at < ?")
                      .param(now.minusDays(1))
                      .update();
                  throttle.forgetOld();
                  if (count("source_hash", sourceHash, now.minusHours(1)) >= PER_SOURCE_PER_HOUR
                      || count("address_hash", addressHash, now.minusDays(1)) >= PER_ADDRESS_PER_DAY
                      || count("kvk_hash", kvkHash, now.minusDays(1)) >= PER_KVK_PER_DAY) {
                    throw new RequestThrottle.TooMany();
                  }
                  List<Map<String, Object>> matches =
                      jdbc.sql(
                              """
                              SELECT id, name, contact_person, contact_email, region_code FROM employer
                              WHERE kvk_number = ? AND LOWER(contact_email) = ?""")
                          .params(kvk, normalised)
                          .query()
                          .listOfRows();
                  if (matches.isEmpty()) {
                    insert(null, null, sourceHash, addressHash, kvkHash, now);
                  }
                  for (var match : matches) {
                    mailLink(match, sourceHash, addressHash, kvkHash, now);
                  }
                  return null;
                }));
  }

  private void mailLink(
      Map<String, Object> employer,
      String sourceHash,
      String addressHash,
      String kvkHash,
      OffsetDateTime now) {
    var row = new java.util.TreeMap<String, Object>(String.CASE_INSENSITIVE_ORDER);
    row.putAll(employer);
    long employerId = ((Number) row.get("id")).longValue();
    String code = OneTimeCodes.newCode();
    long id = insert(employerId, OneTimeCodes.hash(code), sourceHash, addressHash, kvkHash, now);
    var expires = now.plus(VALID).atZoneSameInstant(Dates.AMSTERDAM);
    Map<String, Object> model = new HashMap<>();
    model.put("employerName", row.get("name"));
    model.put("contactPerson", row.get("contact_person"));
    model.put("expires", Dates.time(expires.toLocalTime()));
    model.put("signInUrl", site.page(PortalController.PATH + "/link?code=" + code));
    RegionScope.run(
        (String) row.get("region_code"),
        () ->
            outbox.enqueue(
                new MailRequest(
                    MAIL,
                    (String) row.get("contact_email"),
                    model,
                    "EMPLOYER",
                    employerId,
                    null,
                    MAIL + ":" + id)));
  }

  private long insert(
      Long employerId,
      String codeHash,
      String sourceHash,
      String addressHash,
      String kvkHash,
      OffsetDateTime now) {
    return Database.insertedId(
        jdbc.sql(
                """
            INSERT INTO employer_sign_in (employer_id, code_hash, source_hash, address_hash, kvk_hash, requested_at,
                                          expires_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""")
            .params(employerId, codeHash, sourceHash, addressHash, kvkHash, now, now.plus(VALID)));
  }

  private long count(String column, String hash, OffsetDateTime since) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM employer_sign_in WHERE " + column + " = ? AND requested_at > ?")
        .params(hash, since)
        .query(Long.class)
        .single();
  }

  /** The name of the employer a code would sign in, if the code can still be used (for the page with the button). */
  public Optional<String> pending(String code) {
    if (!OneTimeCodes.wellFormed(code)) {
      return Optional.empty();
    }
    return RegionScope.in(
        RegionScope.ALL,
        () ->
            jdbc.sql(
                    """
                    SELECT e.name FROM employer_sign_in s JOIN employer e ON e.id = s.employer_id
                    WHERE s.code_hash = ? AND s.used_at IS NULL AND s.expires_at > ?""")
                .params(OneTimeCodes.hash(code), OffsetDateTime.now(clock))
                .query(String.class)
                .optional());
  }

  /** Uses the code once: the employer it was mailed for, or empty for a code unknown, expired or used before. */
  public Optional<SignedIn> signIn(String code) {
    if (!OneTimeCodes.wellFormed(code)) {
      return Optional.empty();
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    String hash = OneTimeCodes.hash(code);
    return transactions.execute(
        status ->
            RegionScope.in(
                RegionScope.ALL,
                () -> {
                  int rows =
                      jdbc.sql(
                              """
                              UPDATE employer_sign_in SET used_at = ?
                              WHERE code_hash = ? AND used_at IS NULL AND expires_at > ? AND employer_id IS NOT NULL""")
                          .params(now, hash, now)
                          .update();
                  if (rows != 1) {
                    return Optional.<SignedIn>empty();
                  }
                  return jdbc.sql(
                          """
                          SELECT e.id, e.region_code, e.kvk_number FROM employer_sign_in s
                          JOIN employer e ON e.id = s.employer_id WHERE s.code_hash = ?""")
                      .param(hash)
                      .query(
                          (rs, n) -> new SignedIn(rs.getLong(1), rs.getString(2), rs.getString(3)))
                      .optional();
                }));
  }
}
