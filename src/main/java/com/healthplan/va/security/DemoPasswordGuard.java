package com.healthplan.va.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The contract's demo passwords are for the local default run only. With any profile active (a deployment),
 * the application refuses to start without an administrator ({@code VA_ADMIN_USER}, {@code VA_ADMIN_PASSWORD}):
 * with none, Admin's initial-user set-up would let the first visitor create one. It also refuses while a
 * configured account has a demo password, its user id as password, or a short or missing one.
 */
final class DemoPasswordGuard {

  static final Set<String> DEMO_PASSWORDS = Set.of("demo", "nurse1", "coord1", "md1", "md2", "provider1", "password", "admin");
  static final int MIN_LENGTH = 12;

  private DemoPasswordGuard() {
  }

  static void check(String[] activeProfiles, IdentityProperties identity) {
    if (activeProfiles.length == 0) {
      return; // the local default run
    }
    if (identity.admin() == null || !identity.admin().isConfigured()) {
      throw new IllegalStateException("Refusing to start with profile(s) " + Arrays.toString(activeProfiles)
          + ": no administrator is configured. Set VA_ADMIN_USER and VA_ADMIN_PASSWORD (at least " + MIN_LENGTH
          + " characters) for this deployment.");
    }
    List<IdentityProperties.Account> accounts = new ArrayList<>(identity.users());
    accounts.add(identity.admin());
    List<String> weak = accounts.stream().filter(DemoPasswordGuard::isWeak).map(IdentityProperties.Account::id)
        .toList();
    if (!weak.isEmpty()) {
      throw new IllegalStateException("Refusing to start with profile(s) " + Arrays.toString(activeProfiles)
          + ": user(s) " + weak + " have a demo, missing or short password (at least " + MIN_LENGTH
          + " characters). Set VA_ADMIN_PASSWORD and the users' passwords for this deployment.");
    }
  }

  private static boolean isWeak(IdentityProperties.Account account) {
    String password = account.password();
    return password == null
        || password.length() < MIN_LENGTH
        || DEMO_PASSWORDS.contains(password.toLowerCase())
        || password.equalsIgnoreCase(account.id());
  }
}
