package com.healthplan.va.determination;

import com.healthplan.va.casefile.CaseLifecycle;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.security.CaseRoles;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Create listener of the physicians' tasks ("Review as medical director", "Review appeal"): when every member of
 * the medical directors group is excluded from this decision (each denied this request before, or there is no
 * member at all), nobody may work the task. An administrator is told at once: an incident on the task's execution
 * in Cockpit, naming the case and what to do, and one WARN line. The task stays offered to the group, so a
 * physician added in Admin may take it immediately; the administrator then resolves the incident.
 */
@Component("physicianAvailability")
class PhysicianAvailabilityListener implements TaskListener {

  /** The incident type administrators find in Cockpit. */
  static final String NO_PHYSICIAN_INCIDENT = "noPhysicianMayDecide";

  private static final Logger LOG = LoggerFactory.getLogger(PhysicianAvailabilityListener.class);

  private final CaseRepository cases;
  private final CaseLifecycle lifecycle;
  private final IdentityService identity;

  PhysicianAvailabilityListener(CaseRepository cases, CaseLifecycle lifecycle, IdentityService identity) {
    this.cases = cases;
    this.lifecycle = lifecycle;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    String caseId = task.getExecution().getProcessBusinessKey();
    Set<String> excluded = cases.find(caseId).map(lifecycle::excludedDeciders).orElse(Set.of());
    List<String> physicians = identity.createUserQuery().memberOfGroup(CaseRoles.MEDICAL_DIRECTORS).list().stream()
        .map(User::getId).toList();
    if (physicians.stream().anyMatch(physician -> !excluded.contains(physician))) {
      return;
    }
    String message = "No physician may decide \"" + task.getName() + "\" of case " + caseId + ": "
        + (physicians.isEmpty() ? "the group " + CaseRoles.MEDICAL_DIRECTORS + " has no member"
            : "every member of " + CaseRoles.MEDICAL_DIRECTORS + " (" + String.join(", ", physicians)
                + ") denied this request before")
        + ". Add another physician to the group in Admin; the task is offered to the group, so the physician may "
        + "take it at once. Then resolve this incident.";
    task.getExecution().createIncident(NO_PHYSICIAN_INCIDENT, caseId, message);
    LOG.warn("No physician may decide a task of case {}: incident {} raised for an administrator", caseId,
        NO_PHYSICIAN_INCIDENT);
  }
}
