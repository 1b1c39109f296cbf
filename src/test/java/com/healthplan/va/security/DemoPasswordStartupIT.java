package com.healthplan.va.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.healthplan.va.VertebralAugmentationApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application itself refuses to start outside the default profile while a demo password is configured.
 * An integration test (own JVM, failsafe): the webapps register themselves JVM-wide, so a second application
 * must not start beside the other tests' one.
 */
class DemoPasswordStartupIT {

  @Test
  void refusesToStartWithADemoPasswordOutsideTheDefaultProfile() {
    SpringApplicationBuilder application = new SpringApplicationBuilder(VertebralAugmentationApplication.class)
        .profiles("staging");

    assertThatThrownBy(() -> {
      try (ConfigurableApplicationContext ignored = application.run(
          "--spring.datasource.url=jdbc:h2:mem:va-guard;DB_CLOSE_DELAY=-1",
          "--server.port=0",
          "--camunda.bpm.job-execution.enabled=false",
          "--va.public-base-url=https://va.plan.example",
          "--va.follow-up.pcp-link-signing-key=a-deployment-key-of-at-least-32-characters",
          "--va.security.admin.id=demo",
          "--va.security.admin.password=demo")) {
        // must not get here
      }
    }).satisfies(e -> assertThat(rootMessage(e))
        .contains("Refusing to start with profile(s) [staging]")
        .contains("user(s) [demo]")
        .doesNotContain("password=demo"));
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
