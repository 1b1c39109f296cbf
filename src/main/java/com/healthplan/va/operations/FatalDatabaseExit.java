package com.healthplan.va.operations;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * Stops the node when its database cannot recover by itself, with one clear log line and the documented exit
 * code (va.operations.fatal-database-exit-code, docs/operations.md), so that systemd, Docker or Kubernetes starts
 * it again on a database that opens cleanly. A node left running would answer every call with an error.
 */
@Component
class FatalDatabaseExit implements ApplicationListener<ContextClosedEvent> {

  private static final Logger LOG = LoggerFactory.getLogger(FatalDatabaseExit.class);
  /** A shutdown that hangs on the broken database is cut short. */
  private static final Duration SHUTDOWN_LIMIT = Duration.ofSeconds(20);
  private static volatile FatalDatabaseExit current;

  private final AtomicBoolean stopping = new AtomicBoolean();
  private final int exitCode;
  private final IntConsumer terminator;

  @Autowired
  FatalDatabaseExit(ApplicationContext context, OperationsProperties properties) {
    this(properties.fatalDatabaseExitCode(), code -> {
      Thread watchdog = new Thread(() -> {
        sleep(SHUTDOWN_LIMIT);
        Runtime.getRuntime().halt(code);
      }, "va-fatal-database-watchdog");
      watchdog.setDaemon(true);
      watchdog.start();
      System.exit(SpringApplication.exit(context, () -> code));
    });
  }

  FatalDatabaseExit(int exitCode, IntConsumer terminator) {
    this.exitCode = exitCode;
    this.terminator = terminator;
    current = this;
  }

  /** Called from the pool's judge of SQL errors, on whichever thread met the error. */
  static void databaseLost(String why) {
    FatalDatabaseExit exit = current;
    if (exit != null) {
      exit.stop(why);
    }
  }

  void stop(String why) {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    LOG.error("Stopping this node (exit code {}): {}. Free disk space if it is full; the supervisor starts the "
        + "node again and the database reopens from its last commit (docs/operations.md).", exitCode, why);
    Thread stopper = new Thread(() -> terminator.accept(exitCode), "va-fatal-database-exit");
    stopper.start();
  }

  @Override
  public void onApplicationEvent(ContextClosedEvent event) {
    // the database closes with the application: what it answers then is no reason to exit
    stopping.set(true);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
