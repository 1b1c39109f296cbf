package com.healthplan.va.operations;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of running the application (va.operations in application.yaml, explained in docs/operations.md).
 *
 * @param retryAfter what a 503 answered during a database outage tells the client to wait
 * @param fatalDatabaseExitCode the process's exit code when the database cannot recover by itself (H2 after a
 *     full disk), for the supervisor to restart it
 */
@ConfigurationProperties("va.operations")
record OperationsProperties(Duration retryAfter, int fatalDatabaseExitCode) {
}
