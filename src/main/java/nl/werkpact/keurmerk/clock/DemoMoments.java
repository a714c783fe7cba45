package nl.werkpact.keurmerk.clock;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Moments the demo clock's "volgende" steps to besides the engine's own timers: work a periodic round does when its
 * moment comes (a reminder is due at 09:00 on its day, and the next quarter-hourly round sends it).
 */
public interface DemoMoments {

  /** The first such moment after {@code now}, if any. */
  Optional<Instant> nextAfter(Instant now);

  /** Processes whose timer is such a round (every quarter of an hour), not an event of its own to step to. */
  Set<String> roundProcesses();
}
