package com.healthplan.va.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.healthplan.va.support.TemporaryPostgres;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * D1: two nodes started at the same instant on one empty PostgreSQL both come up, ten rounds, each on a new empty
 * database: each migrates the application's tables with Flyway and then builds its engine, as the application does
 * (Flyway under the start-up lock, then the engine's schema). Without the lock one of them regularly died in the
 * engine's own DDL (duplicate key in pg_type), or at Flyway's baseline of a history table the other had just made. The whole application's simultaneous start is in
 * {@link TwoNodeClusterIT}.
 */
class SimultaneousFirstStartIT {

  private static final int ROUNDS = 10;

  @Test
  void twoEnginesStartingAtOnceOnAnEmptyDatabaseBothComeUp() throws Exception {
    try (TemporaryPostgres postgres = TemporaryPostgres.start()) {
      for (int round = 0; round < ROUNDS; round++) {
        String url = postgres.createDatabase("first_start_" + round);
        List<HikariDataSource> pools = List.of(pool(url), pool(url));
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<ProcessEngine>> engines = new ArrayList<>();
        try {
          for (int node = 0; node < 2; node++) {
            HikariDataSource pool = pools.get(node);
            String name = "round" + round + "node" + node;
            engines.add(threads.submit(() -> {
              StartupLock lock = new StartupLock(pool);
              together.await(10, TimeUnit.SECONDS);
              // the application's FlywayMigrationStrategy: the lock, then the application's migrations
              lock.acquire();
              Flyway.configure().dataSource(pool).locations("classpath:db/migration").baselineOnMigrate(true)
                  .baselineVersion("0").load().migrate();
              StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
              configuration.setProcessEngineName(name);
              configuration.setDataSource(pool);
              configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
              configuration.setJobExecutorActivate(false);
              configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
              // both engines reach their schema check at the same instant (the engine's own set-up before it
              // takes unequal time); with the lock the second waits for the first, so the meeting times out
              ProcessEnginePlugin meet = new AbstractProcessEnginePlugin() {
                @Override
                public void postInit(ProcessEngineConfigurationImpl ignored) {
                  try {
                    together.await(3, TimeUnit.SECONDS);
                  } catch (TimeoutException | BrokenBarrierException held) {
                    // the other engine waits for the lock
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                }
              };
              configuration.setProcessEnginePlugins(new ArrayList<>(List.of(lock, meet)));
              try {
                return configuration.buildProcessEngine();
              } finally {
                lock.release(); // as the application does once it is ready
              }
            }));
          }
          for (Future<ProcessEngine> engine : engines) {
            ProcessEngine started = engine.get();
            assertThat(started.getManagementService().getTableCount()).containsKey("ACT_GE_PROPERTY");
            try (var connection = pools.get(0).getConnection(); var count = connection.createStatement()
                .executeQuery("select count(*) from flyway_schema_history where success")) {
              count.next();
              assertThat(count.getInt(1)).as("each migration applied once").isPositive();
            }
            started.close();
          }
        } finally {
          threads.shutdownNow();
          pools.forEach(HikariDataSource::close);
        }
      }
    }
  }

  private static HikariDataSource pool(String url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(TemporaryPostgres.USER);
    config.setMaximumPoolSize(5);
    return new HikariDataSource(config);
  }
}
