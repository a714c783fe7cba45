package nl.werkpact.keurmerk.region;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * The app's own data access: the same connections as the engine (inside a transaction, the very connection of that
 * transaction, so a delegate's records and the engine's state commit together), with every statement given this
 * thread's region by {@link RegionSql} before it reaches the database. Camunda and Flyway use the plain data source.
 */
public class RegionDataSource extends TransactionAwareDataSourceProxy {

  private static final Set<String> STATEMENT_SQL =
      Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch");

  public RegionDataSource(DataSource target) {
    super(target);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return regional(super.getConnection());
  }

  private static Connection regional(Connection connection) {
    return (Connection)
        Proxy.newProxyInstance(
            RegionDataSource.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            new Handler(connection, true));
  }

  private record Handler(Object target, boolean isConnection) implements InvocationHandler {

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      if (args != null && args.length > 0 && args[0] instanceof String sql) {
        boolean rewrites =
            isConnection
                ? name.equals("prepareStatement")
                    || name.equals("prepareCall")
                    || name.equals("nativeSQL")
                : STATEMENT_SQL.contains(name);
        if (rewrites) {
          args = args.clone();
          args[0] = RegionSql.forCurrentScope(sql);
        }
      }
      if (name.equals("unwrap") && args != null && args[0] instanceof Class<?> type) {
        if (type.isInstance(proxy)) {
          return proxy;
        }
      }
      Object result;
      try {
        result = method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      if (isConnection && name.equals("createStatement") && result instanceof Statement statement) {
        Class<?> type =
            statement instanceof CallableStatement
                ? CallableStatement.class
                : statement instanceof PreparedStatement
                    ? PreparedStatement.class
                    : Statement.class;
        return Proxy.newProxyInstance(
            RegionDataSource.class.getClassLoader(),
            new Class<?>[] {type},
            new Handler(statement, false));
      }
      return result;
    }
  }
}
