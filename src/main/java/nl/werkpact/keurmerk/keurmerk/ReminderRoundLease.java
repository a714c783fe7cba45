package nl.werkpact.keurmerk.keurmerk;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import nl.werkpact.keurmerk.clock.DatabaseClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which reminder round may queue now: one at a time, on whichever node. A round takes the lease before each of its
 * steps and gives it back when it is done; a round that finds it held by another and not yet run out ends at once
 * (the other one queues what is due). A round whose node died leaves a lease that runs out, judged by the database's
 * clock.
 */
@Repository
public class ReminderRoundLease {

  private final JdbcClient jdbc;
  private final DatabaseClock clock;

  public ReminderRoundLease(JdbcClient jdbc, DatabaseClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Takes or extends the lease for {@code round} for {@code length}; false when another round holds it. */
  public boolean take(String round, Duration length) {
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    return jdbc.sql(
                """
        UPDATE reminder_round_lease SET held_by = :round, held_until = :until
         WHERE id = 1 AND (held_by IS NULL OR held_by = :round OR held_until < :now)""")
            .param("round", round)
            .param("until", now.plus(length))
            .param("now", now)
            .update()
        == 1;
  }

  /** Gives the lease back, if {@code round} still holds it. */
  public void release(String round) {
    jdbc.sql(
            "UPDATE reminder_round_lease SET held_by = NULL, held_until = NULL WHERE id = 1 AND held_by = ?")
        .param(round)
        .update();
  }

  /** The round that holds the lease now, if one does (for the log and the tests). */
  public Optional<String> holder() {
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    return jdbc.sql(
            "SELECT held_by FROM reminder_round_lease WHERE id = 1 AND held_by IS NOT NULL AND held_until >= ?")
        .param(now)
        .query(String.class)
        .optional();
  }
}
