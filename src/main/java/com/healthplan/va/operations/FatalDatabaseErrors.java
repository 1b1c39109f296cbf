package com.healthplan.va.operations;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Hikari's judge of every SQL error on a pooled connection: an embedded H2 database that hit a full disk closes
 * itself for good (every later call, reads included, fails until the process restarts, even once space is free),
 * so such an error stops the node with a clear message ({@link FatalDatabaseExit}) for its supervisor to start it
 * again. Errors of a database server (PostgreSQL) are never fatal: the pool reconnects once it is back.
 * Configured by class name (spring.datasource.hikari.exception-override-class-name).
 */
public class FatalDatabaseErrors implements SQLExceptionOverride {

  /** H2's "database is closed" and "called at shutdown" codes: what every call answers after the closing error. */
  private static final int H2_DATABASE_IS_CLOSED = 90098;
  private static final int H2_DATABASE_CALLED_AT_SHUTDOWN = 90121;

  @java.lang.Override
  public Override adjudicate(SQLException error) {
    if (fatal(error)) {
      FatalDatabaseExit.databaseLost("the embedded H2 database closed itself after an error it does not recover "
          + "from (" + (error.getErrorCode() == 0 ? "no code" : "H2 code " + error.getErrorCode()) + ")");
      return Override.MUST_EVICT;
    }
    return Override.CONTINUE_EVICT;
  }

  static boolean fatal(SQLException error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (!cause.getClass().getName().startsWith("org.h2.")) {
        continue;
      }
      if (cause instanceof SQLException sql && (sql.getErrorCode() == H2_DATABASE_IS_CLOSED
          || sql.getErrorCode() == H2_DATABASE_CALLED_AT_SHUTDOWN)) {
        return true;
      }
      String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
      if (message.contains("no space left on device") || message.contains("disk full")
          || message.contains("there is not enough space on the disk")) {
        return true;
      }
    }
    return false;
  }
}
