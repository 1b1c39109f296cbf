package com.healthplan.va.determination;

import static com.healthplan.va.casefile.CaseVariables.*;

import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseIntake;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseScope;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.casefile.SpinalLevel;
import com.healthplan.va.criteria.CriteriaList;
import com.healthplan.va.criteria.EligibilityCriterion;
import com.healthplan.va.criteria.EligibilityDecision;
import com.healthplan.va.input.FieldErrors;
import com.healthplan.va.input.SubmittedValues;
import com.healthplan.va.security.ActingUser;
import com.healthplan.va.security.CaseRoles;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.VariableMap;
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
  private final EligibilityDecision eligibility;

  MedicalDirectorReviewListener(PlanCalendar calendar, CaseRepository cases, Determinations determinations,
      EligibilityDecision eligibility) {
    this.eligibility = eligibility;
    this.calendar = calendar;
    this.cases = cases;
    this.determinations = determinations;
  }

  /**
   * Fewer levels than requested: only levels of the request, and they must meet the policy's level rules by
   * themselves (the same rules of {@code vcfEligibility} the prescreen used: T5-L5 only, 3 or fewer).
   */
  private void checkModifiedLevels(CaseFile caseFile, List<String> approvedLevels, FieldErrors errors) {
    VariableMap facts = caseFile.criteriaFacts();
    facts.putValueTyped(FRACTURE_LEVELS, CaseIntake.levelsValue(approvedLevels));
    List<String> unmet = eligibility.unmetCriteria(eligibility.version(caseFile.prescreen().criteriaVersion()), facts);
    for (EligibilityCriterion rule : List.of(EligibilityCriterion.LEVEL_OUTSIDE_T5_L5,
        EligibilityCriterion.MORE_THAN_3_LEVELS)) {
      if (unmet.contains(rule.name())) {
        errors.add(APPROVED_LEVELS, "Approved levels must meet the policy by themselves: " + rule.plainLanguage());
      }
    }
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
    List<String> approvedLevels = decision == MedicalDirectorDecision.APPROVE
        ? SpinalLevel.read(in, APPROVED_LEVELS, "Approved levels", false) : List.of();
    String conditions = decision == MedicalDirectorDecision.APPROVE
        ? in.note(APPROVAL_CONDITIONS, "Conditions of the approval", false) : null;
    errors.throwIfAny();

    List<String> unmet = CriteriaList.complementOf(confirmed);
    if (decision == MedicalDirectorDecision.DENY && unmet.isEmpty()) {
      errors.add(REVIEW_CONFIRMED_CRITERIA, "A denial must name at least one unmet criterion: untick each "
          + "criterion the records do not support.");
    }
    errors.throwIfAny();

    String caseId = submission.caseId();
    Instant now = calendar.now();
    CaseFile caseFile = cases.get(caseId);
    List<String> requested = caseFile.intake().fractureLevels();
    if (decision == MedicalDirectorDecision.APPROVE && !approvedLevels.isEmpty()) {
      if (!requested.containsAll(approvedLevels)) {
        errors.add(APPROVED_LEVELS, "Approved levels must be levels of the request (" + String.join(", ", requested)
            + ").");
      } else if (!approvedLevels.containsAll(requested)) {
        checkModifiedLevels(caseFile, approvedLevels, errors);
      }
    }
    errors.throwIfAny();
    cases.recordReview(caseId, new CaseFile.Review(decision.name(), confirmed, rationale, physician.userId(), now));
    DelegateExecution caseScope = task.getExecution();
    caseScope.setVariable(MEDICAL_DIRECTOR_DECISION, decision.name());
    caseScope.setVariable(MEDICAL_DIRECTOR_RATIONALE, rationale);
    caseScope.setVariable(REVIEW_CONFIRMED_CRITERIA, CriteriaList.value(confirmed));
    // a denial names the criteria it rests on; an approval has none (what the physician left unticked stays in
    // reviewConfirmedCriteria)
    // an approval overrides what the prescreen found unmet and what the physician left unconfirmed
    List<String> overridden = EligibilityCriterion.inDecisionOrder(
        Stream.concat(unmet.stream(), caseFile.prescreen().unmetCriteria().stream()).toList());
    Determination determination = decision == MedicalDirectorDecision.DENY
        ? Determination.denied(physician.userId(), now, rationale, unmet)
        : Determination.approved(physician.userId(), now, rationale,
            approvedLevels.isEmpty() ? requested : SpinalLevel.inSpinalOrder(approvedLevels), conditions, overridden);
    determinations.record(caseScope, caseId, determination, MEDICAL_DIRECTOR_DECISION);
  }
}
