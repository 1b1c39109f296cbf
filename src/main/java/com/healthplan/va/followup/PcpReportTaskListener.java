package com.healthplan.va.followup;

import static com.healthplan.va.casefile.CaseVariables.CONTACT_METHOD;
import static com.healthplan.va.casefile.CaseVariables.MILESTONE;

import com.healthplan.va.casefile.CaseScope;
import com.healthplan.va.casefile.FollowUpMilestone;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.security.TaskSubmission;
import com.healthplan.va.security.CaseRoles;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Listener of the coordinator's "Record PCP report" task of a milestone handed to the PCP: on create the form gets
 * what was sent and when, the reminders so far and whether the PCP acknowledged (kept current by the reminders and
 * the PCP's page, which also move it to the top once the reminders are used up); on complete the report received by fax or phone is checked like the nurse's and
 * recorded. The PCP's own report through the link ends the task by its message boundary instead.
 */
@Component("pcpReportTask")
class PcpReportTaskListener implements TaskListener {

  static final String PCP_REQUESTED_ON = "pcpRequestedOn";
  static final String PCP_REMINDERS = "pcpReminders";
  static final String PCP_ACKNOWLEDGED_ON = "pcpAcknowledgedOn";

  private final FollowUpRepository followUps;
  private final FollowUpFormContext formContext;
  private final PlanCalendar calendar;

  PcpReportTaskListener(FollowUpRepository followUps, FollowUpFormContext formContext, PlanCalendar calendar) {
    this.followUps = followUps;
    this.formContext = formContext;
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateTask task) {
    FollowUpMilestone milestone = FollowUpMilestone.valueOf((String) task.getVariable(MILESTONE));
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      opened(task, followUps.get(CaseScope.caseId(task), milestone));
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      completed(task, milestone);
    }
  }

  private void opened(DelegateTask task, FollowUp followUp) {
    formContext.show(task, followUp);
    task.setVariableLocal(PCP_REQUESTED_ON, day(followUp.pcpRequestedAt()));
    task.setVariableLocal(PCP_REMINDERS, followUp.pcpReminders());
    task.setVariableLocal(PCP_ACKNOWLEDGED_ON, day(followUp.pcpAcknowledgedAt()));
    if (followUp.pcpOverdueAlerted()) {
      task.setPriority(FollowUpDelegates.OVERDUE_PRIORITY);
    }
  }

  private void completed(DelegateTask task, FollowUpMilestone milestone) {
    TaskSubmission submission = TaskSubmission.of(task, CaseRoles.COORDINATORS, CONTACT_METHOD,
        "Only a follow-up coordinator may record a report received from the PCP.");
    FollowUp.Scores scores = FollowUpScores.read(submission.in());
    submission.errors().throwIfAny();
    // false: the PCP's own report came in first (its message is on its way); it stands, and the task closes
    followUps.complete(submission.caseId(), milestone, scores, submission.user().userId(), calendar.now());
  }

  private String day(Instant instant) {
    return instant == null ? null : instant.atZone(calendar.zone()).toLocalDate().toString();
  }
}
