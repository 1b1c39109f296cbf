package com.healthplan.va.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Users created at start-up: an administrator and, in the local default run, the demo users. */
@ConfigurationProperties("va.security")
public record IdentityProperties(Account admin, List<Account> users) {

  public IdentityProperties {
    users = users == null ? List.of() : List.copyOf(users);
  }

  /** A user account and the one case group it belongs to. */
  public record Account(String id, String password, String firstName, String lastName, String email,
      String group) {

    public boolean isConfigured() {
      return id != null && !id.isBlank();
    }
  }
}
