package nl.werkpact.keurmerk.portal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.werkpact.keurmerk.common.Database;
import nl.werkpact.keurmerk.common.Dates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What Mijn keurmerk shows an employer of its own records, always by the id of the employer signed in (never by a
 * number the page was given): no names of staff, no internal notes, no figures of others, and of the e-mails only
 * those sent to the employer itself. Rows are keyed case-insensitively; dates are Amsterdam local.
 */
@Repository
class OwnRecords {

  private final JdbcClient jdbc;

  OwnRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Map<String, Object>> employer(long employerId) {
    return rows(
            jdbc.sql(
                    """
                    SELECT id, name, kvk_number, address, municipality, contact_person, contact_email, contact_phone
                    FROM employer WHERE id = ?""")
                .param(employerId))
        .stream()
        .findFirst();
  }

  List<Map<String, Object>> convenants(long employerId) {
    return rows(
        jdbc.sql(
                """
                SELECT status, registered_at, intake_date, signed_date, withdrawn_at FROM convenant
                WHERE employer_id = ? ORDER BY registered_at DESC""")
            .param(employerId));
  }

  List<Map<String, Object>> audits(long employerId) {
    return rows(
        jdbc.sql(
                """
                SELECT a.id, a.status, a.requested_at, a.planned_date, a.final_outcome, a.decided_on, k.number AS renewal_of
                FROM audit a LEFT JOIN keurmerk k ON k.id = a.renewal_of_keurmerk_id
                WHERE a.employer_id = ? ORDER BY a.requested_at DESC""")
            .param(employerId));
  }

  List<Map<String, Object>> keurmerken(long employerId) {
    return rows(
        jdbc.sql(
                """
                SELECT number, valid_from, valid_until, status FROM keurmerk
                WHERE employer_id = ? ORDER BY valid_from DESC""")
            .param(employerId));
  }

  boolean owns(long employerId, String number) {
    return jdbc.sql("SELECT COUNT(*) FROM keurmerk WHERE employer_id = ? AND number = ?")
            .params(employerId, number)
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * The e-mails sent to the employer: about its convenants, audits, keurmerken and itself, not the copies to its
   * accountmanager; newest first, at most 100.
   */
  List<Map<String, Object>> mails(long employerId) {
    return rows(
        jdbc.sql(
                """
                SELECT c.created_at, c.sent_at, c.subject, c.status FROM correspondence c
                WHERE c.template NOT LIKE '%-accountmanager'
                  AND ((c.concerns_type = 'CONVENANT' AND c.concerns_id IN (SELECT id FROM convenant WHERE employer_id = ?))
                   OR (c.concerns_type = 'AUDIT' AND c.concerns_id IN (SELECT id FROM audit WHERE employer_id = ?))
                   OR (c.concerns_type = 'KEURMERK' AND c.concerns_id IN (SELECT id FROM keurmerk WHERE employer_id = ?))
                   OR (c.concerns_type = 'EMPLOYER' AND c.concerns_id = ?))
                ORDER BY c.created_at DESC, c.id DESC LIMIT 100""")
            .params(employerId, employerId, employerId, employerId));
  }

  private static List<Map<String, Object>> rows(JdbcClient.StatementSpec statement) {
    return statement.query().listOfRows().stream().map(OwnRecords::local).toList();
  }

  private static Map<String, Object> local(Map<String, Object> row) {
    Map<String, Object> result = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    row.forEach((column, value) -> result.put(column, Database.amsterdamLocal(value)));
    return result;
  }

  /** A moment or a day as the page writes it: dd-mm-jjjj. */
  static String day(Object value) {
    if (value instanceof LocalDateTime moment) {
      return Dates.numeric(moment.toLocalDate());
    }
    if (value instanceof LocalDate date) {
      return Dates.numeric(date);
    }
    return value == null ? null : value.toString();
  }
}
