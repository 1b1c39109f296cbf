package com.healthplan.va.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.healthplan.va.notification.PortTakenException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/** A port already in use fails the start with one line naming the setting that moves it. No application context. */
class PortTakenFailureAnalyzerTest {

  private final PortTakenFailureAnalyzer analyzer = new PortTakenFailureAnalyzer();

  @Test
  void theWebPortNamesVaHttpPort() {
    FailureAnalysis analysis = analyzer.analyze(new IllegalStateException("start failed", new PortInUseException(8080)));

    assertThat(analysis.getDescription()).isEqualTo("Port 8080 (the web port) is already in use: set VA_HTTP_PORT "
        + "to a free port, or stop the program that uses it. The PCP links follow it (VA_PUBLIC_BASE_URL).");
    assertThat(analysis.getAction()).contains("VA_HTTP_PORT=18080 mvn spring-boot:run");
  }

  @Test
  void theMailSinksPortsNameTheirSettings() {
    FailureAnalysis analysis = analyzer.analyze(new RuntimeException("bean creation failed",
        new PortTakenException(3025, "the local mail sink's SMTP port", "VA_SMTP_PORT")));

    assertThat(analysis.getDescription()).startsWith("Port 3025 (the local mail sink's SMTP port) is already in use: "
        + "set VA_SMTP_PORT");
    assertThat(analyzer.analyze(new IllegalStateException("something else"))).isNull();
  }

  @Test
  @SuppressWarnings("deprecation") // the names only: the other analyzers need a bean factory to be made
  void springBootFindsIt() {
    assertThat(SpringFactoriesLoader.loadFactoryNames(FailureAnalyzer.class, getClass().getClassLoader()))
        .contains(PortTakenFailureAnalyzer.class.getName());
  }
}
