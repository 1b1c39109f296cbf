package com.healthplan.va.determination;

import static com.healthplan.va.casefile.CaseVariables.*;

import com.healthplan.va.criteria.CriteriaList;
import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseScope;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.input.FieldErrors;
import com.healthplan.va.input.SubmittedValues;
import com.healthplan.va.security.ActingUser;
import com.healthplan.va.security.CaseRoles;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "Review as medical director". Only a physician (group {@code medical-directors}) may
 * decide here, and a denial must name at least one unmet criterion and give a rationale.
 */
@Component("medicalDirectorReviewed")
class MedicalDirectorReviewListener implements TaskListener {

  private final PlanCalendar calendar;
  private final CaseRepository cases;
  private final Determinations determinations;

  MedicalDirectorReviewListener(PlanCalendar calendar, CaseRepository cases, Determinations determinations) {
    this.calendar = calendar;
    this.cases = cases;
    this.determinations = determinations;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskSubmission submission = TaskSubmission.of(task, CaseRoles.MEDICAL_DIRECTORS, MEDICAL_DIRECTOR_DECISION,
        "Only a physician of the medical directors group may decide here.");
    ActingUser physician = submission.user();
    FieldErrors errors = submission.errors();
    SubmittedValues in = submission.in();
    MedicalDirectorDecision decision = in.choice(MEDICAL_DIRECTOR_DECISION, "Decision",
        MedicalDirectorDecision.class, true);
    List<String> confirmed = CriteriaList.read(in, REVIEW_CONFIRMED_CRITERIA, "Criteria confirmed as met");
    String rationale = in.note(MEDICAL_DIRECTOR_RATIONALE, "Rationale", true);
    errors.throwIfAny();

    List<String> unmet = CriteriaList.complementOf(confirmed);
    if (decision == MedicalDirectorDecision.DENY && unmet.isEmpty()) {
      errors.add(REVIEW_CONFIRMED_CRITERIA, "A denial must name at least one unmet criterion: untick each "
          + "criterion the records do not support.");
    }
    errors.throwIfAny();

    String caseId = submission.caseId();
    Instant now = calendar.now();
    cases.recordReview(caseId, new CaseFile.Review(decision.name(), confirmed, rationale, physician.userId(), now));
    DelegateExecution caseScope = task.getExecution();
    caseScope.setVariable(MEDICAL_DIRECTOR_DECISION, decision.name());
    caseScope.setVariable(MEDICAL_DIRECTOR_RATIONALE, rationale);
    caseScope.setVariable(REVIEW_CONFIRMED_CRITERIA, CriteriaList.value(confirmed));
    // a denial names the criteria it rests on; an approval has none (what the physician left unticked stays in
    // reviewConfirmedCriteria)
    Determination determination = decision == MedicalDirectorDecision.DENY
        ? new Determination(Determination.Outcome.DENIED, physician.userId(), now, rationale, unmet)
        : new Determination(Determination.Outcome.APPROVED, physician.userId(), now, rationale, List.of());
    determinations.record(caseScope, caseId, determination, MEDICAL_DIRECTOR_DECISION);
  }
}
