package com.healthplan.va.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.h2.api.ErrorCode;
import org.h2.message.DbException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * D7: an embedded H2 database that closed itself for good (disk full) stops the node with the documented exit
 * code, once; errors that the pool or the database recover from do not.
 */
class FatalDatabaseErrorsTest {

  @TempDir Path dir;

  @Test
  void aFullDiskAndAClosedH2DatabaseAreFatalOtherErrorsAreNot() {
    assertThat(FatalDatabaseErrors.fatal(DbException.get(ErrorCode.DATABASE_IS_CLOSED).getSQLException())).isTrue();
    assertThat(FatalDatabaseErrors.fatal(DbException.get(ErrorCode.GENERAL_ERROR_1,
        new java.io.IOException("No space left on device"), "No space left on device").getSQLException())).isTrue();
    assertThat(FatalDatabaseErrors.fatal(DbException.get(ErrorCode.DUPLICATE_KEY_1, "x").getSQLException())).isFalse();
    assertThat(FatalDatabaseErrors.fatal(DbException.get(ErrorCode.SYNTAX_ERROR_1, "x").getSQLException())).isFalse();
    // a database server's own disk-full error: PostgreSQL recovers by itself once space is back
    assertThat(FatalDatabaseErrors.fatal(new SQLException("could not extend file: No space left on device",
        "53100"))).isFalse();
  }

  @Test
  void aPooledConnectionMeetingAClosedH2DatabaseStopsTheNodeOnce() throws Exception {
    List<Integer> exits = new CopyOnWriteArrayList<>();
    new FatalDatabaseExit(75, exits::add);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:file:" + dir.resolve("va").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
    config.setUsername("sa");
    config.setExceptionOverrideClassName(FatalDatabaseErrors.class.getName());
    config.setMaximumPoolSize(2);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      Connection kept = pool.getConnection();
      try (Statement statement = kept.createStatement()) {
        statement.execute("CREATE TABLE t (id INT)");
      }
      // as H2 does after "No space left on device": the database closes under the open connections
      try (Connection other = pool.getConnection(); Statement statement = other.createStatement()) {
        statement.execute("SHUTDOWN IMMEDIATELY");
      } catch (SQLException closing) {
        // the shutdown itself may answer with an error
      }
      for (int call = 0; call < 3; call++) {
        try (Statement statement = kept.createStatement()) {
          statement.executeQuery("SELECT COUNT(*) FROM t");
        } catch (SQLException expected) {
          // what every call answered before the fix, until a restart
        }
      }
      kept.close();
    }
    for (int wait = 0; wait < 50 && exits.isEmpty(); wait++) {
      Thread.sleep(100);
    }
    assertThat(exits).containsExactly(75);
  }
}
