package nl.werkpact.keurmerk.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import javax.sql.DataSource;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.region.RegionDataSource;
import nl.werkpact.keurmerk.region.RegionScope;
import org.flywaydb.core.Flyway;
import org.h2.Driver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** A fresh H2 database with the project's migrations, for plain JUnit tests of the domain services. */
public final class InMemoryDatabase {

  public static final ZoneId AMSTERDAM = Dates.AMSTERDAM;

  /** The region the domain tests work in. */
  public static final String REGION = "mvs";

  public final DataSource dataSource;
  public final JdbcClient jdbc;
  public final DataSourceTransactionManager transactions;

  public InMemoryDatabase() {
    var ds = new SimpleDriverDataSource();
    ds.setDriverClass(Driver.class);
    ds.setUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    ds.setUsername("sa");
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    this.dataSource = ds;
    // as the app: every statement in the region of this test's work, MVS (RegionJdbcConfiguration)
    this.jdbc = JdbcClient.create(new JdbcTemplate(new RegionDataSource(ds)));
    RegionScope.set(REGION);
    this.transactions = new DataSourceTransactionManager(ds);
  }

  public static Clock clockAt(String isoInstant) {
    return Clock.fixed(Instant.parse(isoInstant), AMSTERDAM);
  }

  public long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }
}
