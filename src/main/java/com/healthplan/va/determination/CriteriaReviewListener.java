package com.healthplan.va.determination;

import static com.healthplan.va.casefile.CaseVariables.*;

import com.healthplan.va.criteria.CriteriaList;
import com.healthplan.va.input.SubmittedValues;
import com.healthplan.va.security.CaseRoles;
import com.healthplan.va.security.TaskSubmission;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "Review criteria": reads the nurse's submission, has {@link CriteriaReviews} check and record
 * it, and leaves the copies the next step shows. A refusal rolls the completion back: the task stays open with
 * nothing saved.
 */
@Component("criteriaReviewed")
class CriteriaReviewListener implements TaskListener {

  private final CriteriaReviews reviews;

  CriteriaReviewListener(CriteriaReviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskSubmission submission = TaskSubmission.of(task, CaseRoles.NURSES, REVIEW_DECISION,
        "Only a utilization-management nurse may complete the criteria review.");
    SubmittedValues in = submission.in();
    ReviewDecision decision = in.choice(REVIEW_DECISION, "Decision", ReviewDecision.class, true);
    List<String> confirmed = CriteriaList.read(in, REVIEW_CONFIRMED_CRITERIA, "Criteria confirmed as met");
    String note = in.note(REVIEW_NOTE, "Review note", false);
    String requested = in.note(REQUESTED_INFORMATION, "Information to request",
        decision == ReviewDecision.REQUEST_INFORMATION);
    // an extension of the deadline goes with a request for information only
    Integer extensionDays = decision == ReviewDecision.REQUEST_INFORMATION && in.isPresent(EXTENSION_DAYS)
        ? in.wholeNumber(EXTENSION_DAYS, "Extension of the deadline (calendar days)", 1, reviews.maxExtensionDays())
        : null;
    String extensionReason = extensionDays == null ? null : in.note(EXTENSION_REASON, "Reason for the extension", true);
    submission.errors().throwIfAny();

    String referralReason = reviews.review(task.getExecution(), submission.caseId(), submission.user().userId(),
        new CriteriaReviews.NurseReview(decision, confirmed, note, requested, extensionDays, extensionReason));
    task.getExecution().setVariable(REVIEW_DECISION, decision.name());
    task.getExecution().setVariable(REVIEW_CONFIRMED_CRITERIA, CriteriaList.value(confirmed));
    task.getExecution().setVariable(REVIEW_NOTE, note);
    task.getExecution().setVariable(REQUESTED_INFORMATION, requested);
    task.getExecution().setVariable(REFERRAL_REASON, referralReason);
  }
}
