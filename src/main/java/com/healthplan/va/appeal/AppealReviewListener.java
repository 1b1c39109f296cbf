package com.healthplan.va.appeal;

import static com.healthplan.va.casefile.CaseVariables.*;

import com.healthplan.va.casefile.CaseStatus;
import com.healthplan.va.casefile.CaseStatusUpdater;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.determination.TaskSubmission;
import com.healthplan.va.input.FieldErrors;
import com.healthplan.va.input.SubmittedValues;
import com.healthplan.va.security.CaseRoles;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "Review appeal": a physician of the medical directors group, never the one who denied
 * (whatever API completes the task), overturns the denial (the case is approved and continues to documentation)
 * or upholds it, with a rationale.
 */
@Component("appealReviewed")
class AppealReviewListener implements TaskListener {

  /** The physician's decision (contract values). */
  enum AppealDecision {
    OVERTURN, UPHOLD
  }

  private final AppealRepository appeals;
  private final CaseStatusUpdater caseStatuses;
  private final PlanCalendar calendar;

  AppealReviewListener(AppealRepository appeals, CaseStatusUpdater caseStatuses, PlanCalendar calendar) {
    this.appeals = appeals;
    this.caseStatuses = caseStatuses;
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskSubmission submission = TaskSubmission.of(task, CaseRoles.MEDICAL_DIRECTORS, APPEAL_DECISION,
        "Only a physician of the medical directors group may decide an appeal.");
    String caseId = submission.caseId();
    Appeal appeal = appeals.find(caseId).orElseThrow(() -> new IllegalStateException("No appeal for " + caseId));
    if (submission.user().userId().equals(appeal.deniedBy())) {
      throw FieldErrors.refusal(APPEAL_DECISION, "You denied this case: its appeal must be decided by another "
          + "physician. Unclaim the task so that a colleague can take it.");
    }
    SubmittedValues in = submission.in();
    AppealDecision decision = in.choice(APPEAL_DECISION, "Decision", AppealDecision.class, true);
    String rationale = in.note(APPEAL_RATIONALE, "Rationale", true);
    submission.errors().throwIfAny();
    Appeal.Outcome outcome = decision == AppealDecision.OVERTURN ? Appeal.Outcome.OVERTURNED
        : Appeal.Outcome.UPHELD;
    if (!appeals.decide(caseId, outcome, submission.user().userId(), calendar.now(), rationale)) {
      throw FieldErrors.refusal(APPEAL_DECISION, "This appeal was already decided.");
    }
    caseStatuses.enter(task.getExecution(), caseId,
        outcome == Appeal.Outcome.OVERTURNED ? CaseStatus.APPROVED : CaseStatus.DENIED);
  }
}
