package com.healthplan.va.eligibility;

import static com.healthplan.va.casefile.CaseVariables.*;

import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.input.FieldErrors;
import com.healthplan.va.input.SubmittedValues;
import com.healthplan.va.security.ActingUser;
import com.healthplan.va.security.CaseRoles;
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

  MedicalDirectorReviewListener(PlanCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateTask task) {
    ActingUser physician = ActingUser.completing(task);
    FieldErrors errors = new FieldErrors();
    if (!physician.isMemberOf(CaseRoles.MEDICAL_DIRECTORS)) {
      errors.add(MEDICAL_DIRECTOR_DECISION, "Only a physician of the medical directors group may decide here.");
      errors.throwIfAny();
    }
    SubmittedValues in = new SubmittedValues(task.getVariables(), calendar, errors);
    MedicalDirectorDecision decision = in.choice(MEDICAL_DIRECTOR_DECISION, "Decision",
        MedicalDirectorDecision.class, true);
    List<String> confirmed = CriteriaList.read(in, REVIEW_CONFIRMED_CRITERIA, "Criteria confirmed as met");
    String rationale = in.multilineText(MEDICAL_DIRECTOR_RATIONALE, "Rationale",
        CriteriaReviewListener.MAX_TEXT, true);
    errors.throwIfAny();

    List<String> unmet = CriteriaList.complementOf(confirmed);
    if (decision == MedicalDirectorDecision.DENY && unmet.isEmpty()) {
      errors.add(REVIEW_CONFIRMED_CRITERIA, "A denial must name at least one unmet criterion: untick each "
          + "criterion the records do not support.");
    }
    errors.throwIfAny();

    DelegateExecution caseScope = task.getExecution();
    caseScope.setVariable(MEDICAL_DIRECTOR_DECISION, decision.name());
    caseScope.setVariable(MEDICAL_DIRECTOR_RATIONALE, rationale);
    caseScope.setVariable(REVIEW_CONFIRMED_CRITERIA, CriteriaList.value(confirmed));
    Determination.Outcome outcome = decision == MedicalDirectorDecision.DENY
        ? Determination.Outcome.DENIED : Determination.Outcome.APPROVED;
    new Determination(outcome, physician.userId(), calendar.now(), rationale, unmet).recordOn(caseScope);
  }
}
