package com.healthplan.va.operations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * One node at a time through the start-up that writes shared rows: Flyway's migrations, the engine's schema creation
 * ({@code databaseSchemaUpdate} is not safe for two nodes creating tables at the same moment: PostgreSQL refuses
 * the second {@code CREATE TABLE} with a duplicate key in {@code pg_type}), then the deployment, users, groups,
 * authorizations and Tasklist filters, which are created only when missing. A PostgreSQL session advisory lock is
 * taken before the engine is built and released once the application is ready (or its start failed); a node that
 * dies on the way releases it with its connection. Any number of nodes may thus start at once on an empty
 * database. Other databases (the local H2 file, which one process opens at a time) need no lock.
 */
public class StartupLock extends AbstractProcessEnginePlugin implements ApplicationListener<ApplicationEvent> {

  private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);
  /** The application's advisory lock key ("VA start" in ASCII), shared by every node on one database. */
  static final long KEY = 0x5641_2073_7461_7274L;

  private final DataSource dataSource;
  private Connection held;

  public StartupLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    acquire();
  }

  @Override
  public void onApplicationEvent(ApplicationEvent event) {
    if (event instanceof ApplicationReadyEvent || event instanceof ApplicationFailedEvent
        || event instanceof ContextClosedEvent) {
      release();
    }
  }

  /** Waits for the lock on PostgreSQL; does nothing on other databases. */
  synchronized void acquire() {
    if (held != null) {
      return;
    }
    try {
      Connection connection = dataSource.getConnection();
      try {
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
          connection.close();
          return;
        }
        connection.setAutoCommit(true);
        long started = System.nanoTime();
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
          lock.setLong(1, KEY);
          lock.execute();
        }
        held = connection;
        LOG.info("Start-up lock taken after {} ms", (System.nanoTime() - started) / 1_000_000);
      } catch (SQLException | RuntimeException e) {
        connection.close();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not take the start-up lock on the database", e);
    }
  }

  synchronized void release() {
    if (held == null) {
      return;
    }
    try (Connection connection = held; PreparedStatement unlock =
        connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      unlock.setLong(1, KEY);
      unlock.execute();
      LOG.info("Start-up lock released");
    } catch (SQLException e) {
      // closing the session releases the lock as well
      LOG.warn("Start-up lock released by closing its connection ({})", e.getSQLState());
    } finally {
      held = null;
    }
  }
}
