package nl.werkpact.keurmerk.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * A refused input is the user's to fix, not an error of the system: the engine and its REST layer would log each one
 * at ERROR or WARN with a stack trace ("ENGINE-16004 Exception while closing command context", "ENGINE-REST-HTTP500"),
 * drowning real errors. Those events are dropped here; {@link CommandGuard} logs each refusal as one line at INFO.
 */
public final class RefusalLogFilter extends TurboFilter {

  public static void install() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
        && context.getTurboFilterList().stream().noneMatch(RefusalLogFilter.class::isInstance)) {
      context.addTurboFilter(new RefusalLogFilter());
    }
  }

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    Throwable thrown = t;
    if (thrown == null
        && params != null
        && params.length > 0
        && params[params.length - 1] instanceof Throwable last) {
      thrown = last;
    }
    if (level != null
        && level.isGreaterOrEqual(Level.WARN)
        && logger.getName().startsWith("org.camunda")) {
      for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
        if (cause instanceof InvalidRequestException) {
          return FilterReply.DENY;
        }
      }
    }
    return FilterReply.NEUTRAL;
  }
}
