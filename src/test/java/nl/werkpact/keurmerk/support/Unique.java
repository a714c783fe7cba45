package nl.werkpact.keurmerk.support;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Values no other test of this run uses: KvK numbers, serials of keurmerk numbers, suffixes of names and addresses,
 * region prefixes. Every integration test shares one database and one mail server per run (both fresh each run), so a
 * value drawn at random collides now and then (a red run on a fresh clone: two keurmerken numbered alike by chance);
 * these come from counters of the test JVM and never do. The ranges stay clear of the fixed values the tests and the
 * demo use (KvK 9000000x, 91xxxxxx, 47000001; keurmerk serials the app issues from 0001).
 */
public final class Unique {

  private static final AtomicInteger KVK = new AtomicInteger(60_000_000);
  private static final AtomicInteger SUFFIX = new AtomicInteger(100_000);
  private static final AtomicInteger SERIAL = new AtomicInteger(1_000);
  private static final AtomicInteger LETTERS = new AtomicInteger();

  private Unique() {}

  /** A KvK number of eight digits. */
  public static String kvk() {
    return String.valueOf(KVK.incrementAndGet());
  }

  /** The first of {@code size} consecutive KvK numbers, all for the caller. */
  public static int kvkBlock(int size) {
    return KVK.getAndAdd(size) + 1;
  }

  /** Six digits for a name, an e-mail address or a user id. */
  public static int suffix() {
    return SUFFIX.incrementAndGet();
  }

  /** Four digits, 1001 to 9999: the serial of a keurmerk number such as SW-2099-1234, or a region code. */
  public static int serial() {
    return serialBlock(1);
  }

  /** The first of {@code size} consecutive serials, all for the caller. */
  public static int serialBlock(int size) {
    int first = SERIAL.getAndAdd(size) + 1;
    if (first + size > 10_000) {
      throw new IllegalStateException("the tests of one run used up the four-digit serials");
    }
    return first;
  }

  /** Two capital letters, for a region's number prefix. */
  public static String letters() {
    int n = LETTERS.getAndIncrement() % (26 * 26);
    return "" + (char) ('A' + n / 26) + (char) ('A' + n % 26);
  }
}
