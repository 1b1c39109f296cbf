package com.healthplan.va.fhir;

import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * The authenticated caller of the FHIR API (HTTP Basic, checked by the engine's authentication filter before the
 * servlet runs) and the check of its groups, answered as FHIR answers it: 401 or 403 with an OperationOutcome.
 */
@Component
class FhirCaller {

  private final IdentityService identity;

  FhirCaller(IdentityService identity) {
    this.identity = identity;
  }

  /** The caller's user id when it is in one of the groups; 403 otherwise. */
  String requireAnyOf(List<String> groups) {
    var authentication = identity.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw new AuthenticationException("Sign in with the credentials of your provider system.");
    }
    List<String> callerGroups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    if (callerGroups.stream().noneMatch(groups::contains)) {
      throw new ForbiddenOperationException("Your account may not use this part of the FHIR API.");
    }
    return authentication.getUserId();
  }
}
