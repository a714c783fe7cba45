package nl.werkpact.keurmerk.employer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.h2.Driver;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** V18: what was typed freely before ("vlaardingen ") is counted as the region's municipality after it. */
class MunicipalityMigrationTest {

  @Test
  void theRegionsMunicipalitiesAreStoredAsListedAndOthersOnlyTrimmed() {
    var ds = new SimpleDriverDataSource();
    ds.setDriverClass(Driver.class);
    ds.setUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    ds.setUsername("sa");
    var before =
        Arrays.stream(
                Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration")
                    .load()
                    .info()
                    .all())
            .map(MigrationInfo::getVersion)
            .filter(v -> !v.isAtLeast("18"))
            .max(Comparable::compareTo)
            .orElseThrow();
    Flyway.configure()
        .dataSource(ds)
        .locations("classpath:db/migration")
        .target(before)
        .load()
        .migrate();
    var jdbc = JdbcClient.create(ds);
    String[] typed = {"vlaardingen ", "Vlaardingen", " SCHIEDAM", "maassluis", "Rotterdam "};
    for (int i = 0; i < typed.length; i++) {
      jdbc.sql(
              """
              INSERT INTO employer (name, kvk_number, address, municipality, contact_person, contact_email,
                                    created_at, updated_at)
              VALUES (?, ?, 'Markt 1', ?, 'Contact', 'c@x.example', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
          .params("Werkgever " + i, "9000000" + i, typed[i])
          .update();
    }

    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();

    assertThat(
            jdbc.sql("SELECT municipality FROM employer ORDER BY kvk_number")
                .query(String.class)
                .list())
        .containsExactly("Vlaardingen", "Vlaardingen", "Schiedam", "Maassluis", "Rotterdam");
  }
}
