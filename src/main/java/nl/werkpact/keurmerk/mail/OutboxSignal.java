package nl.werkpact.keurmerk.mail;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Wakes the dispatcher when a transaction that queued an e-mail commits, so a quiet dispatcher sends within
 * milliseconds instead of at its next look (it still looks every second, for e-mails queued by another node).
 */
public class OutboxSignal {

  private final Object lock = new Object();
  private long generation;
  private boolean stopping;

  public void wake() {
    synchronized (lock) {
      generation++;
      lock.notifyAll();
    }
  }

  long generation() {
    synchronized (lock) {
      return generation;
    }
  }

  /** Waits until a wake after {@code seen}, or {@code max}. */
  void awaitAfter(long seen, Duration max) {
    waitUnless(() -> generation != seen, max);
  }

  /** A pause that only stopping cuts short (a backoff). */
  void sleep(Duration pause) {
    waitUnless(() -> false, pause);
  }

  private void waitUnless(BooleanSupplier woken, Duration max) {
    long end = System.nanoTime() + max.toNanos();
    synchronized (lock) {
      while (!stopping && !woken.getAsBoolean()) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          return;
        }
        try {
          lock.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  void wakeAll() {
    synchronized (lock) {
      stopping = true;
      generation++;
      lock.notifyAll();
    }
  }

  void reset() {
    synchronized (lock) {
      stopping = false;
    }
  }
}
