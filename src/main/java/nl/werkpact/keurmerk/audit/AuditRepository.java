package nl.werkpact.keurmerk.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.werkpact.keurmerk.common.Dates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class AuditRepository {

  private static final String COLUMNS =
      """
      id, employer_id, status, renewal_of_keurmerk_id, requested_by, planned_date, auditor, workforce_size,
      target_group_employees, extra_workplaces, work_experience_places, social_purchasing_euros, findings,
      performed_by, criteria_outcome, criteria_reason, criteria_decision_id, criteria_version, final_outcome,
      committee_reason, decided_by, decided_on, process_instance_id""";

  /** The social return columns, comma separated, in {@link SocialReturn.Count} order, then the workshops. */
  public static final String SOCIAL_RETURN_COLUMNS =
      Arrays.stream(SocialReturn.Count.values())
              .map(SocialReturn.Count::column)
              .collect(Collectors.joining(", "))
          + ", social_workshops";

  private final JdbcClient jdbc;

  public AuditRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Audit> findById(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM audit WHERE id = ?")
        .param(id)
        .query(Audit.class)
        .optional();
  }

  /** The audit owned by this KeurmerkAudit process instance (written in the transaction that started it). */
  public Optional<Audit> findByProcessInstance(String processInstanceId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM audit WHERE process_instance_id = ?")
        .param(processInstanceId)
        .query(Audit.class)
        .optional();
  }

  Optional<Audit> findRunningByEmployer(long employerId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM audit WHERE running_for_employer_id = ?")
        .param(employerId)
        .query(Audit.class)
        .optional();
  }

  /** The employer's decided audits, newest first. */
  List<Audit> findDecidedByEmployer(long employerId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM audit WHERE employer_id = ? AND decided_on IS NOT NULL ORDER BY decided_on DESC, id DESC")
        .param(employerId)
        .query(Audit.class)
        .list();
  }

  Optional<LocalDate> lastRejectionDate(long employerId) {
    return jdbc.sql(
            "SELECT MAX(decided_on) FROM audit WHERE employer_id = ? AND status = 'REJECTED'")
        .param(employerId)
        .query(LocalDate.class)
        .optional();
  }

  long insert(
      long employerId,
      Long renewalOfKeurmerkId,
      String requestedBy,
      String processInstanceId,
      String criteriaDecisionId,
      OffsetDateTime now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO audit (employer_id, status, running_for_employer_id, renewal_of_keurmerk_id, requested_at, requested_by,
                               process_instance_id, criteria_decision_id)
            VALUES (?, 'PLANNING', ?, ?, ?, ?, ?, ?)""")
        .params(
            employerId,
            employerId,
            renewalOfKeurmerkId,
            now,
            requestedBy,
            processInstanceId,
            criteriaDecisionId)
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }

  void plan(long id, LocalDate date, String auditor) {
    jdbc.sql("UPDATE audit SET status = 'PLANNED', planned_date = ?, auditor = ? WHERE id = ?")
        .params(date, auditor, id)
        .update();
  }

  void recordFigures(long id, AuditFigures f, String performedBy, OffsetDateTime now) {
    List<Object> params =
        new ArrayList<>(
            Arrays.asList(
                f.workforceSize(),
                f.targetGroupEmployees(),
                f.extraWorkplaces(),
                f.workExperiencePlaces(),
                f.socialPurchasingEuros(),
                f.findings(),
                performedBy,
                now));
    for (SocialReturn.Count count : SocialReturn.Count.values()) {
      params.add(f.socialReturn().count(count));
    }
    params.add(f.socialReturn().socialWorkshops());
    params.add(id);
    jdbc.sql(
            """
            UPDATE audit SET workforce_size = ?, target_group_employees = ?, extra_workplaces = ?, work_experience_places = ?,
                             social_purchasing_euros = ?, findings = ?, performed_by = ?, performed_at = ?, \s"""
                + SOCIAL_RETURN_COLUMNS.replace(",", " = ?,")
                + " = ? WHERE id = ?")
        .params(params)
        .update();
  }

  /** The audit's social return, empty when it was recorded before the counts existed (or imported). */
  Optional<SocialReturn> socialReturn(long id) {
    return jdbc
        .sql("SELECT " + SOCIAL_RETURN_COLUMNS + " FROM audit WHERE id = ?")
        .param(id)
        .query((rs, i) -> Optional.ofNullable(socialReturn(rs)))
        .list()
        .stream()
        .findFirst()
        .flatMap(recorded -> recorded);
  }

  /** Reads {@link #SOCIAL_RETURN_COLUMNS} from a row; null when the counts were never recorded. */
  public static SocialReturn socialReturn(ResultSet rs) throws SQLException {
    Map<String, Object> values = new HashMap<>();
    for (String column : SOCIAL_RETURN_COLUMNS.split(", ")) {
      values.put(column, rs.getObject(column));
    }
    return SocialReturn.fromColumns(values::get);
  }

  void recordCriteria(
      long id, AuditOutcome outcome, String reason, String decisionId, int version) {
    jdbc.sql(
            """
            UPDATE audit SET status = 'AWAITING_COMMITTEE', criteria_outcome = ?, criteria_reason = ?, criteria_decision_id = ?, criteria_version = ?
            WHERE id = ?""")
        .params(outcome.name(), reason, decisionId, version, id)
        .update();
  }

  void recordDecision(
      long id, AuditOutcome finalOutcome, String reason, String decidedBy, OffsetDateTime now) {
    jdbc.sql(
            """
            UPDATE audit SET status = ?, running_for_employer_id = NULL, final_outcome = ?, committee_reason = ?,
                             decided_by = ?, decided_at = ?, decided_on = ?
            WHERE id = ?""")
        .params(
            finalOutcome == AuditOutcome.TOEKENNEN ? "AWARDED" : "REJECTED",
            finalOutcome.name(),
            reason,
            decidedBy,
            now,
            now.toLocalDate(),
            id)
        .update();
  }

  /** The audit behind a keurmerk awarded before this system existed (go-live import): decided, without figures. */
  long insertImportedAward(
      long employerId,
      String requestedBy,
      LocalDate awardDate,
      String findings,
      AuditService.ImportedFigures figures) {
    OffsetDateTime at = awardDate.atStartOfDay(Dates.AMSTERDAM).toOffsetDateTime();
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO audit (employer_id, status, requested_at, requested_by, findings, extra_workplaces, work_experience_places,
                               social_purchasing_euros, final_outcome, decided_by, decided_at, decided_on)
            VALUES (?, 'AWARDED', ?, ?, ?, ?, ?, ?, 'TOEKENNEN', 'import', ?, ?)""")
        .params(
            employerId,
            at,
            requestedBy,
            findings,
            figures.extraWorkplaces(),
            figures.workExperiencePlaces(),
            figures.socialPurchasingEuros(),
            at,
            awardDate)
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }
}
