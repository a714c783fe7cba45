package nl.werkpact.keurmerk.guard;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Slows a password guesser without locking out the owner. Every login (Tasklist, Cockpit, Admin, HTTP Basic on
 * {@code /engine-rest}, the app's pages) ends in the engine's {@code CheckPassword}; this interceptor in front of it
 * keeps the failures per <em>source and account</em> and per source: after {@value #FREE_FAILURES} failures for one
 * account from one address, that address waits before its next attempt for that account (2 s, doubling to a
 * minute), and an address that fails {@value #FREE_SOURCE_FAILURES} times over any accounts waits as well (password
 * spraying). While it waits, its attempts are answered "wrong" without being checked. The owner, from another
 * address, logs in at once: Camunda's own delay and lock per account are off (EngineSecurityPlugin).
 *
 * <p>Every refused login takes at least {@link #FAILURE_TIME}, whether the account exists, the password was wrong or
 * the address was waiting, so the answer's timing does not tell which user ids exist.
 */
final class LoginThrottle extends CommandInterceptor {

  static final int FREE_FAILURES = 3;
  static final int FREE_SOURCE_FAILURES = 20;
  static final Duration FIRST_WAIT = Duration.ofSeconds(2);
  static final Duration LONGEST_WAIT = Duration.ofMinutes(1);
  static final Duration FAILURE_TIME = Duration.ofMillis(400);

  /** Kept failures at most; the oldest go first (a flood of made-up accounts cannot fill the memory). */
  private static final int KEPT = 10_000;

  private record Failures(int count, long waitUntilNanos) {}

  private final Map<String, Failures> failures =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
          return size() > KEPT;
        }
      };

  @Override
  public <T> T execute(Command<T> command) {
    if (!(command instanceof CheckPassword)) {
      return next.execute(command);
    }
    long start = System.nanoTime();
    String source = source();
    String account =
        source
            + "\n"
            + String.valueOf(CommandFields.get(command, "userId")).toLowerCase(Locale.ROOT);
    boolean waiting;
    synchronized (failures) {
      waiting = isWaiting(account, start) || isWaiting(source, start);
    }
    T answer = waiting ? null : next.execute(command);
    if (Boolean.TRUE.equals(answer)) {
      synchronized (failures) {
        failures.remove(account);
        failures.remove(
            source); // a right password from there: the address is no sprayer (its guesses per
        // account still count)
      }
      return answer;
    }
    synchronized (failures) {
      fail(account, FREE_FAILURES, start);
      fail(source, FREE_SOURCE_FAILURES, start);
    }
    padTo(start);
    @SuppressWarnings("unchecked")
    T refused = (T) Boolean.FALSE;
    return refused;
  }

  private boolean isWaiting(String key, long now) {
    Failures kept = failures.get(key);
    return kept != null && kept.waitUntilNanos() - now > 0;
  }

  private void fail(String key, int free, long now) {
    Failures kept = failures.get(key);
    int count = kept == null ? 1 : kept.count() + 1;
    long wait = 0;
    if (count > free) {
      long doublings = Math.min(count - free - 1, 10);
      wait = Math.min(FIRST_WAIT.toNanos() << doublings, LONGEST_WAIT.toNanos());
    }
    failures.put(key, new Failures(count, now + wait));
  }

  private static void padTo(long start) {
    long left = FAILURE_TIME.toNanos() - (System.nanoTime() - start);
    if (left > 0) {
      try {
        Thread.sleep(Duration.ofNanos(left).toMillis(), (int) (left % 1_000_000));
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The caller's address as the servlet container gives it (behind a proxy: with forwarded headers configured). */
  private static String source() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
      return request.getRequest().getRemoteAddr();
    }
    return "local";
  }
}
