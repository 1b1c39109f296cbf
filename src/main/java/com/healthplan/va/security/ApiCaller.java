package com.healthplan.va.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The authenticated caller of the application's own HTTP APIs (HTTP Basic, checked by the engine's
 * authentication filter before a controller runs) and the one check of its groups that every controller uses.
 */
@Component
public class ApiCaller {

  private final IdentityService identity;

  ApiCaller(IdentityService identity) {
    this.identity = identity;
  }

  /** Refuses the request ({@link RoleRequiredException}, answered 403) unless the caller is in one of the groups. */
  public void requireAnyOf(List<String> groups) {
    var authentication = identity.getCurrentAuthentication();
    List<String> callerGroups = authentication == null || authentication.getGroupIds() == null
        ? List.of() : authentication.getGroupIds();
    if (callerGroups.stream().noneMatch(groups::contains)) {
      throw new RoleRequiredException();
    }
  }

  /** The caller's groups (none without a login): what a page may show depends on them. */
  public List<String> groups() {
    var authentication = identity.getCurrentAuthentication();
    return authentication == null || authentication.getGroupIds() == null ? List.of()
        : List.copyOf(authentication.getGroupIds());
  }

  /** The authenticated caller's user id (as recorded on what the caller stores). */
  public String userId() {
    var authentication = identity.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw new RoleRequiredException();
    }
    return authentication.getUserId();
  }

  /** The caller has no role for what it asked: 403. */
  @ResponseStatus(HttpStatus.FORBIDDEN)
  public static class RoleRequiredException extends RuntimeException {
    RoleRequiredException() {
      super("The caller has no role for this request.");
    }
  }
}
