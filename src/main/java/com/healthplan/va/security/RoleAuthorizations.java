package com.healthplan.va.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import com.healthplan.va.casefile.CaseVariables;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * What each group of the contract may do, granted idempotently at every start. Everything not granted is
 * refused (Camunda authorization is enabled). Tasks are reached through candidate groups, for which the engine
 * grants access itself.
 */
@Component
class RoleAuthorizations {

  private static final String CASES = CaseVariables.PROCESS_KEY;
  private static final String ELIGIBILITY = CaseVariables.ELIGIBILITY_DECISION_KEY;

  private final AuthorizationService authorizations;

  RoleAuthorizations(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  void grantAll() {
    for (Resources resource : Resources.values()) {
      grant(CaseRoles.ADMINISTRATORS, resource, ANY, Permissions.ALL);
    }

    // nurses: Tasklist only; start cases (never a phase on its own), read them, work their candidate tasks
    grant(CaseRoles.NURSES, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(CaseRoles.NURSES, Resources.PROCESS_DEFINITION, CASES, Permissions.READ, Permissions.CREATE_INSTANCE,
        Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
    for (String phase : CaseVariables.PHASE_PROCESS_KEYS) {
      grant(CaseRoles.NURSES, Resources.PROCESS_DEFINITION, phase, Permissions.READ, Permissions.READ_INSTANCE,
          Permissions.READ_HISTORY);
    }
    grant(CaseRoles.NURSES, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    // the decisions run inside the steps a nurse completes (prescreen, payment limits); the command guard refuses
    // evaluating them directly
    grant(CaseRoles.NURSES, Resources.DECISION_DEFINITION, ELIGIBILITY, Permissions.READ,
        Permissions.CREATE_INSTANCE);
    grant(CaseRoles.NURSES, Resources.DECISION_DEFINITION, CaseVariables.PAYMENT_LIMITS_DECISION_KEY,
        Permissions.READ, Permissions.CREATE_INSTANCE);

    // coordinators: Tasklist and Cockpit; track every case and its tasks
    grant(CaseRoles.COORDINATORS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(CaseRoles.COORDINATORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    for (String process : CaseVariables.CASE_PROCESS_KEYS) {
      grant(CaseRoles.COORDINATORS, Resources.PROCESS_DEFINITION, process, Permissions.READ,
          Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.READ_TASK);
    }
    // scheduling asks vcfEligibility again, recording a procedure evaluates vaPaymentLimits (inside their steps)
    grant(CaseRoles.COORDINATORS, Resources.DECISION_DEFINITION, ELIGIBILITY, Permissions.READ,
        Permissions.READ_HISTORY, Permissions.CREATE_INSTANCE);
    grant(CaseRoles.COORDINATORS, Resources.DECISION_DEFINITION, CaseVariables.PAYMENT_LIMITS_DECISION_KEY,
        Permissions.READ, Permissions.READ_HISTORY, Permissions.CREATE_INSTANCE);
    grant(CaseRoles.COORDINATORS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grant(CaseRoles.COORDINATORS, Resources.DEPLOYMENT, ANY, Permissions.READ);
    // Cockpit's human-task view counts every task; coordinators track the cases' tasks (all tasks are case tasks)
    grant(CaseRoles.COORDINATORS, Resources.TASK, ANY, Permissions.READ);

    // medical directors: Tasklist; read cases, work their candidate tasks
    grant(CaseRoles.MEDICAL_DIRECTORS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    for (String process : CaseVariables.CASE_PROCESS_KEYS) {
      grant(CaseRoles.MEDICAL_DIRECTORS, Resources.PROCESS_DEFINITION, process, Permissions.READ,
          Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
    }

    grantProviderSystems();
  }

  /**
   * Providers' systems: start a case (the FHIR API's {@code Claim/$submit} does, on their behalf, so that the case's
   * history names who sent it) and nothing else: no webapp, no reading of any instance, task or decision. What they
   * may read of their own requests the FHIR API answers from its submission records.
   */
  private void grantProviderSystems() {
    grant(CaseRoles.PROVIDER_SYSTEMS, Resources.PROCESS_DEFINITION, CASES, Permissions.CREATE_INSTANCE);
    grant(CaseRoles.PROVIDER_SYSTEMS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    // the prescreen runs inside the start (the command guard refuses evaluating it directly); READ: the policy's
    // criteria are what the DTR Questionnaire publishes to them anyway, and it is read in their name
    grant(CaseRoles.PROVIDER_SYSTEMS, Resources.DECISION_DEFINITION, ELIGIBILITY, Permissions.READ,
        Permissions.CREATE_INSTANCE);
  }

  /** Grants the permissions to the group, adding to an existing grant rather than duplicating it. */
  void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId)
        .resourceType(resource).resourceId(resourceId).singleResult();
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    } else if (hasAll(authorization, permissions)) {
      return;
    }
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }

  private static boolean hasAll(Authorization authorization, Permission... permissions) {
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        return false;
      }
    }
    return true;
  }
}
