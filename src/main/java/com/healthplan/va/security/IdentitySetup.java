package com.healthplan.va.security;

import java.util.Arrays;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Creates the contract's groups, the configured users, the groups' authorizations and the shared Tasklist
 * filters, idempotently, before the application takes requests. Existing users are left as they are (their
 * passwords are managed in Admin from then on).
 */
@Component
class IdentitySetup implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySetup.class);

  private final IdentityService identity;
  private final IdentityProperties properties;
  private final RoleAuthorizations authorizations;
  private final TasklistFilters filters;
  private final Environment environment;

  IdentitySetup(IdentityService identity, IdentityProperties properties, RoleAuthorizations authorizations,
      TasklistFilters filters, Environment environment) {
    this.identity = identity;
    this.properties = properties;
    this.authorizations = authorizations;
    this.filters = filters;
    this.environment = environment;
  }

  @Override
  public void afterSingletonsInstantiated() {
    DemoPasswordGuard.check(deploymentProfiles(), properties);
    createGroup(CaseRoles.ADMINISTRATORS, "Administrators", "SYSTEM");
    createGroup(CaseRoles.NURSES, "Utilization-management nurses", "WORKFLOW");
    createGroup(CaseRoles.COORDINATORS, "Follow-up coordinators", "WORKFLOW");
    createGroup(CaseRoles.MEDICAL_DIRECTORS, "Medical directors", "WORKFLOW");
    createGroup(CaseRoles.PROVIDER_SYSTEMS, "Providers' systems (FHIR Prior Authorization API)", "SYSTEM");
    if (properties.admin() != null && properties.admin().isConfigured()) {
      createUser(properties.admin(), CaseRoles.ADMINISTRATORS);
    }
    for (IdentityProperties.Account account : properties.users()) {
      createUser(account, account.group());
    }
    authorizations.grantAll();
    filters.createOrUpdate();
    if (identity.createUserQuery().memberOfGroup(CaseRoles.ADMINISTRATORS).count() == 0) {
      // without one, Admin's initial-user set-up would let the first visitor create an administrator
      throw new IllegalStateException("Refusing to start: no user belongs to " + CaseRoles.ADMINISTRATORS
          + ". Set VA_ADMIN_USER and VA_ADMIN_PASSWORD.");
    }
  }

  private String[] deploymentProfiles() {
    return LocalRun.deploymentProfiles(environment);
  }

  private void createGroup(String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    }
  }

  private void createUser(IdentityProperties.Account account, String groupId) {
    if (!CaseRoles.ALL.contains(groupId) && !CaseRoles.PROVIDER_SYSTEMS.equals(groupId)) {
      throw new IllegalStateException("User " + account.id() + " must belong to one of " + CaseRoles.ALL + " or "
          + CaseRoles.PROVIDER_SYSTEMS);
    }
    if (identity.createUserQuery().userId(account.id()).count() == 0) {
      User user = identity.newUser(account.id());
      user.setPassword(account.password());
      user.setFirstName(account.firstName());
      user.setLastName(account.lastName());
      user.setEmail(account.email());
      identity.saveUser(user);
      LOG.info("Created user {}", account.id());
    }
    if (identity.createUserQuery().userId(account.id()).memberOfGroup(groupId).count() == 0) {
      identity.createMembership(account.id(), groupId);
    }
  }
}
