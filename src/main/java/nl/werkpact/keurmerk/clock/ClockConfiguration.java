package nl.werkpact.keurmerk.clock;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  /** The domain's clock: the engine's, which a test or the demo may move. */
  @Bean
  Clock clock() {
    return new EngineClock();
  }

  /** The clock every node shares, for leases, due times and retries (never moved by the demo). */
  @Bean
  DatabaseClock databaseClock(DataSource dataSource) {
    return new DatabaseClock(dataSource);
  }
}
