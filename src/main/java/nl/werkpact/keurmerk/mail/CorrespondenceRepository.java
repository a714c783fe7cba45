package nl.werkpact.keurmerk.mail;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The outbox's rows and their history. Every change of an e-mail's state writes a {@code correspondence_event} in the
 * same statement batch, so the callers' transactions keep the two together.
 */
@Repository
public class CorrespondenceRepository {

  private static final String COLUMNS =
      """
      id, dedup_key, recipient, template, subject, body_text, body_html, status, concerns_type, concerns_id,
      process_instance_id, created_at, sent_at, attempts, last_error, operator_note, next_attempt_at, closed_at, closed_by,
      region_code""";

  private static final String CLAIMABLE =
      """
      status IN ('PENDING', 'FAILED') AND next_attempt_at <= :now AND (claimed_until IS NULL OR claimed_until < :now)""";

  /** Did not go out and nothing more happens by itself (as {@link Correspondence#needsAPerson()}). */
  private static final String NEEDS_A_PERSON =
      """
      status IN ('FAILED', 'UNDELIVERABLE') AND next_attempt_at IS NULL AND closed_at IS NULL""";

  private final JdbcClient jdbc;

  /** The most e-mails one statement of {@link #insertAll} inserts. */
  private static final int ROWS_AT_MOST = 64;

  public CorrespondenceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Correspondence> findById(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM correspondence WHERE id = ?")
        .param(id)
        .query(Correspondence.class)
        .optional();
  }

  Optional<Long> findIdByDedupKey(String dedupKey) {
    return jdbc.sql("SELECT id FROM correspondence WHERE dedup_key = ?")
        .param(dedupKey)
        .query(Long.class)
        .optional();
  }

  public List<Correspondence> findByConcerns(String concernsType, long concernsId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM correspondence WHERE concerns_type = ? AND concerns_id = ? ORDER BY id")
        .params(concernsType, concernsId)
        .query(Correspondence.class)
        .list();
  }

  /** E-mails that did not go out and wait for a person (refused for good, or failed on every retry), oldest first. */
  public List<Correspondence> findNeedingAPerson(int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM correspondence WHERE "
                + NEEDS_A_PERSON
                + " ORDER BY created_at, id LIMIT ?")
        .param(limit)
        .query(Correspondence.class)
        .list();
  }

  public long countNeedingAPerson() {
    return jdbc.sql("SELECT COUNT(*) FROM correspondence WHERE " + NEEDS_A_PERSON)
        .query(Long.class)
        .single();
  }

  /** The events of these e-mails, per e-mail, in order; one query for a page of them. */
  Map<Long, List<CorrespondenceEvent>> eventsOf(Collection<Long> ids) {
    Map<Long, List<CorrespondenceEvent>> events = new HashMap<>();
    if (ids.isEmpty()) {
      return events;
    }
    jdbc.sql(
            "SELECT correspondence_id, occurred_at, kind, actor, detail FROM correspondence_event WHERE correspondence_id IN (:ids) ORDER BY id")
        .param("ids", ids)
        .query(
            rs -> {
              events
                  .computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                  .add(
                      new CorrespondenceEvent(
                          rs.getObject(2, OffsetDateTime.class),
                          rs.getString(3),
                          rs.getString(4),
                          rs.getString(5)));
            });
    return events;
  }

  /** E-mails that failed for a passing reason and wait for their next attempt, later on {@code now}'s clock. */
  long countWaitingForRetry(OffsetDateTime now) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM correspondence WHERE status = 'FAILED' AND next_attempt_at > ?")
        .param(now)
        .query(Long.class)
        .single();
  }

  /**
   * Their next attempt is now: each that no dispatcher holds is due at {@code due} (on the dispatcher's clock), with a
   * RETRIED_NOW event by {@code user}; answers how many.
   */
  int retryNow(OffsetDateTime now, OffsetDateTime due, String user) {
    List<Long> ids =
        jdbc.sql(
                """
            SELECT id FROM correspondence WHERE status = 'FAILED' AND next_attempt_at > ? AND (claimed_until IS NULL OR claimed_until < ?)
             ORDER BY id FOR UPDATE""")
            .params(due, due)
            .query(Long.class)
            .list();
    if (ids.isEmpty()) {
      return 0;
    }
    // Two statements for all of them, as a round's e-mails are queued: after an outage thousands
    // may wait.
    jdbc.sql("UPDATE correspondence SET next_attempt_at = :due WHERE id IN (:ids)")
        .param("due", due)
        .param("ids", ids)
        .update();
    jdbc.sql(
            """
            INSERT INTO correspondence_event (correspondence_id, occurred_at, kind, actor, detail, region_code)
            SELECT id, :now, 'RETRIED_NOW', :actor, 'Volgende poging naar nu gehaald', region_code FROM correspondence WHERE id IN (:ids)""")
        .param("now", now)
        .param("actor", abbreviate(user, 100))
        .param("ids", ids)
        .update();
    return ids.size();
  }

  long countInQueue() {
    return jdbc.sql(
            "SELECT COUNT(*) FROM correspondence WHERE status IN ('PENDING', 'FAILED') AND next_attempt_at IS NOT NULL")
        .query(Long.class)
        .single();
  }

  public List<CorrespondenceEvent> events(long correspondenceId) {
    return jdbc.sql(
            "SELECT occurred_at, kind, actor, detail FROM correspondence_event WHERE correspondence_id = ? ORDER BY id")
        .param(correspondenceId)
        .query(CorrespondenceEvent.class)
        .list();
  }

  /** {@code now} on the engine's clock (what the records say); {@code due} on the real one (when it goes out). */
  long insert(MailRequest request, RenderedMail rendered, OffsetDateTime now, OffsetDateTime due) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO correspondence (dedup_key, recipient, template, subject, body_text, body_html, status,
                                        concerns_type, concerns_id, process_instance_id, created_at, attempts, next_attempt_at)
            VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, 0, ?)""")
        .params(
            request.dedupKey(),
            request.recipient(),
            request.template(),
            rendered.subject(),
            rendered.text(),
            rendered.html(),
            request.concernsType(),
            request.concernsId(),
            request.processInstanceId(),
            now,
            due)
        .update(keys, "id");
    long id = keys.getKeyAs(Number.class).longValue();
    event(
        id,
        now,
        "QUEUED",
        request.processInstanceId() == null ? "app" : "proces " + request.processInstanceId(),
        request.template());
    return id;
  }

  /** Which of these dedup keys are queued already. */
  Set<String> existingDedupKeys(Collection<String> keys) {
    if (keys.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        jdbc.sql("SELECT dedup_key FROM correspondence WHERE dedup_key IN (:keys)")
            .param("keys", keys)
            .query(String.class)
            .list());
  }

  /**
   * Many e-mails at once (a round of reminders): a few statements for the rows and one for their QUEUED history,
   * instead of three statements per e-mail. None of the keys may be queued already (the unique key refuses them all
   * then). The rows go in slices of 64, 32, … 1, so there are only a few statement texts to prepare (and for the
   * regions to read, region/RegionSql) however many e-mails a chunk has.
   */
  void insertAll(
      List<MailRequest> requests,
      List<RenderedMail> rendered,
      OffsetDateTime now,
      OffsetDateTime due) {
    if (requests.isEmpty()) {
      return;
    }
    for (int from = 0; from < requests.size(); ) {
      int slice = Math.min(ROWS_AT_MOST, Integer.highestOneBit(requests.size() - from));
      var rows =
          new StringBuilder(
              """
          INSERT INTO correspondence (dedup_key, recipient, template, subject, body_text, body_html, status,
                                      concerns_type, concerns_id, process_instance_id, created_at, attempts, next_attempt_at)
          VALUES """);
      List<Object> values = new ArrayList<>();
      for (int i = from; i < from + slice; i++) {
        MailRequest request = requests.get(i);
        RenderedMail mail = rendered.get(i);
        rows.append(i == from ? "" : ", ")
            .append("(?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, 0, ?)");
        values.addAll(
            Arrays.asList(
                request.dedupKey(),
                request.recipient(),
                request.template(),
                mail.subject(),
                mail.text(),
                mail.html(),
                request.concernsType(),
                request.concernsId(),
                request.processInstanceId(),
                now,
                due));
      }
      jdbc.sql(rows.toString()).params(values).update();
      from += slice;
    }
    jdbc.sql(
            """
            INSERT INTO correspondence_event (correspondence_id, occurred_at, kind, actor, detail, region_code)
            SELECT id, :now, 'QUEUED', CASE WHEN process_instance_id IS NULL THEN 'app' ELSE 'proces ' || process_instance_id END, template,
                   region_code
              FROM correspondence WHERE dedup_key IN (:keys)""")
        .param("now", now)
        .param("keys", requests.stream().map(MailRequest::dedupKey).toList())
        .update();
  }

  /**
   * Claims up to {@code limit} due e-mails for the dispatcher {@code token} until {@code until}; answers them. One
   * statement, so two dispatchers never claim the same e-mail: on PostgreSQL the second skips the rows the first
   * locked, elsewhere it re-reads the claim and leaves them.
   */
  List<Correspondence> claim(
      String token, OffsetDateTime now, OffsetDateTime until, int limit, boolean skipLocked) {
    // On PostgreSQL the due e-mails are chosen once, in a CTE: as "id IN (subquery)" the planner
    // may run the subquery
    // for every row of the table when its statistics lag behind a storm that just filled it (seen:
    // 22 s per claim).
    String statement =
        skipLocked
            ? "WITH due AS (SELECT id FROM correspondence WHERE "
                + CLAIMABLE
                + " ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED) "
                + "UPDATE correspondence c SET claimed_by = :token, claimed_until = :until FROM due WHERE c.id = due.id"
            : "UPDATE correspondence SET claimed_by = :token, claimed_until = :until WHERE id IN ("
                + "SELECT id FROM correspondence WHERE "
                + CLAIMABLE
                + " ORDER BY next_attempt_at, id LIMIT :limit) AND "
                + CLAIMABLE;
    int claimed =
        jdbc.sql(statement)
            .param("token", token)
            .param("until", until)
            .param("now", now)
            .param("limit", limit)
            .update();
    if (claimed == 0) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM correspondence WHERE claimed_by = ? ORDER BY next_attempt_at, id")
        .param(token)
        .query(Correspondence.class)
        .list();
  }

  /** Claims this one e-mail if it is due and free (an operator's "send again"); answers it, or nothing. */
  List<Correspondence> claimOne(String token, long id, OffsetDateTime now, OffsetDateTime until) {
    int claimed =
        jdbc.sql(
                "UPDATE correspondence SET claimed_by = :token, claimed_until = :until WHERE id = :id AND "
                    + CLAIMABLE)
            .param("token", token)
            .param("until", until)
            .param("now", now)
            .param("id", id)
            .update();
    return claimed == 0 ? List.of() : findById(id).stream().toList();
  }

  /** Keeps the claim of e-mails not yet tried while a batch takes longer; answers how many are still ours. */
  int extendClaim(String token, OffsetDateTime until) {
    return jdbc.sql("UPDATE correspondence SET claimed_until = ? WHERE claimed_by = ?")
        .params(until, token)
        .update();
  }

  /** Gives e-mails that were claimed but not tried back to the queue, due at once. */
  void release(String token) {
    jdbc.sql(
            "UPDATE correspondence SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = ?")
        .param(token)
        .update();
  }

  void recordSent(long id, OffsetDateTime now, String actor) {
    jdbc.sql(
            """
            UPDATE correspondence SET status = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = NULL,
                   next_attempt_at = NULL, claimed_by = NULL, claimed_until = NULL
             WHERE id = ?""")
        .params(now, id)
        .update();
    event(id, now, "SENT", actor, null);
  }

  /**
   * PostgreSQL: SENT and its history row in one statement, atomic without a transaction of its own, so recording it is
   * one round trip. The dispatcher's accept window lasts until it is recorded; the shorter, the more e-mails go out.
   */
  void recordSentInOneStatement(long id, OffsetDateTime now, String actor) {
    jdbc.sql(
            """
            WITH sent AS (
              UPDATE correspondence SET status = 'SENT', sent_at = :now, attempts = attempts + 1, last_error = NULL,
                     next_attempt_at = NULL, claimed_by = NULL, claimed_until = NULL
               WHERE id = :id RETURNING id, region_code)
            INSERT INTO correspondence_event (correspondence_id, occurred_at, kind, actor, detail, region_code)
            SELECT id, :now, 'SENT', :actor, NULL, region_code FROM sent""")
        .param("id", id)
        .param("now", now)
        .param("actor", abbreviate(actor, 100))
        .update();
  }

  /** A passing failure: tried again at {@code retryAt}, or never again by itself when that is null (it gave up). */
  void recordFailed(
      long id, String error, OffsetDateTime now, OffsetDateTime retryAt, String actor) {
    jdbc.sql(
            """
            UPDATE correspondence SET status = 'FAILED', attempts = attempts + 1, last_error = ?, next_attempt_at = ?,
                   claimed_by = NULL, claimed_until = NULL
             WHERE id = ?""")
        .params(error, retryAt, id)
        .update();
    event(id, now, retryAt == null ? "GAVE_UP" : "FAILED", actor, error);
  }

  void recordUndeliverable(long id, String error, OffsetDateTime now, String actor) {
    jdbc.sql(
            """
            UPDATE correspondence SET status = 'UNDELIVERABLE', attempts = attempts + 1, last_error = ?, next_attempt_at = NULL,
                   claimed_by = NULL, claimed_until = NULL
             WHERE id = ?""")
        .params(error, id)
        .update();
    event(id, now, "UNDELIVERABLE", actor, error);
  }

  /**
   * Back in the queue, due now, to the given address, with a note of who did it; only an e-mail that did not go out
   * and that no dispatcher is sending at this moment.
   */
  boolean requeue(
      long id, String recipient, String note, OffsetDateTime now, OffsetDateTime due, String user) {
    boolean done =
        jdbc.sql(
                    """
            UPDATE correspondence SET recipient = ?, status = 'PENDING', operator_note = ?, next_attempt_at = ?,
                   closed_at = NULL, closed_by = NULL
             WHERE id = ? AND status IN ('FAILED', 'UNDELIVERABLE') AND (claimed_until IS NULL OR claimed_until < ?)""")
                .params(recipient, note, due, id, due)
                .update()
            == 1;
    if (done) {
      event(id, now, "REQUEUED", user, note);
    }
    return done;
  }

  /** An operator needs nothing more of an e-mail that did not go out: it leaves the list and is not retried. */
  boolean close(long id, String reason, OffsetDateTime now, OffsetDateTime realNow, String user) {
    boolean done =
        jdbc.sql(
                    """
            UPDATE correspondence SET next_attempt_at = NULL, closed_at = ?, closed_by = ?
             WHERE id = ? AND status IN ('FAILED', 'UNDELIVERABLE') AND closed_at IS NULL
               AND (claimed_until IS NULL OR claimed_until < ?)""")
                .params(now, user, id, realNow)
                .update()
            == 1;
    if (done) {
      event(id, now, "CLOSED", user, reason);
    }
    return done;
  }

  private void event(long id, OffsetDateTime now, String kind, String actor, String detail) {
    jdbc.sql(
            "INSERT INTO correspondence_event (correspondence_id, occurred_at, kind, actor, detail, region_code)"
                + " SELECT id, ?, ?, ?, ?, region_code FROM correspondence WHERE id = ?")
        .params(
            now, kind, abbreviate(actor, 100), detail == null ? null : abbreviate(detail, 2000), id)
        .update();
  }

  static String abbreviate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
