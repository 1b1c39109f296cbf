package com.healthplan.va.operations;

import com.healthplan.va.notification.PortTakenException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * A start that fails because a port is taken says so in one line naming the setting that moves it (the web port
 * {@code VA_HTTP_PORT}, the local mail sink's {@code VA_SMTP_PORT} and {@code VA_IMAP_PORT}), before Spring's
 * generic analysis, which names neither. Registered in {@code META-INF/spring.factories}.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PortTakenFailureAnalyzer implements FailureAnalyzer {

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof PortTakenException taken) {
        return analysis(taken.getMessage(), taken.setting(), taken.port(), taken);
      }
      if (cause instanceof PortInUseException inUse) {
        PortTakenException taken = new PortTakenException(inUse.getPort(), "the web port", "VA_HTTP_PORT");
        return analysis(taken.getMessage() + " The PCP links follow it (VA_PUBLIC_BASE_URL).", taken.setting(),
            taken.port(), inUse);
      }
    }
    return null;
  }

  private static FailureAnalysis analysis(String description, String setting, int port, Throwable cause) {
    int example = port < 55_000 ? port + 10_000 : 18_080;
    return new FailureAnalysis(description, "Start again with " + setting + "=<a free port>, e.g. " + setting + "="
        + example + " mvn spring-boot:run (README, \"Ports taken?\").", cause);
  }
}
