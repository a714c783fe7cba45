package nl.werkpact.keurmerk.mail;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class CorrespondenceRepository {

  private static final String COLUMNS = """
      id, dedup_key, recipient, template, subject, body_text, body_html, status, concerns_type, concerns_id,
      process_instance_id, created_at, sent_at, attempts, last_error, operator_note""";

  private final JdbcClient jdbc;

  public CorrespondenceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Correspondence> findById(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM correspondence WHERE id = ?").param(id).query(Correspondence.class).optional();
  }

  /** Locks the row for the sending transaction, so two senders never both send it. */
  Optional<Correspondence> lockById(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM correspondence WHERE id = ? FOR UPDATE")
        .param(id)
        .query(Correspondence.class)
        .optional();
  }

  Optional<Long> findIdByDedupKey(String dedupKey) {
    return jdbc.sql("SELECT id FROM correspondence WHERE dedup_key = ?").param(dedupKey).query(Long.class).optional();
  }

  public List<Correspondence> findByConcerns(String concernsType, long concernsId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM correspondence WHERE concerns_type = ? AND concerns_id = ? ORDER BY id")
        .params(concernsType, concernsId)
        .query(Correspondence.class)
        .list();
  }

  List<Long> findUnsentIdsByProcessInstance(String processInstanceId) {
    return jdbc.sql("SELECT id FROM correspondence WHERE process_instance_id = ? AND status IN ('PENDING', 'FAILED') ORDER BY id")
        .param(processInstanceId)
        .query(Long.class)
        .list();
  }

  long insert(MailRequest request, RenderedMail rendered, OffsetDateTime now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO correspondence (dedup_key, recipient, template, subject, body_text, body_html, status,
                                        concerns_type, concerns_id, process_instance_id, created_at, attempts)
            VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, 0)""")
        .params(request.dedupKey(), request.recipient(), request.template(), rendered.subject(), rendered.text(),
            rendered.html(), request.concernsType(), request.concernsId(), request.processInstanceId(), now)
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }

  void markSent(long id, OffsetDateTime now) {
    jdbc.sql("UPDATE correspondence SET status = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?")
        .params(now, id)
        .update();
  }

  /** Back in the queue, to the given address, with a note of who did it; only an e-mail that did not go out. */
  boolean requeue(long id, String recipient, String note) {
    return jdbc.sql("UPDATE correspondence SET recipient = ?, status = 'PENDING', operator_note = ? WHERE id = ? AND status IN ('FAILED', 'UNDELIVERABLE')")
        .params(recipient, note, id)
        .update() == 1;
  }

  void markUndeliverable(long id, String error) {
    jdbc.sql("UPDATE correspondence SET status = 'UNDELIVERABLE', attempts = attempts + 1, last_error = ? WHERE id = ?")
        .params(error, id)
        .update();
  }

  void markFailed(long id, String error) {
    jdbc.sql("UPDATE correspondence SET status = 'FAILED', attempts = attempts + 1, last_error = ? WHERE id = ?")
        .params(error, id)
        .update();
  }
}
