package com.healthplan.va.security;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.digest.PasswordManager;

/**
 * An unknown user and a wrong password take the same time: the engine checks no password for a user it does not
 * know, so after a failure for such a user a stored hash is checked in its place (same hashing, same cost).
 */
final class PasswordTiming {

  private final Supplier<IdentityService> identity;
  private final Supplier<PasswordManager> passwords;
  private volatile String standIn;

  PasswordTiming(Supplier<IdentityService> identity, Supplier<PasswordManager> passwords) {
    this.identity = identity;
    this.passwords = passwords;
  }

  /** After a failed check: whether the user exists; for one that does not, as much work as a wrong password. */
  boolean afterFailure(String userId, String password) {
    boolean exists = identity.get().createUserQuery().userId(userId).count() > 0;
    if (!exists) {
      passwords.get().check(password == null ? "" : password, standIn());
    }
    return exists;
  }

  private String standIn() {
    String hash = standIn;
    if (hash == null) {
      hash = passwords.get().encrypt(Long.toString(System.nanoTime()));
      standIn = hash;
    }
    return hash;
  }
}
