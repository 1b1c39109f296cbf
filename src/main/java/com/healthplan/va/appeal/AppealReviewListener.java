package com.healthplan.va.appeal;

import static com.healthplan.va.casefile.CaseVariables.*;

import com.healthplan.va.casefile.AppealOutcome;
import com.healthplan.va.input.SubmittedValues;
import com.healthplan.va.security.CaseRoles;
import com.healthplan.va.security.TaskSubmission;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "Review appeal": a physician of the medical directors group, never one who denied this
 * request (refused at the claim and here, whatever API), overturns the adverse part of the determination or upholds
 * it, with a rationale.
 */
@Component("appealReviewed")
class AppealReviewListener implements TaskListener {

  /** The physician's decision (contract values). */
  enum AppealDecision {
    OVERTURN, UPHOLD
  }

  private final Appeals appeals;

  AppealReviewListener(Appeals appeals) {
    this.appeals = appeals;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskSubmission submission = TaskSubmission.of(task, CaseRoles.MEDICAL_DIRECTORS, APPEAL_DECISION,
        "Only a physician of the medical directors group may decide an appeal.");
    SubmittedValues in = submission.in();
    AppealDecision decision = in.choice(APPEAL_DECISION, "Decision", AppealDecision.class, true);
    String rationale = in.note(APPEAL_RATIONALE, "Rationale", true);
    submission.errors().throwIfAny();
    appeals.decide(task.getExecution(), submission.caseId(),
        decision == AppealDecision.OVERTURN ? AppealOutcome.OVERTURNED : AppealOutcome.UPHELD,
        submission.user().userId(), rationale);
  }
}
