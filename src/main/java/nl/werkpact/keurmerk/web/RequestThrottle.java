package nl.werkpact.keurmerk.web;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the limits of the public forms exact under a burst: a request counts what came before it and records itself
 * while it holds a row lock on each of its keys (table {@code request_throttle}), so two requests that share a source,
 * an address or a KvK number are counted one after the other, on one node or several; requests with other keys do
 * not wait. Keys are locked in one order, so two requests never wait for each other. Without it, a burst from one
 * source counted the same few requests before any was recorded and let more through than its limit.
 */
@Component
public class RequestThrottle {

  private static final Duration KEPT = Duration.ofDays(2);

  /** A limit of a public form was reached: the source, the address or the number asked too often; try later. */
  public static final class TooMany extends RuntimeException {
    public TooMany() {
      super("te veel verzoeken", null, false, false);
    }
  }

  private static final int ATTEMPTS = 3;

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;

  RequestThrottle(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Runs the work in one transaction that holds these keys from before its first statement until it commits; the
   * first requests for a new key that met each other are run again, once the other one committed.
   */
  public <T> T holding(Collection<String> keys, Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transactions.execute(
            status -> {
              hold(keys);
              return work.get();
            });
      } catch (DuplicateKeyException raced) {
        if (attempt == ATTEMPTS) {
          throw raced;
        }
      }
    }
  }

  private void hold(Collection<String> keys) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    for (String key : new TreeSet<>(keys)) {
      int held =
          jdbc.sql("UPDATE request_throttle SET held_at = ? WHERE key_hash = ?")
              .params(now, key)
              .update();
      if (held == 0) {
        jdbc.sql("INSERT INTO request_throttle (key_hash, held_at) VALUES (?, ?)")
            .params(key, now)
            .update();
      }
    }
  }

  /** Removes the keys nobody held for two days (a request calls it now and then; no lock is taken). */
  public void forgetOld() {
    jdbc.sql("DELETE FROM request_throttle WHERE held_at < ?")
        .param(OffsetDateTime.now(clock).minus(KEPT))
        .update();
  }
}
