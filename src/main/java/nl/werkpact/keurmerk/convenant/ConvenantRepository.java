package nl.werkpact.keurmerk.convenant;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class ConvenantRepository {

  private static final String COLUMNS =
      """
      id, employer_id, status, intake_date, intake_notes, intended_workplaces, signed_date, signed_by,
      withdrawal_reason, process_instance_id""";

  private final JdbcClient jdbc;

  public ConvenantRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Convenant> findById(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM convenant WHERE id = ?")
        .param(id)
        .query(Convenant.class)
        .optional();
  }

  /** The convenant owned by this Convenant process instance (written when the instance started it). */
  public Optional<Convenant> findByProcessInstance(String processInstanceId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM convenant WHERE process_instance_id = ?")
        .param(processInstanceId)
        .query(Convenant.class)
        .optional();
  }

  /** The employer's open convenant (intent or signed), if any; there is at most one. */
  public Optional<Convenant> findOpenByEmployer(long employerId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM convenant WHERE open_for_employer_id = ?")
        .param(employerId)
        .query(Convenant.class)
        .optional();
  }

  /** Per employer (of these) with an open convenant: who registered it. */
  Map<Long, String> findRegisteredByForEmployers(Collection<Long> employerIds) {
    Map<Long, String> registeredBy = new HashMap<>();
    if (!employerIds.isEmpty()) {
      jdbc.sql(
              "SELECT open_for_employer_id, registered_by FROM convenant WHERE open_for_employer_id IN (:ids) AND registered_by IS NOT NULL")
          .param("ids", employerIds)
          .query(
              rs -> {
                registeredBy.put(rs.getLong(1), rs.getString(2));
              });
    }
    return registeredBy;
  }

  long insertIntent(
      long employerId, String registeredBy, String processInstanceId, OffsetDateTime now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO convenant (employer_id, status, open_for_employer_id, registered_at, registered_by, process_instance_id)
            VALUES (?, 'INTENT', ?, ?, ?, ?)""")
        .params(employerId, employerId, now, registeredBy, processInstanceId)
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }

  void recordIntake(
      long id, LocalDate intakeDate, String notes, Integer intendedWorkplaces, String heldBy) {
    jdbc.sql(
            """
            UPDATE convenant SET intake_date = ?, intake_notes = ?, intended_workplaces = ?,
                                 registered_by = COALESCE(registered_by, ?) WHERE id = ?""")
        .params(intakeDate, notes, intendedWorkplaces, heldBy, id)
        .update();
  }

  void recordSigning(long id, LocalDate signedDate, String signedBy) {
    jdbc.sql("UPDATE convenant SET status = 'SIGNED', signed_date = ?, signed_by = ? WHERE id = ?")
        .params(signedDate, signedBy, id)
        .update();
  }

  void recordWithdrawal(long id, String reason, OffsetDateTime now) {
    jdbc.sql(
            """
            UPDATE convenant SET status = 'WITHDRAWN', open_for_employer_id = NULL, withdrawal_reason = ?, withdrawn_at = ?
            WHERE id = ?""")
        .params(reason, now, id)
        .update();
  }

  /** A convenant signed before this system existed (go-live import): SIGNED from the start, without a process. */
  long insertSigned(
      long employerId,
      String registeredBy,
      LocalDate signedDate,
      String signedBy,
      OffsetDateTime registeredAt) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO convenant (employer_id, status, open_for_employer_id, registered_at, registered_by, signed_date, signed_by)
            VALUES (?, 'SIGNED', ?, ?, ?, ?, ?)""")
        .params(employerId, employerId, registeredAt, registeredBy, signedDate, signedBy)
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }
}
