package com.healthplan.va.followup;

import static com.healthplan.va.casefile.CaseVariables.*;

import com.healthplan.va.casefile.CaseScope;
import com.healthplan.va.casefile.FollowUpMilestone;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.security.TaskSubmission;
import com.healthplan.va.security.CaseRoles;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Listener of a follow-up task (its milestone is the task's local input {@code milestone}): on create the
 * follow-up is {@code DUE} and the form gets the intake's baseline pain and the earlier milestones' scores; on
 * complete a nurse's scores are checked and recorded. Refused input leaves the task open with nothing saved.
 */
@Component("followUpTask")
class FollowUpTaskListener implements TaskListener {

  private final FollowUpRepository followUps;
  private final FollowUpFormContext formContext;
  private final PlanCalendar calendar;

  FollowUpTaskListener(FollowUpRepository followUps, FollowUpFormContext formContext, PlanCalendar calendar) {
    this.followUps = followUps;
    this.formContext = formContext;
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateTask task) {
    FollowUpMilestone milestone = FollowUpMilestone.valueOf((String) task.getVariable(MILESTONE));
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      opened(task, milestone);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      completed(task, milestone);
    }
  }

  private void opened(DelegateTask task, FollowUpMilestone milestone) {
    String caseId = CaseScope.caseId(task);
    FollowUp followUp = followUps.get(caseId, milestone);
    task.setName(milestone.label()); // the milestone is modelled once; its task is named for it in Tasklist
    if (followUp.status() != FollowUpStatus.OVERDUE) {
      followUps.enter(caseId, milestone, FollowUpStatus.DUE);
    }
    formContext.show(task, followUp);
  }

  private void completed(DelegateTask task, FollowUpMilestone milestone) {
    TaskSubmission submission = TaskSubmission.of(task, CaseRoles.NURSES, CONTACT_METHOD,
        "Only a utilization-management nurse may record a follow-up.");
    FollowUp.Scores scores = FollowUpScores.read(submission.in());
    submission.errors().throwIfAny();
    // false: a report received by fax or phone came in first (its message is on its way); it stands
    followUps.complete(submission.caseId(), milestone, scores, submission.user().userId(), calendar.now());
  }
}
