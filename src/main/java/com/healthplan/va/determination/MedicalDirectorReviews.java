package com.healthplan.va.determination;

import static com.healthplan.va.casefile.CaseVariables.*;

import com.healthplan.va.casefile.CaseDecisions;
import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseIntake;
import com.healthplan.va.casefile.CaseLifecycle;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.DeterminationOutcome;
import com.healthplan.va.casefile.DeterminationRound;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.casefile.SpinalLevel;
import com.healthplan.va.criteria.CriteriaList;
import com.healthplan.va.criteria.EligibilityCriterion;
import com.healthplan.va.criteria.EligibilityDecision;
import com.healthplan.va.criteria.PolicyDecisions;
import com.healthplan.va.criteria.PolicyTerms;
import com.healthplan.va.input.FieldErrors;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Service;

/**
 * The medical director's determination and its rules: a denial names at least one unmet criterion and gives a
 * rationale; an approval may cover fewer levels than requested (levels of the request that meet the policy's level
 * rules by themselves) or carry conditions, and records the criteria it overrides; a physician who denied this
 * request in an earlier round does not decide it again.
 */
@Service
class MedicalDirectorReviews {

  /** What the physician submitted, read and checked for kind and size by the listener. */
  record PhysicianReview(MedicalDirectorDecision decision, List<String> confirmed, String rationale,
      List<String> approvedLevels, String conditions) {
  }

  private final CaseRepository cases;
  private final CaseDecisions decisions;
  private final CaseLifecycle lifecycle;
  private final EligibilityDecision eligibility;
  private final PolicyDecisions policy;
  private final PlanCalendar calendar;

  MedicalDirectorReviews(CaseRepository cases, CaseDecisions decisions, CaseLifecycle lifecycle,
      EligibilityDecision eligibility, PolicyDecisions policy, PlanCalendar calendar) {
    this.cases = cases;
    this.decisions = decisions;
    this.lifecycle = lifecycle;
    this.eligibility = eligibility;
    this.policy = policy;
    this.calendar = calendar;
  }

  /** Checks the determination against the case file and records it; a refusal names the field, nothing is saved. */
  DeterminationRound.Decision decide(VariableScope phase, String caseId, String physician, PhysicianReview review) {
    CaseFile file = cases.get(caseId);
    FieldErrors errors = new FieldErrors();
    if (lifecycle.excludedDeciders(file).contains(physician)) {
      errors.add(MEDICAL_DIRECTOR_DECISION, "You denied this request before: another physician decides it now.");
    }
    List<String> unmet = CriteriaList.complementOf(review.confirmed());
    if (review.decision() == MedicalDirectorDecision.DENY && unmet.isEmpty()) {
      errors.add(REVIEW_CONFIRMED_CRITERIA, "A denial must name at least one unmet criterion: untick each "
          + "criterion the records do not support.");
    }
    List<String> requested = file.intake().fractureLevels();
    List<String> approved = review.approvedLevels().isEmpty() ? requested
        : SpinalLevel.inSpinalOrder(review.approvedLevels());
    if (review.decision() == MedicalDirectorDecision.APPROVE && !requested.containsAll(approved)) {
      errors.add(APPROVED_LEVELS, "Approved levels must be levels of the request (" + String.join(", ", requested)
          + ").");
    } else if (review.decision() == MedicalDirectorDecision.APPROVE && !approved.containsAll(requested)) {
      checkModifiedLevels(file, approved, errors);
    }
    errors.throwIfAny();

    Instant now = calendar.now();
    cases.recordReview(caseId, new CaseFile.Review(review.decision().name(), review.confirmed(), review.rationale(),
        physician, now));
    DeterminationRound.Decision decision;
    if (review.decision() == MedicalDirectorDecision.DENY) {
      decision = new DeterminationRound.Decision(DeterminationOutcome.DENIED, physician, now, review.rationale(),
          unmet, List.of(), requested, null, List.of(), null);
    } else {
      List<String> notApproved = requested.stream().filter(level -> !approved.contains(level)).toList();
      boolean modified = !notApproved.isEmpty() || review.conditions() != null;
      // an approval overrides what the prescreen found unmet and what the physician left unconfirmed
      List<String> overridden = EligibilityCriterion.inDecisionOrder(
          Stream.concat(unmet.stream(), file.prescreen().unmetCriteria().stream()).toList());
      decision = new DeterminationRound.Decision(modified ? DeterminationOutcome.APPROVED_WITH_MODIFICATIONS
          : DeterminationOutcome.APPROVED, physician, now, review.rationale(), List.of(), approved, notApproved,
          review.conditions(), overridden, policy.approvalValidThrough(file));
    }
    decisions.decide(phase, caseId, decision, MEDICAL_DIRECTOR_DECISION);
    return decision;
  }

  /** Fewer levels: they must meet the policy's level rules by themselves, as the prescreen's decision judges them. */
  private void checkModifiedLevels(CaseFile file, List<String> approvedLevels, FieldErrors errors) {
    VariableMap facts = file.criteriaFacts();
    facts.putValueTyped(FRACTURE_LEVELS, CaseIntake.levelsValue(approvedLevels));
    PolicyTerms terms = policy.terms(file.prescreen().criteriaVersion());
    List<String> unmet = eligibility.unmetCriteria(eligibility.version(file.prescreen().criteriaVersion()), facts);
    for (EligibilityCriterion rule : List.of(EligibilityCriterion.LEVEL_OUTSIDE_T5_L5,
        EligibilityCriterion.MORE_THAN_3_LEVELS)) {
      if (unmet.contains(rule.name())) {
        errors.add(APPROVED_LEVELS, "Approved levels must meet the policy by themselves: "
            + rule.plainLanguage(terms));
      }
    }
  }
}
