package nl.werkpact.keurmerk.region;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The app's {@code JdbcTemplate}, and so its {@code NamedParameterJdbcTemplate} and the {@code JdbcClient} Spring
 * Boot builds on it, run on {@link RegionDataSource}: every repository's statement gets its region there.
 */
@Configuration(proxyBeanMethods = false)
class RegionJdbcConfiguration {

  @Bean
  JdbcTemplate jdbcTemplate(DataSource dataSource) {
    return new JdbcTemplate(new RegionDataSource(dataSource));
  }

  @Bean
  NamedParameterJdbcTemplate namedParameterJdbcTemplate(JdbcTemplate jdbcTemplate) {
    return new NamedParameterJdbcTemplate(jdbcTemplate);
  }
}
