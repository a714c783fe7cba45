package nl.werkpact.keurmerk.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/** Which of the two databases the app runs on, for the few statements that must be written per dialect. */
public final class Database {

  private Database() {}

  /** Whether this is PostgreSQL (production); otherwise it is the embedded H2 of the local default. */
  public static boolean isPostgres(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return connection
          .getMetaData()
          .getDatabaseProductName()
          .toLowerCase(Locale.ROOT)
          .contains("postgres");
    } catch (SQLException e) {
      return false;
    }
  }
}
