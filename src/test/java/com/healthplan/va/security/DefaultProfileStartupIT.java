package com.healthplan.va.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.healthplan.va.VertebralAugmentationApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A deployment chosen through {@code spring.profiles.default} (no active profile) is a deployment, not the local
 * run: it gets no demo users, so it must refuse to start without an administrator. Own JVM (failsafe).
 */
class DefaultProfileStartupIT {

  @Test
  void aProfileChosenAsTheDefaultProfileIsADeployment() {
    SpringApplicationBuilder application = new SpringApplicationBuilder(VertebralAugmentationApplication.class);

    assertThatThrownBy(() -> {
      try (ConfigurableApplicationContext ignored = application.run(
          "--spring.profiles.default=prod",
          "--spring.datasource.url=jdbc:h2:mem:va-guard-default;DB_CLOSE_DELAY=-1",
          "--server.port=0",
          "--camunda.bpm.job-execution.enabled=false",
          "--va.follow-up.pcp-link-signing-key=a-deployment-key-of-at-least-32-characters",
          "--va.public-base-url=https://va.plan.example")) {
        // must not get here
      }
    }).satisfies(e -> {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      assertThat(root.getMessage()).contains("[prod]").contains("no administrator is configured");
    });
  }
}
