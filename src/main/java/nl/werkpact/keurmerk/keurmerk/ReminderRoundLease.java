package nl.werkpact.keurmerk.keurmerk;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import nl.werkpact.keurmerk.clock.DatabaseClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which reminder round may queue now: one at a time per region (each region's round runs in its region, and the
 * lease row is the region's: region/RegionSql), on whichever node. A round takes the lease before each of its
 * steps and gives it back when it is done. A round that finds it held by another, not yet run out, ends at once and
 * asks the holder for one more pass, so what fell due at its moment is queued now, not a quarter of an hour later. A
 * round whose node died leaves a lease that runs out, judged by the database's clock. Each statement commits on its
 * own, so the lease is never locked for the length of a step.
 */
@Repository
public class ReminderRoundLease {

  private final JdbcClient jdbc;
  private final DatabaseClock clock;
  private final TransactionTemplate own;

  public ReminderRoundLease(
      JdbcClient jdbc, DatabaseClock clock, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.own = new TransactionTemplate(transactions);
    this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Takes or extends the lease for {@code round} for {@code length}; false when another round holds it (which is then
   * asked for one more pass).
   */
  public boolean take(String round, Duration length) {
    OffsetDateTime now = now();
    return Boolean.TRUE.equals(
        own.execute(
            status -> {
              boolean taken =
                  jdbc.sql(
                              """
                              UPDATE reminder_round_lease SET held_by = :round, held_until = :until
                               WHERE id = 1 AND (held_by IS NULL OR held_by = :round OR held_until < :now)""")
                          .param("round", round)
                          .param("until", now.plus(length))
                          .param("now", now)
                          .update()
                      == 1;
              if (!taken) {
                jdbc.sql("UPDATE reminder_round_lease SET again = TRUE WHERE id = 1").update();
              }
              return taken;
            }));
  }

  /**
   * Gives the lease back when no other round asked for one more pass meanwhile; false when one did: then {@code round}
   * keeps it and makes that pass.
   */
  public boolean release(String round) {
    return Boolean.TRUE.equals(
        own.execute(
            status -> {
              boolean released =
                  jdbc.sql(
                              """
                              UPDATE reminder_round_lease SET held_by = NULL, held_until = NULL
                               WHERE id = 1 AND held_by = ? AND NOT again""")
                          .param(round)
                          .update()
                      == 1;
              if (!released) {
                jdbc.sql(
                        "UPDATE reminder_round_lease SET again = FALSE WHERE id = 1 AND held_by = ?")
                    .param(round)
                    .update();
              }
              return released;
            }));
  }

  /** The round that holds the lease now, if one does (for the log and the tests). */
  public Optional<String> holder() {
    return jdbc.sql(
            "SELECT held_by FROM reminder_round_lease WHERE id = 1 AND held_by IS NOT NULL AND held_until >= ?")
        .param(now())
        .query(String.class)
        .optional();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
