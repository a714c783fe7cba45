package nl.werkpact.keurmerk.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A refused input leaves no stack trace in the log; a real engine error still does. */
class RefusalLogFilterTest {

  @Test
  void refusalsWrappedByTheEngineAreNotLoggedAsErrorsButRealErrorsAre() {
    RefusalLogFilter.install();
    Logger engineLog = (Logger) LoggerFactory.getLogger("org.camunda.bpm.engine.context");
    var appender = new ListAppender<ILoggingEvent>();
    appender.start();
    engineLog.addAppender(appender);
    try {
      engineLog.error(
          "ENGINE-16004 Exception while closing command context: {}",
          "x",
          new ProcessEngineException(
              "ENGINE-03051 TaskListener",
              new InvalidRequestException("Datum intakegesprek is verplicht.")));
      engineLog.error(
          "ENGINE-16004 Exception while closing command context",
          new ProcessEngineException("database is down"));
    } finally {
      engineLog.detachAppender(appender);
    }

    assertThat(appender.list)
        .singleElement()
        .satisfies(
            event ->
                assertThat(event.getThrowableProxy().getMessage()).isEqualTo("database is down"));
  }
}
