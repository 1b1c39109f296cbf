package com.healthplan.va.determination;

import static com.healthplan.va.casefile.CaseVariables.*;

import com.healthplan.va.casefile.SpinalLevel;
import com.healthplan.va.criteria.CriteriaList;
import com.healthplan.va.input.SubmittedValues;
import com.healthplan.va.security.CaseRoles;
import com.healthplan.va.security.TaskSubmission;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "Review as medical director": only a physician (group {@code medical-directors}) decides
 * here; reads the submission and has {@link MedicalDirectorReviews} check and record the determination.
 */
@Component("medicalDirectorReviewed")
class MedicalDirectorReviewListener implements TaskListener {

  private final MedicalDirectorReviews reviews;

  MedicalDirectorReviewListener(MedicalDirectorReviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskSubmission submission = TaskSubmission.of(task, CaseRoles.MEDICAL_DIRECTORS, MEDICAL_DIRECTOR_DECISION,
        "Only a physician of the medical directors group may decide here.");
    SubmittedValues in = submission.in();
    MedicalDirectorDecision decision = in.choice(MEDICAL_DIRECTOR_DECISION, "Decision",
        MedicalDirectorDecision.class, true);
    List<String> confirmed = CriteriaList.read(in, REVIEW_CONFIRMED_CRITERIA, "Criteria confirmed as met");
    String rationale = in.note(MEDICAL_DIRECTOR_RATIONALE, "Rationale", true);
    boolean approving = decision == MedicalDirectorDecision.APPROVE;
    List<String> approvedLevels = approving ? SpinalLevel.read(in, APPROVED_LEVELS, "Approved levels", false)
        : List.of();
    String conditions = approving ? in.note(APPROVAL_CONDITIONS, "Conditions of the approval", false) : null;
    submission.errors().throwIfAny();

    reviews.decide(task.getExecution(), submission.caseId(), submission.user().userId(),
        new MedicalDirectorReviews.PhysicianReview(decision, confirmed, rationale, approvedLevels, conditions));
    task.getExecution().setVariable(MEDICAL_DIRECTOR_DECISION, decision.name());
    task.getExecution().setVariable(MEDICAL_DIRECTOR_RATIONALE, rationale);
    task.getExecution().setVariable(REVIEW_CONFIRMED_CRITERIA, CriteriaList.value(confirmed));
  }
}
