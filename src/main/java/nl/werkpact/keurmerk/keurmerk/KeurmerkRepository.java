package nl.werkpact.keurmerk.keurmerk;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class KeurmerkRepository {

  private static final String COLUMNS = "id, number, employer_id, audit_id, valid_from, valid_until, status, validity_process_instance_id";

  private final JdbcClient jdbc;

  public KeurmerkRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Keurmerk> findById(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM keurmerk WHERE id = ?").param(id).query(Keurmerk.class).optional();
  }

  /** The process instance of the audit that awarded this keurmerk. */
  public Optional<String> awardingProcessInstance(long keurmerkId) {
    return jdbc.sql("SELECT a.process_instance_id FROM audit a JOIN keurmerk k ON k.audit_id = a.id WHERE k.id = ? AND a.process_instance_id IS NOT NULL")
        .param(keurmerkId).query(String.class).optional();
  }

  public Optional<Keurmerk> findByNumber(String number) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM keurmerk WHERE number = ?").param(number).query(Keurmerk.class).optional();
  }

  public Optional<Keurmerk> findByValidityProcessInstance(String processInstanceId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM keurmerk WHERE validity_process_instance_id = ?").param(processInstanceId)
        .query(Keurmerk.class).optional();
  }

  /** Binds the keurmerk to its validity instance once; a keurmerk already bound to another instance stays as it is. */
  boolean bindValidityInstance(long id, String processInstanceId) {
    return jdbc.sql("UPDATE keurmerk SET validity_process_instance_id = ? WHERE id = ? AND validity_process_instance_id IS NULL")
        .params(processInstanceId, id).update() == 1;
  }

  public Optional<Keurmerk> findByAudit(long auditId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM keurmerk WHERE audit_id = ?").param(auditId).query(Keurmerk.class).optional();
  }

  public List<Keurmerk> findByEmployer(long employerId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM keurmerk WHERE employer_id = ? ORDER BY valid_from").param(employerId).query(Keurmerk.class).list();
  }

  public Optional<Membership> findMembership(long keurmerkId) {
    return jdbc.sql("SELECT id, keurmerk_id, employer_id, valid_from, valid_until FROM membership WHERE keurmerk_id = ?")
        .param(keurmerkId).query(Membership.class).optional();
  }

  /** The next number of the award year; the counter row is locked until the transaction ends. */
  int nextNumber(int year) {
    int updated = jdbc.sql("UPDATE keurmerk_number_counter SET last_number = last_number + 1 WHERE award_year = ?").param(year).update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO keurmerk_number_counter (award_year, last_number) VALUES (?, 1)").param(year).update();
    }
    return jdbc.sql("SELECT last_number FROM keurmerk_number_counter WHERE award_year = ?").param(year).query(Integer.class).single();
  }

  long insert(String number, long employerId, long auditId, ValidityPeriod period, OffsetDateTime now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO keurmerk (number, employer_id, audit_id, valid_from, valid_until, status, created_at)
            VALUES (?, ?, ?, ?, ?, 'ACTIVE', ?)""")
        .params(number, employerId, auditId, period.validFrom(), period.validUntil(), now)
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }

  /** Moves the status only from {@code from}; returns whether it moved (so a retry changes nothing twice). */
  boolean changeStatus(long id, KeurmerkStatus from, KeurmerkStatus to, String reason) {
    return jdbc.sql("UPDATE keurmerk SET status = ?, status_reason = COALESCE(?, status_reason) WHERE id = ? AND status = ?")
        .params(to.name(), reason, id, from.name()).update() == 1;
  }

  /** Keurmerken that count as current on this date: ACTIVE or RENEWED, within their validity. */
  public List<Keurmerk> findCurrentByEmployer(long employerId, java.time.LocalDate on) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM keurmerk WHERE employer_id = ? AND status IN ('ACTIVE', 'RENEWED') AND valid_from <= ? AND valid_until >= ?")
        .params(employerId, on, on).query(Keurmerk.class).list();
  }

  void insertMembership(long keurmerkId, long employerId, ValidityPeriod period) {
    jdbc.sql("INSERT INTO membership (keurmerk_id, employer_id, valid_from, valid_until) VALUES (?, ?, ?, ?)")
        .params(keurmerkId, employerId, period.validFrom(), period.validUntil())
        .update();
  }
}
