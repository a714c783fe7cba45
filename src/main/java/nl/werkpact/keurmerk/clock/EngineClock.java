package nl.werkpact.keurmerk.clock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import nl.werkpact.keurmerk.common.Dates;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The domain's clock follows the engine clock, so that moving the engine clock in a test (or in the
 * local demo) moves award dates, validity and timers together. Zone: Europe/Amsterdam (common/Dates).
 */
public final class EngineClock extends Clock {

  private final ZoneId zone;

  public EngineClock() {
    this(Dates.AMSTERDAM);
  }

  private EngineClock(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new EngineClock(zone);
  }

  @Override
  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
