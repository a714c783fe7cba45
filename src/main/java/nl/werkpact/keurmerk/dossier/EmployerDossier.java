package nl.werkpact.keurmerk.dossier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.werkpact.keurmerk.audit.AuditRepository;
import nl.werkpact.keurmerk.audit.SocialReturn;
import nl.werkpact.keurmerk.common.Database;
import nl.werkpact.keurmerk.common.Texts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the dossier shows of one employer, read from the project's own tables: rows as the page's templates name their
 * columns (lower case), dates and moments in Amsterdam local time.
 */
@Repository
class EmployerDossier {

  private final JdbcClient jdbc;

  EmployerDossier(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Employers whose name contains the search, or whose KvK number it is; by name, at most 50. */
  List<Map<String, Object>> search(String q) {
    return rows(
        jdbc.sql(
                """
                SELECT name, kvk_number, municipality FROM employer
                WHERE LOWER(name) LIKE ? ESCAPE '\\' OR kvk_number = ? ORDER BY LOWER(name) LIMIT 50""")
            .params(Texts.likeContaining(q), q));
  }

  Optional<Map<String, Object>> employer(String kvk) {
    return rows(
            jdbc.sql(
                    """
                    SELECT id, name, kvk_number, address, municipality, contact_person, contact_email, contact_phone
                    FROM employer WHERE kvk_number = ?""")
                .param(kvk))
        .stream()
        .findFirst();
  }

  List<Map<String, Object>> convenants(Object employerId) {
    return rows(
        jdbc.sql(
                """
                SELECT id, status, registered_at, registered_by, intake_date, intake_notes, intended_workplaces,
                       signed_date, signed_by, withdrawn_at, withdrawal_reason
                FROM convenant WHERE employer_id = ? ORDER BY registered_at DESC""")
            .param(employerId));
  }

  /** The employer's audits, newest first; {@code social_return} is its SocialReturn, or null if never recorded. */
  List<Map<String, Object>> audits(Object employerId) {
    List<Map<String, Object>> audits = new ArrayList<>();
    for (var row :
        rows(
            jdbc.sql(
                    """
                    SELECT a.id, a.status, a.requested_at, a.requested_by, a.planned_date, a.auditor, a.workforce_size,
                           a.target_group_employees, a.extra_workplaces, a.work_experience_places, a.social_purchasing_euros,
                           a.findings, a.performed_by, a.criteria_outcome, a.criteria_reason, a.criteria_version,
                           a.final_outcome, a.committee_reason, a.decided_by, a.decided_on, k.number AS renewal_of,
                           d.summary AS employer_draft, d.saved_at AS employer_draft_at, \s"""
                        + AuditRepository.SOCIAL_RETURN_COLUMNS.replaceAll("(\\w+)", "a.$1")
                        + """

                    FROM audit a LEFT JOIN keurmerk k ON k.id = a.renewal_of_keurmerk_id
                    LEFT JOIN audit_figures_draft d ON d.audit_id = a.id
                    WHERE a.employer_id = ? ORDER BY a.requested_at DESC""")
                .param(employerId))) {
      var audit = new LinkedHashMap<>(row);
      audit.put("social_return", SocialReturn.fromColumns(row::get));
      audits.add(audit);
    }
    return audits;
  }

  /** The employer's keurmerken, newest first, each with its status history ({@code history}), in two queries. */
  List<Map<String, Object>> keurmerken(Object employerId) {
    var keurmerken =
        rows(
            jdbc.sql(
                    """
                    SELECT id, number, valid_from, valid_until, status FROM keurmerk
                    WHERE employer_id = ? ORDER BY valid_from DESC""")
                .param(employerId));
    Map<Object, List<Map<String, Object>>> histories = new LinkedHashMap<>();
    for (var change :
        rows(
            jdbc.sql(
                    """
                    SELECT c.keurmerk_id, c.status, c.reason, c.changed_at FROM keurmerk_status_change c
                    JOIN keurmerk k ON k.id = c.keurmerk_id
                    WHERE k.employer_id = ? ORDER BY c.changed_at DESC, c.id DESC""")
                .param(employerId))) {
      histories.computeIfAbsent(change.remove("keurmerk_id"), id -> new ArrayList<>()).add(change);
    }
    List<Map<String, Object>> withHistory = new ArrayList<>();
    for (var keurmerk : keurmerken) {
      var row = new LinkedHashMap<>(keurmerk);
      row.put("history", histories.getOrDefault(keurmerk.get("id"), List.of()));
      withHistory.add(row);
    }
    return withHistory;
  }

  /** Every e-mail about the employer's convenants, audits and keurmerken, newest first. */
  List<Map<String, Object>> mails(Object employerId) {
    return rows(
        jdbc.sql(
                """
                SELECT c.id, c.created_at, c.sent_at, c.recipient, c.subject, c.status, c.last_error FROM correspondence c
                WHERE (c.concerns_type = 'CONVENANT' AND c.concerns_id IN (SELECT id FROM convenant WHERE employer_id = ?))
                   OR (c.concerns_type = 'AUDIT' AND c.concerns_id IN (SELECT id FROM audit WHERE employer_id = ?))
                   OR (c.concerns_type = 'KEURMERK' AND c.concerns_id IN (SELECT id FROM keurmerk WHERE employer_id = ?))
                ORDER BY c.created_at DESC, c.id DESC""")
            .params(employerId, employerId, employerId));
  }

  /** The network memberships that came with the employer's keurmerken, newest first. */
  List<Map<String, Object>> memberships(Object employerId) {
    return rows(
        jdbc.sql(
                """
                SELECT m.valid_from, m.valid_until, k.number, m.region_code FROM membership m JOIN keurmerk k ON k.id = m.keurmerk_id
                WHERE m.employer_id = ? ORDER BY m.valid_from DESC, m.id DESC""")
            .param(employerId));
  }

  /** Every correction of the employer's contact data, newest first. */
  List<Map<String, Object>> contactChanges(Object employerId) {
    return rows(
        jdbc.sql(
                """
                SELECT changed_at, changed_by, old_contact_person, new_contact_person, old_contact_email,
                       new_contact_email, old_contact_phone, new_contact_phone
                FROM employer_contact_change WHERE employer_id = ? ORDER BY changed_at DESC, id DESC""")
            .param(employerId));
  }

  boolean hasKeurmerk(String kvk, String number) {
    return jdbc.sql(
                """
                SELECT COUNT(*) FROM keurmerk k JOIN employer e ON e.id = k.employer_id
                WHERE e.kvk_number = ? AND k.number = ?""")
            .params(kvk, number)
            .query(Long.class)
            .single()
        > 0;
  }

  private static List<Map<String, Object>> rows(JdbcClient.StatementSpec statement) {
    return statement.query().listOfRows().stream().map(EmployerDossier::local).toList();
  }

  /** Dates and moments as the page shows them, whichever type the database driver gives: Amsterdam local time. */
  private static Map<String, Object> local(Map<String, Object> row) {
    var result = new LinkedHashMap<String, Object>();
    row.forEach(
        (column, value) ->
            result.put(column.toLowerCase(Locale.ROOT), Database.amsterdamLocal(value)));
    return result;
  }
}
