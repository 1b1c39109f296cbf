package com.healthplan.va.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DemoPasswordGuardTest {

  static IdentityProperties.Account account(String id, String password) {
    return new IdentityProperties.Account(id, password, null, null, null, CaseRoles.NURSES);
  }

  static IdentityProperties identity(String adminPassword, IdentityProperties.Account... users) {
    return new IdentityProperties(account("admin", adminPassword), List.of(users));
  }

  @Test
  void theLocalDefaultRunMayUseTheDemoPasswords() {
    assertThatCode(() -> DemoPasswordGuard.check(new String[0],
        identity("demo", account("nurse1", "nurse1")))).doesNotThrowAnyException();
  }

  @Test
  void anyOtherProfileRefusesDemoMissingOrWeakPasswords() {
    String[] deployment = {"postgres"};
    for (String weak : List.of("demo", "nurse1", "coord1", "md1", "DEMO", "short-pw", "")) {
      assertThatThrownBy(() -> DemoPasswordGuard.check(deployment, identity(weak)))
          .as(weak).isInstanceOf(IllegalStateException.class).hasMessageContaining("[admin]");
    }
    assertThatThrownBy(() -> DemoPasswordGuard.check(deployment, identity(null)))
        .hasMessageContaining("[admin]");
    assertThatThrownBy(() -> DemoPasswordGuard.check(deployment,
        identity("a-long-admin-secret", account("nurse7", "nurse7nurse7"), account("nurse8", "nurse8"))))
        .hasMessageContaining("[nurse8]").hasMessageNotContaining("nurse7");
  }

  @Test
  void anyOtherProfileRefusesToStartWithoutAnAdministrator() {
    IdentityProperties noAdministrator = new IdentityProperties(
        new IdentityProperties.Account("", "", null, null, null, null), List.of(account("nurse7", "another long secret")));

    for (IdentityProperties identity : List.of(noAdministrator, new IdentityProperties(null, List.of()))) {
      assertThatThrownBy(() -> DemoPasswordGuard.check(new String[] {"production"}, identity))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("no administrator is configured")
          .hasMessageContaining("VA_ADMIN_USER").hasMessageContaining("VA_ADMIN_PASSWORD");
    }
  }

  @Test
  void aPasswordEqualToTheUserIdIsRefused() {
    assertThatThrownBy(() -> DemoPasswordGuard.check(new String[] {"prod"},
        identity("a-long-admin-secret", account("a-long-user-name", "A-LONG-USER-NAME"))))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void strongPasswordsPass() {
    assertThatCode(() -> DemoPasswordGuard.check(new String[] {"postgres"},
        identity("correct horse battery staple", account("nurse7", "another long secret"))))
        .doesNotThrowAnyException();
  }
}
