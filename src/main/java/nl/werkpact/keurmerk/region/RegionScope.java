package nl.werkpact.keurmerk.region;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The region the work on this thread belongs to: one region (its code, also its Camunda tenant id), all regions
 * (national and system work: the dispatcher, the public register, an admin), or none (a member of staff who belongs
 * to no region, who then reads and writes nothing of any). The app's data access reads it for every statement
 * ({@link RegionSql}); it is set where work enters: a web request from its user, a delegate from its process
 * instance's tenant, system work explicitly. A thread nobody set is system work: all regions.
 */
public final class RegionScope {

  /** All regions: national views and system work. */
  public static final String ALL = "*";

  /** No region: a user of no region, who gets nothing of any. */
  public static final String NONE = "-";

  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private RegionScope() {}

  /** This thread's scope: a region code, {@link #ALL} or {@link #NONE}. */
  public static String current() {
    String scope = CURRENT.get();
    return scope == null ? ALL : scope;
  }

  /** The one region this work belongs to, if it belongs to exactly one. */
  public static Optional<String> region() {
    String scope = current();
    return ALL.equals(scope) || NONE.equals(scope) ? Optional.empty() : Optional.of(scope);
  }

  /** Runs the work in the scope given, and restores the one before. */
  public static <T> T in(String scope, Supplier<T> work) {
    String before = CURRENT.get();
    CURRENT.set(scope);
    try {
      return work.get();
    } finally {
      if (before == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(before);
      }
    }
  }

  public static void run(String scope, Runnable work) {
    in(
        scope,
        () -> {
          work.run();
          return null;
        });
  }

  /** Sets the scope of a thread for the rest of its work (a request filter clears it with {@link #clear()}). */
  public static void set(String scope) {
    CURRENT.set(scope);
  }

  public static void clear() {
    CURRENT.remove();
  }
}
