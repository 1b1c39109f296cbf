package com.healthplan.va.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.healthplan.va.VertebralAugmentationApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Outside the default profile the application refuses to start without an administrator: otherwise Admin's
 * initial-user set-up would let the first visitor create one. Own JVM (failsafe): the webapps register
 * themselves JVM-wide, so only one application may start per JVM.
 */
class AdministratorRequiredStartupIT {

  @Test
  void refusesToStartWithoutAnAdministratorOutsideTheDefaultProfile() {
    SpringApplicationBuilder application = new SpringApplicationBuilder(VertebralAugmentationApplication.class)
        .profiles("production");

    assertThatThrownBy(() -> {
      try (ConfigurableApplicationContext ignored = application.run(
          "--spring.datasource.url=jdbc:h2:mem:va-guard-admin;DB_CLOSE_DELAY=-1",
          "--server.port=0",
          "--camunda.bpm.job-execution.enabled=false",
          "--va.public-base-url=https://va.plan.example",
          "--va.follow-up.pcp-link-signing-key=a-deployment-key-of-at-least-32-characters")) {
        // must not get here: with no administrator, Admin's initial-user set-up would be open to anyone
      }
    }).satisfies(e -> assertThat(rootMessage(e))
        .contains("no administrator is configured")
        .contains("VA_ADMIN_USER"));
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
