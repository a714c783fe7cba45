package nl.werkpact.keurmerk.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.werkpact.keurmerk.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL keeps no statistics of any region table's region column, also not after ANALYZE (migration V34): every
 * statement of a region names its code as a literal, and the statistics of a moment before a region had rows made
 * that region count as one row, and its region index the way into every join (docs/performance.md). A table that
 * gets a region later needs its column in V34's list, or a migration of its own: this test names it.
 */
class RegionStatisticsIT extends IntegrationTest {

  @Test
  void noRegionColumnOfTheProjectsOwnTablesHasStatistics_alsoAfterAnalyze() throws Exception {
    List<String> withStatistics = new ArrayList<>();
    try (Connection db = POSTGRES.getDatabase("postgres", "postgres").getConnection();
        var sql = db.createStatement()) {
      for (Map.Entry<String, String> table : RegionSql.REGION_TABLES.entrySet()) {
        if (table.getKey().startsWith("act_")) {
          continue; // Camunda's own table, its schema is Camunda's
        }
        String column = table.getValue().toLowerCase(Locale.ROOT);
        sql.execute("ANALYZE " + table.getKey());
        try (ResultSet target =
            sql.executeQuery(
                "SELECT a.attstattarget, (SELECT COUNT(*) FROM pg_stats s WHERE s.tablename = '"
                    + table.getKey()
                    + "' AND s.attname = a.attname) FROM pg_attribute a WHERE a.attrelid = '"
                    + table.getKey()
                    + "'::regclass AND a.attname = '"
                    + column
                    + "'")) {
          assertThat(target.next()).as(table.getKey() + " has " + column).isTrue();
          if (target.getInt(1) != 0 || target.getLong(2) != 0) {
            withStatistics.add(table.getKey());
          }
        }
      }
    }
    assertThat(withStatistics).as("region tables whose region column has statistics").isEmpty();
  }
}
