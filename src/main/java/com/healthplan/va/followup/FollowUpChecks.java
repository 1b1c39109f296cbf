package com.healthplan.va.followup;

import com.healthplan.va.casefile.CaseScope;
import com.healthplan.va.casefile.FollowUpMilestone;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The follow-up phase's gateways, read from {@code va_follow_up}: {@code ${followUpChecks.deferred(execution,
 * 'THREE_MONTHS')}}, {@code reported(...)}, {@code remindersLeft(...)}.
 */
@Component("followUpChecks")
public class FollowUpChecks {

  private final FollowUpRepository followUps;
  private final FollowUpSettings settings;

  FollowUpChecks(FollowUpRepository followUps, FollowUpSettings settings) {
    this.followUps = followUps;
    this.settings = settings;
  }

  /** The milestones the phase follows up, in order: the multi-instance subprocess's collection. */
  public java.util.List<String> milestones() {
    return java.util.Arrays.stream(FollowUpMilestone.values()).map(Enum::name).toList();
  }

  public boolean deferred(DelegateExecution execution, String milestone) {
    return followUp(execution, milestone).deferredToPcp();
  }

  public boolean reported(DelegateExecution execution, String milestone) {
    return followUp(execution, milestone).completed();
  }

  public boolean remindersLeft(DelegateExecution execution, String milestone) {
    return followUp(execution, milestone).pcpReminders() < settings.pcpMaxReminders();
  }

  private FollowUp followUp(DelegateExecution execution, String milestone) {
    return followUps.get(CaseScope.caseId(execution), FollowUpMilestone.valueOf(milestone));
  }
}
