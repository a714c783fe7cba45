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

  /**
   * A date or moment read from either database, whichever type its driver gives, as a page shows it: a moment as
   * Amsterdam local time, a day as a LocalDate; any other value as it is.
   */
  public static Object amsterdamLocal(Object value) {
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toInstant().atZone(Dates.AMSTERDAM).toLocalDateTime();
    }
    if (value instanceof java.time.OffsetDateTime moment) {
      return moment.atZoneSameInstant(Dates.AMSTERDAM).toLocalDateTime();
    }
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate();
    }
    return value;
  }

  /**
   * Runs an INSERT and answers the id the database generated for the row, on both databases (H2 has no {@code
   * RETURNING}; the JDBC driver's generated keys work on either).
   */
  public static long insertedId(
      org.springframework.jdbc.core.simple.JdbcClient.StatementSpec insert) {
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    insert.update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }
}
