package nl.werkpact.keurmerk.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The project's own records written directly, for tests of what the pages show (register, dashboard): an employer with
 * its convenant, audits and keurmerken as they stand after the processes ran, without running them.
 */
public final class Records {

  private final JdbcClient jdbc;

  public Records(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A new employer in the municipality, with a KvK number no other test uses; returns its id. */
  public long employer(String name, String municipality) {
    String kvk = Unique.kvk();
    OffsetDateTime now = OffsetDateTime.now();
    return jdbc.sql(
            """
            INSERT INTO employer (name, kvk_number, address, municipality, contact_person, contact_email, created_at, updated_at)
            VALUES (?, ?, 'Markt 1', ?, 'Contact', ?, ?, ?) RETURNING id""")
        .params(name, kvk, municipality, "contact." + kvk + "@records.example", now, now)
        .query(Long.class)
        .single();
  }

  public String kvkNumber(long employer) {
    return jdbc.sql("SELECT kvk_number FROM employer WHERE id = ?")
        .param(employer)
        .query(String.class)
        .single();
  }

  /** A convenant registered on the day; signed on {@code signed} when given (then SIGNED, else INTENT). */
  public void convenant(long employer, LocalDate registered, LocalDate signed) {
    jdbc.sql(
            """
            INSERT INTO convenant (employer_id, status, open_for_employer_id, registered_at, registered_by, signed_date, signed_by)
            VALUES (?, ?, ?, ?, 'records', ?, ?)""")
        .params(
            employer,
            signed == null ? "INTENT" : "SIGNED",
            employer,
            noon(registered),
            signed,
            signed == null ? null : "Directeur")
        .update();
  }

  /** An audit requested on the day, in the status, decided on {@code decided} (or not) with these figures; returns its id. */
  public long audit(
      long employer,
      LocalDate requested,
      String status,
      LocalDate decided,
      Long renewalOf,
      int extraWorkplaces,
      int workExperiencePlaces,
      BigDecimal socialPurchasing) {
    boolean running = decided == null && !"CANCELLED".equals(status);
    return jdbc.sql(
            """
            INSERT INTO audit (employer_id, status, running_for_employer_id, renewal_of_keurmerk_id, requested_at, requested_by,
                               workforce_size, target_group_employees, extra_workplaces, work_experience_places, social_purchasing_euros,
                               final_outcome, decided_by, decided_on)
            VALUES (?, ?, ?, ?, ?, 'records', 40, 3, ?, ?, ?, ?, ?, ?) RETURNING id""")
        .params(
            employer,
            status,
            running ? employer : null,
            renewalOf,
            noon(requested),
            extraWorkplaces,
            workExperiencePlaces,
            socialPurchasing,
            decided == null ? null : "AWARDED".equals(status) ? "TOEKENNEN" : "AFWIJZEN",
            decided == null ? null : "records",
            decided)
        .query(Long.class)
        .single();
  }

  /** A keurmerk of the audit with this number, period and status; a WITHDRAWN one with its withdrawal on the day given. */
  public long keurmerk(
      long employer,
      long audit,
      String number,
      LocalDate validFrom,
      LocalDate validUntil,
      String status,
      LocalDate withdrawnOn) {
    long id =
        jdbc.sql(
                """
            INSERT INTO keurmerk (number, employer_id, audit_id, valid_from, valid_until, status, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
            .params(number, employer, audit, validFrom, validUntil, status, noon(validFrom))
            .query(Long.class)
            .single();
    if (withdrawnOn != null) {
      jdbc.sql(
              "INSERT INTO keurmerk_status_change (keurmerk_id, status, reason, changed_at) VALUES (?, 'WITHDRAWN', 'records', ?)")
          .params(id, noon(withdrawnOn))
          .update();
    }
    return id;
  }

  /**
   * A holder: an employer in the municipality with a keurmerk awarded that day (valid two years) and its free year of
   * membership from then; returns the employer's id.
   */
  public long holderWithFreeYear(
      String name, String municipality, String number, LocalDate awarded) {
    long employer = employer(name, municipality);
    long audit = audit(employer, awarded.minusMonths(1), "AWARDED", awarded, null, 1, 1, null);
    long keurmerk =
        keurmerk(
            employer, audit, number, awarded, awarded.plusYears(2).minusDays(1), "ACTIVE", null);
    jdbc.sql(
            "INSERT INTO membership (keurmerk_id, employer_id, valid_from, valid_until) VALUES (?, ?, ?, ?)")
        .params(keurmerk, employer, awarded, awarded.plusYears(1).minusDays(1))
        .update();
    return employer;
  }

  public String contactEmail(long employer) {
    return jdbc.sql("SELECT contact_email FROM employer WHERE id = ?")
        .param(employer)
        .query(String.class)
        .single();
  }

  private static OffsetDateTime noon(LocalDate day) {
    return day.atTime(12, 0).atOffset(ZoneOffset.ofHours(1));
  }
}
