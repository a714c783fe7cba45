package nl.werkpact.keurmerk.clock;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database's time, which every node shares: what leases, due times and retry times are judged by, so that a node
 * whose own clock runs ahead or behind takes over no live claim of another and sends nothing early or late.
 *
 * <p>It asks the database for its time ({@code CURRENT_TIMESTAMP}) once a minute and counts on from there with the
 * node's monotonic timer ({@link System#nanoTime()}), which a wrong or corrected wall clock does not move; between two
 * readings it is off by at most half a round trip to the database. Without an answer it goes on counting from its
 * last reading (and logs it), so a short database outage does not stop time.
 */
public final class DatabaseClock extends Clock {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseClock.class);
  private static final Duration RESYNC = Duration.ofMinutes(1);

  /** A reading: the database's time, and the monotonic timer when it was (half-way through the round trip). */
  private record Reading(Instant database, long nanos) {}

  private final DataSource dataSource;
  private volatile Reading last;

  public DatabaseClock(DataSource dataSource) {
    this.dataSource = dataSource;
    this.last =
        read()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "The database did not tell its time; leases need it"));
    LOG.info(
        "Leases, due times and retries follow the database's clock ({} ms from this node's own)",
        Duration.between(Instant.now(), last.database()).toMillis());
  }

  private Optional<Reading> read() {
    try (var connection = dataSource.getConnection();
        var statement = connection.prepareStatement("SELECT CURRENT_TIMESTAMP")) {
      long before = System.nanoTime();
      try (var result = statement.executeQuery()) {
        result.next();
        OffsetDateTime database = result.getObject(1, OffsetDateTime.class);
        long after = System.nanoTime();
        return Optional.of(new Reading(database.toInstant(), before + (after - before) / 2));
      }
    } catch (SQLException | RuntimeException e) {
      LOG.warn(
          "The database did not tell its time ({}); counting on from its last answer",
          e.toString());
      return Optional.empty();
    }
  }

  @Override
  public Instant instant() {
    Reading reading = last;
    long now = System.nanoTime();
    if (now - reading.nanos() > RESYNC.toNanos()) {
      Reading counted = new Reading(reading.database().plusNanos(now - reading.nanos()), now);
      reading = read().orElse(counted); // without an answer, the next question is a minute on
      last = reading;
      now = System.nanoTime();
    }
    return reading.database().plusNanos(now - reading.nanos());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException(
        "The database's clock is read as an instant; convert it where a zone matters");
  }
}
