package nl.werkpact.keurmerk.keurmerk;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.region.RegionScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class KeurmerkRepository {

  private static final String COLUMNS =
      "id, number, employer_id, audit_id, valid_from, valid_until, status, validity_process_instance_id";

  private final JdbcClient jdbc;
  private final Clock clock;

  public KeurmerkRepository(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Optional<Keurmerk> findById(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM keurmerk WHERE id = ?")
        .param(id)
        .query(Keurmerk.class)
        .optional();
  }

  /** The process instance of the audit that awarded this keurmerk. */
  public Optional<String> awardingProcessInstance(long keurmerkId) {
    return jdbc.sql(
            "SELECT a.process_instance_id FROM audit a JOIN keurmerk k ON k.audit_id = a.id WHERE k.id = ? AND a.process_instance_id IS NOT NULL")
        .param(keurmerkId)
        .query(String.class)
        .optional();
  }

  public Optional<Keurmerk> findByNumber(String number) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM keurmerk WHERE number = ?")
        .param(number)
        .query(Keurmerk.class)
        .optional();
  }

  /**
   * The day the keurmerk was issued: the day it was recorded (the award), or, for one brought in by the go-live import
   * after its period began, the first day of its period.
   */
  public java.time.LocalDate issuedOn(Keurmerk keurmerk) {
    java.time.OffsetDateTime created =
        jdbc.sql("SELECT created_at FROM keurmerk WHERE id = ?")
            .param(keurmerk.id())
            .query(java.time.OffsetDateTime.class)
            .single();
    java.time.LocalDate recorded =
        created.atZoneSameInstant(nl.werkpact.keurmerk.common.Dates.AMSTERDAM).toLocalDate();
    return recorded.isAfter(keurmerk.validFrom()) ? keurmerk.validFrom() : recorded;
  }

  /**
   * Who hands the keurmerk over (the wethouder, say), from the ceremony it is on that stands or was held
   * (ceremony/Ceremonies); empty when it is on none: the certificate then leaves the line to be filled in.
   */
  public Optional<String> handedOverBy(Keurmerk keurmerk) {
    return jdbc
        .sql(
            """
            SELECT c.handed_over_by FROM ceremony c JOIN ceremony_holder h ON h.ceremony_id = c.id
            WHERE h.keurmerk_id = ? AND c.status <> 'CANCELLED' ORDER BY c.starts_at DESC, c.id DESC""")
        .param(keurmerk.id())
        .query(String.class)
        .list()
        .stream()
        .findFirst();
  }

  public Optional<Keurmerk> findByValidityProcessInstance(String processInstanceId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM keurmerk WHERE validity_process_instance_id = ?")
        .param(processInstanceId)
        .query(Keurmerk.class)
        .optional();
  }

  /** The keurmerk number prefix of the region of this work; a keurmerk is always awarded in a region's work. */
  public String numberPrefix() {
    String region =
        RegionScope.region()
            .orElseThrow(
                () ->
                    new IllegalStateException("A keurmerk is numbered in the work of one region"));
    return jdbc.sql("SELECT number_prefix FROM region WHERE code = ?")
        .param(region)
        .query(String.class)
        .single();
  }

  /** Records the ceremony planned for this keurmerk (a new plan replaces the earlier one). */
  public void recordCeremony(String number, LocalDate date, String location) {
    jdbc.sql("UPDATE keurmerk SET ceremony_date = ?, ceremony_location = ? WHERE number = ?")
        .params(date, location, number)
        .update();
  }

  /** Binds the keurmerk to its validity instance once; a keurmerk already bound to another instance stays as it is. */
  boolean bindValidityInstance(long id, String processInstanceId) {
    return jdbc.sql(
                "UPDATE keurmerk SET validity_process_instance_id = ? WHERE id = ? AND validity_process_instance_id IS NULL")
            .params(processInstanceId, id)
            .update()
        == 1;
  }

  public Optional<Keurmerk> findByAudit(long auditId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM keurmerk WHERE audit_id = ?")
        .param(auditId)
        .query(Keurmerk.class)
        .optional();
  }

  public List<Keurmerk> findByEmployer(long employerId) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM keurmerk WHERE employer_id = ? ORDER BY valid_from")
        .param(employerId)
        .query(Keurmerk.class)
        .list();
  }

  public Optional<Membership> findMembership(long keurmerkId) {
    return jdbc.sql(
            "SELECT id, keurmerk_id, employer_id, valid_from, valid_until FROM membership WHERE keurmerk_id = ?")
        .param(keurmerkId)
        .query(Membership.class)
        .optional();
  }

  /**
   * The next number of the award year. Awards take numbers one at a time (the lock row stays locked until the
   * transaction ends), so the first two awards of a year cannot both create the year's counter.
   */
  int nextNumber(int year) {
    jdbc.sql("SELECT id FROM keurmerk_number_lock WHERE id = 1 FOR UPDATE")
        .query(Integer.class)
        .single();
    int updated =
        jdbc.sql(
                "UPDATE keurmerk_number_counter SET last_number = last_number + 1 WHERE award_year = ?")
            .param(year)
            .update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO keurmerk_number_counter (award_year, last_number) VALUES (?, 1)")
          .param(year)
          .update();
    }
    return jdbc.sql("SELECT last_number FROM keurmerk_number_counter WHERE award_year = ?")
        .param(year)
        .query(Integer.class)
        .single();
  }

  long insert(
      String number, long employerId, long auditId, ValidityPeriod period, OffsetDateTime now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO keurmerk (number, employer_id, audit_id, valid_from, valid_until, status, created_at)
            VALUES (?, ?, ?, ?, ?, 'ACTIVE', ?)""")
        .params(number, employerId, auditId, period.validFrom(), period.validUntil(), now)
        .update(keys, "id");
    long id = keys.getKeyAs(Number.class).longValue();
    recordStatus(id, KeurmerkStatus.ACTIVE, null, now);
    return id;
  }

  private void recordStatus(
      long keurmerkId, KeurmerkStatus status, String reason, OffsetDateTime at) {
    jdbc.sql(
            "INSERT INTO keurmerk_status_change (keurmerk_id, status, reason, changed_at) VALUES (?, ?, ?, ?)")
        .params(keurmerkId, status.name(), reason, at)
        .update();
  }

  /** When the employer's last keurmerk was withdrawn, if ever. */
  public Optional<LocalDate> lastWithdrawalDate(long employerId) {
    return jdbc
        .sql(
            """
            SELECT MAX(c.changed_at) FROM keurmerk_status_change c JOIN keurmerk k ON k.id = c.keurmerk_id
            WHERE k.employer_id = ? AND c.status = 'WITHDRAWN'""")
        .param(employerId)
        .query(OffsetDateTime.class)
        .list()
        .stream()
        .filter(Objects::nonNull)
        .findFirst()
        .map(at -> at.atZoneSameInstant(Dates.AMSTERDAM).toLocalDate());
  }

  /** Moves the status only from {@code from}; returns whether it moved (so a retry changes nothing twice). */
  boolean changeStatus(long id, KeurmerkStatus from, KeurmerkStatus to, String reason) {
    boolean moved =
        jdbc.sql(
                    "UPDATE keurmerk SET status = ?, status_reason = COALESCE(?, status_reason) WHERE id = ? AND status = ?")
                .params(to.name(), reason, id, from.name())
                .update()
            == 1;
    if (moved) {
      recordStatus(id, to, reason, OffsetDateTime.now(clock));
    }
    return moved;
  }

  /** Keurmerken that count as current on this date: ACTIVE or RENEWED, within their validity. */
  public List<Keurmerk> findCurrentByEmployer(long employerId, LocalDate on) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM keurmerk k WHERE k.employer_id = :employer AND "
                + KeurmerkStatus.HELD_ON_DAY)
        .param("employer", employerId)
        .param("day", on)
        .query(Keurmerk.class)
        .list();
  }

  long insertMembership(long keurmerkId, long employerId, ValidityPeriod period) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO membership (keurmerk_id, employer_id, valid_from, valid_until) VALUES (?, ?, ?, ?)")
        .params(keurmerkId, employerId, period.validFrom(), period.validUntil())
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }

  /**
   * A keurmerk with the number it already had (go-live import), in the status given, with its first history row;
   * reminders whose moment lies before {@code remindersFrom} are not sent (null: all are).
   */
  long insertImported(
      String number,
      long employerId,
      long auditId,
      ValidityPeriod period,
      KeurmerkStatus status,
      OffsetDateTime now,
      OffsetDateTime remindersFrom) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO keurmerk (number, employer_id, audit_id, valid_from, valid_until, status, status_reason, created_at, reminders_from)
            VALUES (?, ?, ?, ?, ?, ?, 'Overgenomen bij de start (import)', ?, ?)""")
        .params(
            number,
            employerId,
            auditId,
            period.validFrom(),
            period.validUntil(),
            status.name(),
            now,
            remindersFrom)
        .update(keys, "id");
    long id = keys.getKeyAs(Number.class).longValue();
    recordStatus(id, status, "Overgenomen bij de start (import)", now);
    return id;
  }

  /** New numbers of the year continue after an imported one: the counter is raised to it, never lowered. */
  void raiseCounter(int year, int number) {
    jdbc.sql("SELECT id FROM keurmerk_number_lock WHERE id = 1 FOR UPDATE")
        .query(Integer.class)
        .single();
    int updated =
        jdbc.sql(
                "UPDATE keurmerk_number_counter SET last_number = ? WHERE award_year = ? AND last_number < ?")
            .params(number, year, number)
            .update();
    if (updated == 0
        && jdbc.sql("SELECT COUNT(*) FROM keurmerk_number_counter WHERE award_year = ?")
                .param(year)
                .query(Long.class)
                .single()
            == 0) {
      jdbc.sql("INSERT INTO keurmerk_number_counter (award_year, last_number) VALUES (?, ?)")
          .params(year, number)
          .update();
    }
  }

  /** Every number ever issued (go-live import: numbers already taken). */
  Set<String> numbers() {
    return new HashSet<>(jdbc.sql("SELECT number FROM keurmerk").query(String.class).list());
  }

  /** The employer's running audit (a renewal, for a holder), as the reminders say where it stands. */
  public record RunningAudit(String status, OffsetDateTime requestedAt, LocalDate plannedDate) {}

  Optional<RunningAudit> runningAuditOf(long employerId) {
    return jdbc.sql(
            "SELECT status, requested_at, planned_date FROM audit WHERE running_for_employer_id = ?")
        .param(employerId)
        .query(RunningAudit.class)
        .optional();
  }

  /** An active keurmerk whose reminder may be due, with what its e-mail says. */
  public record ReminderCandidate(
      long id,
      String number,
      LocalDate validUntil,
      LocalDate membershipUntil,
      OffsetDateTime remindersFrom,
      String validityProcessInstanceId,
      long employerId,
      String employerName,
      String contactPerson,
      String contactEmail,
      String kvkNumber,
      String runningAuditStatus,
      OffsetDateTime runningAuditRequestedAt,
      LocalDate runningAuditPlannedDate) {}

  /** Active keurmerken still valid on :today whose e-mail with the dedup key prefix :prefix was not queued yet. */
  private static final String REMINDER_CANDIDATES =
      """
      SELECT k.id, k.number, k.valid_until, m.valid_until AS membership_until, k.reminders_from, k.validity_process_instance_id,
             e.id AS employer_id, e.name AS employer_name, e.contact_person, e.contact_email, e.kvk_number,
             a.status AS running_audit_status, a.requested_at AS running_audit_requested_at,
             a.planned_date AS running_audit_planned_date
        FROM keurmerk k JOIN employer e ON e.id = k.employer_id LEFT JOIN membership m ON m.keurmerk_id = k.id
        LEFT JOIN audit a ON a.running_for_employer_id = e.id
       WHERE k.status = 'ACTIVE' AND k.valid_until >= :today AND NOT\s"""
          + KeurmerkStatus.suspendedOn("today")
          + """
         AND NOT EXISTS (SELECT 1 FROM correspondence c WHERE c.dedup_key = CAST(:prefix AS VARCHAR(100)) || CAST(k.id AS VARCHAR(20)))
      """;

  /**
   * ACTIVE keurmerken, still valid on {@code today}, whose date for this reminder (the last valid day, or the
   * membership's end) lies on or before {@code latest}, and whose e-mail with this dedup key prefix was not queued
   * yet; by id, after {@code afterId}, at most {@code limit}.
   */
  List<ReminderCandidate> reminderCandidates(
      boolean aboutMembership,
      String dedupKeyPrefix,
      LocalDate today,
      LocalDate latest,
      long afterId,
      int limit) {
    String date = aboutMembership ? "m.valid_until" : "k.valid_until";
    return jdbc.sql(
            REMINDER_CANDIDATES
                + " AND "
                + date
                + " <= :latest AND k.id > :after ORDER BY k.id LIMIT :limit")
        .param("today", today)
        .param("latest", latest)
        .param("after", afterId)
        .param("prefix", dedupKeyPrefix)
        .param("limit", limit)
        .query(ReminderCandidate.class)
        .list();
  }

  /**
   * The same whose date for this reminder lies on or after {@code earliest}: the first {@code limit} by that date.
   */
  List<ReminderCandidate> upcomingReminderCandidates(
      boolean aboutMembership,
      String dedupKeyPrefix,
      LocalDate today,
      LocalDate earliest,
      int limit) {
    String date = aboutMembership ? "m.valid_until" : "k.valid_until";
    return jdbc.sql(
            REMINDER_CANDIDATES
                + " AND "
                + date
                + " >= :earliest ORDER BY "
                + date
                + ", k.id LIMIT :limit")
        .param("today", today)
        .param("earliest", earliest)
        .param("prefix", dedupKeyPrefix)
        .param("limit", limit)
        .query(ReminderCandidate.class)
        .list();
  }
}
