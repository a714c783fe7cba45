package db.migration;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * PostgreSQL keeps no statistics of {@code region_code}. Every statement of a region gets {@code region_code = '<code>'}
 * (region/RegionSql), and the planner read that literal in the column's statistics: a region those had not seen (one
 * onboarded and imported since the last ANALYZE, which a go-live of 1,000 lines into a table of 35,000 does not even
 * cause) counted as one row. Its index on {@code region_code} then looked like the best way into every join, so a
 * reminder round read all the region's employers and all its e-mails once for each keurmerk: 0.3 to 0.6 s per chunk
 * of 200, growing with the storm (auto_explain in the storm benchmark, 35 regions). Without statistics the planner
 * takes a region for a two-hundredth of a table (its default), and a join goes by its key. Changing the column to its
 * own type drops what ANALYZE gathered before (setting the target to 0 alone keeps it). H2 plans without these
 * statistics; there this migration does nothing.
 */
public class V34__region_without_statistics extends BaseJavaMigration {

  static final List<String> TABLES =
      List.of(
          "employer",
          "convenant",
          "audit",
          "keurmerk",
          "keurmerk_status_change",
          "membership",
          "correspondence",
          "correspondence_event",
          "employer_contact_change",
          "contact_proposal",
          "audit_figures_draft",
          "scan_contact_request",
          "task_escalation",
          "import_run",
          "keurmerk_number_counter",
          "reminder_round_lease",
          "network_meeting",
          "keurmerk_suspension",
          "ceremony",
          "ceremony_holder",
          "intent_request");

  @Override
  public void migrate(Context context) throws Exception {
    var connection = context.getConnection();
    if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
      return;
    }
    try (Statement sql = connection.createStatement()) {
      for (String table : TABLES) {
        String type;
        try (ResultSet column =
            sql.executeQuery(
                "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '"
                    + table
                    + "'::regclass AND attname = 'region_code'")) {
          column.next();
          type = column.getString(1);
        }
        sql.execute("ALTER TABLE " + table + " ALTER COLUMN region_code SET STATISTICS 0");
        sql.execute("ALTER TABLE " + table + " ALTER COLUMN region_code TYPE " + type);
      }
    }
  }
}
