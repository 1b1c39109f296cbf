package com.healthplan.va.security;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The people of a case by name, as pages show them: a physician as "Dr. Maya Chen", anyone else by first and last
 * name; the application's own steps as "the application", the PCP's link as "the PCP". A user id is shown only
 * for an account that no longer exists.
 */
@Component
public class PeopleNames {

  /** The timeline's actor of the application's own steps, and of the PCP's signed link. */
  public static final String SYSTEM = "system";
  public static final String PCP = "pcp";

  private final IdentityService identity;

  PeopleNames(IdentityService identity) {
    this.identity = identity;
  }

  public String of(String userId) {
    if (userId == null || SYSTEM.equals(userId)) {
      return "the application";
    }
    if (PCP.equals(userId)) {
      return "the PCP";
    }
    return lookUp(userId);
  }

  /** A namer for one page, which names the same few people many times: each is looked up once. */
  public Function<String, String> forOnePage() {
    Map<String, String> names = new HashMap<>();
    return userId -> userId == null ? of(null) : names.computeIfAbsent(userId, this::of);
  }

  /**
   * A physician by name as notices name the reviewer ("Dr. Maya Chen"), whether or not still in the group;
   * empty when the user is unknown or has no last name. Looked up as the caller may (notices run in jobs).
   */
  public Optional<String> physician(String userId) {
    return userId == null ? Optional.empty() : fullName(userId).map(name -> "Dr. " + name);
  }

  private String lookUp(String userId) {
    return withoutReadersAuthorizations(() -> fullName(userId).map(name -> identity.createGroupQuery()
        .groupMember(userId).groupId(CaseRoles.MEDICAL_DIRECTORS).count() > 0 ? "Dr. " + name : name)
        .orElse(userId));
  }

  private <T> T withoutReadersAuthorizations(java.util.function.Supplier<T> lookup) {
    // a page names the staff who worked the case, whoever reads it: not limited by the reader's authorizations
    // on users (a coordinator may not list users, yet reads who decided); the reader's sign-in is put back after
    Authentication reader = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return lookup.get();
    } finally {
      if (reader != null) {
        identity.setAuthentication(reader);
      }
    }
  }

  private Optional<String> fullName(String userId) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null || user.getLastName() == null || user.getLastName().isBlank()) {
      return Optional.empty();
    }
    return Optional.of((user.getFirstName() == null || user.getFirstName().isBlank() ? "" : user.getFirstName() + " ")
        + user.getLastName());
  }
}
