package nl.werkpact.keurmerk.models;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before regions, the engine's deployments, instances, tasks, jobs and history had no tenant, and Camunda shows data
 * without a tenant to every tenant. So before the first deployment into the regions' tenants, all of it becomes the
 * first region's: every {@code TENANT_ID_} that is empty in Camunda's tables is set to the first region, once (it
 * runs only while a deployment without a tenant exists). Camunda's migration API cannot move an instance into a
 * tenant, so this is done in its tables, before the engine has read any of them.
 */
final class TenantAdoption {

  private static final Logger LOG = LoggerFactory.getLogger(TenantAdoption.class);

  private TenantAdoption() {}

  static void adopt(ProcessEngine engine, String firstRegion) {
    DataSource dataSource = dataSource(engine);
    try (Connection connection = dataSource.getConnection()) {
      boolean before;
      try (var statement =
              connection.prepareStatement(
                  "SELECT COUNT(*) FROM ACT_RE_DEPLOYMENT WHERE TENANT_ID_ IS NULL");
          var rows = statement.executeQuery()) {
        rows.next();
        before = rows.getLong(1) > 0;
      }
      if (!before) {
        return;
      }
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        int changed = 0;
        for (String table : tablesWithATenant(connection)) {
          try (var update =
              connection.prepareStatement(
                  "UPDATE " + table + " SET TENANT_ID_ = ? WHERE TENANT_ID_ IS NULL")) {
            update.setString(1, firstRegion);
            changed += update.executeUpdate();
          }
        }
        connection.commit();
        LOG.info(
            "The engine's data of before regions ({} rows) now belongs to the first region, {}",
            changed,
            firstRegion);
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("The engine's data could not be given its region", e);
    }
  }

  /** The regions' codes, the first region first; only it when the table of regions is not there yet (first start). */
  static List<String> regionCodes(ProcessEngine engine, String firstRegion) {
    List<String> codes = new ArrayList<>();
    codes.add(firstRegion);
    try (Connection connection = dataSource(engine).getConnection();
        var statement = connection.prepareStatement("SELECT code FROM region ORDER BY code");
        var rows = statement.executeQuery()) {
      while (rows.next()) {
        if (!rows.getString(1).equals(firstRegion)) {
          codes.add(rows.getString(1));
        }
      }
    } catch (SQLException notYet) {
      // Flyway makes the table beside the engine's start; until then there is the first region
      // only.
    }
    return codes;
  }

  private static List<String> tablesWithATenant(Connection connection) throws SQLException {
    List<String> tables = new ArrayList<>();
    var meta = connection.getMetaData();
    String schema = connection.getSchema();
    for (String column : List.of("TENANT_ID_", "tenant_id_")) {
      try (var rows = meta.getColumns(null, schema, "%", column)) {
        while (rows.next()) {
          String table = rows.getString("TABLE_NAME");
          String upper = table.toUpperCase(Locale.ROOT);
          if ((upper.startsWith("ACT_RE_")
                  || upper.startsWith("ACT_RU_")
                  || upper.startsWith("ACT_HI_")
                  || upper.equals("ACT_GE_BYTEARRAY"))
              && !tables.contains(table)) {
            tables.add(table);
          }
        }
      }
    }
    return tables;
  }

  private static DataSource dataSource(ProcessEngine engine) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getDataSource();
  }
}
