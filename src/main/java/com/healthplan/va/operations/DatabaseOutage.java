package com.healthplan.va.operations;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Whether the database could not be reached while the current request ran. The application's data source is
 * wrapped so that a connection that cannot be had marks the request; {@link DatabaseOutageFilter} then answers it
 * with 503, whichever API (case API, engine REST, webapps, login) asked for the connection and however that API
 * reports its own errors.
 */
final class DatabaseOutage {

  private static final ThreadLocal<boolean[]> REQUEST = new ThreadLocal<>();

  private DatabaseOutage() {
  }

  /** Starts watching the current request; returns the mark, read with {@link #happened}. */
  static boolean[] watch() {
    boolean[] mark = new boolean[1];
    REQUEST.set(mark);
    return mark;
  }

  static void stopWatching() {
    REQUEST.remove();
  }

  static boolean happened(boolean[] mark) {
    return mark[0];
  }

  private static void seen() {
    boolean[] mark = REQUEST.get();
    if (mark != null) {
      mark[0] = true;
    }
  }

  /** The data source as the application uses it: a connection that cannot be had marks the request. */
  static final class ObservedDataSource extends DelegatingDataSource {

    ObservedDataSource(DataSource pool) {
      super(pool);
    }

    @Override
    public Connection getConnection() throws SQLException {
      try {
        return super.getConnection();
      } catch (SQLException | RuntimeException unreachable) {
        seen();
        throw unreachable;
      }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      try {
        return super.getConnection(username, password);
      } catch (SQLException | RuntimeException unreachable) {
        seen();
        throw unreachable;
      }
    }
  }
}
