package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The public register lists holders by name, case-insensitive ({@code ORDER BY LOWER(e.name)}): on PostgreSQL an index
 * on that expression lets a page read its 25 rows in name order instead of sorting every holder of the country. H2,
 * the embedded default, has no indexes on expressions and needs none at its size; there this migration does nothing.
 */
public class V23__register_name_order extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    var connection = context.getConnection();
    if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
      return;
    }
    try (Statement sql = connection.createStatement()) {
      sql.execute("CREATE INDEX ix_employer_lower_name ON employer (LOWER(name))");
    }
  }
}
