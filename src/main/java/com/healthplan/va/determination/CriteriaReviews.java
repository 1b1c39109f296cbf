package com.healthplan.va.determination;

import static com.healthplan.va.casefile.CaseVariables.*;

import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseDecisions;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseStatus;
import com.healthplan.va.casefile.CaseStatusUpdater;
import com.healthplan.va.casefile.DeterminationOutcome;
import com.healthplan.va.casefile.DeterminationRound;
import com.healthplan.va.casefile.DeterminationTimeframe;
import com.healthplan.va.casefile.Durations;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.criteria.CriteriaList;
import com.healthplan.va.criteria.PolicyDecisions;
import com.healthplan.va.criteria.PolicyTerms;
import com.healthplan.va.input.FieldErrors;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * The nurse's criteria review and its rules: an approval needs every criterion confirmed and a prescreen of the
 * facts on record with nothing unmet (a nurse may find more unmet than the facts show, never fewer); information
 * is requested only while the determination is not yet due, with at most one extension of the deadline, by at
 * most the plan's maximum; a referral of a case whose criteria are all confirmed says why. A nurse never denies.
 */
@Service
class CriteriaReviews {

  /** What the nurse submitted, read and checked for kind and size by the listener. */
  record NurseReview(ReviewDecision decision, List<String> confirmed, String note, String requestedInformation,
      Integer extensionDays, String extensionReason) {
  }

  private final CaseRepository cases;
  private final CaseDecisions decisions;
  private final CaseStatusUpdater statuses;
  private final DeterminationTimeframe timeframe;
  private final DueSoonTimer dueSoonTimer;
  private final PolicyDecisions policy;
  private final PlanCalendar calendar;

  CriteriaReviews(CaseRepository cases, CaseDecisions decisions, CaseStatusUpdater statuses,
      DeterminationTimeframe timeframe, DueSoonTimer dueSoonTimer, PolicyDecisions policy, PlanCalendar calendar) {
    this.cases = cases;
    this.decisions = decisions;
    this.statuses = statuses;
    this.timeframe = timeframe;
    this.dueSoonTimer = dueSoonTimer;
    this.policy = policy;
    this.calendar = calendar;
  }

  /** The most days a nurse may extend the deadline by, from the plan's setting. */
  int maxExtensionDays() {
    return timeframe.maxExtension().getDays();
  }

  /**
   * Checks the review against the case file and records it; a refusal names the field and saves nothing. Returns,
   * for a referral, why the case was referred in words for the physician's form (the nurse's note and the criteria
   * she did not confirm); null otherwise.
   */
  String review(DelegateExecution phase, String caseId, String nurse, NurseReview review) {
    CaseFile file = cases.get(caseId);
    Instant now = calendar.now();
    PolicyTerms terms = policy.terms(file.prescreen().criteriaVersion());
    List<String> unconfirmed = CriteriaList.complementOf(review.confirmed());
    FieldErrors errors = new FieldErrors();
    switch (review.decision()) {
      case APPROVE -> {
        List<String> prescreenUnmet = file.prescreen().unmetCriteria();
        if (!unconfirmed.isEmpty()) {
          errors.add(REVIEW_CONFIRMED_CRITERIA, "To approve, every criterion must be confirmed as met. "
              + "Not confirmed: " + CriteriaList.wording(unconfirmed, terms)
              + ". Refer the case to a medical director or request the missing information instead.");
        } else if (!prescreenUnmet.isEmpty()) {
          errors.add(REVIEW_DECISION, "The facts on record do not meet: " + CriteriaList.wording(prescreenUnmet, terms)
              + ". Request the information that corrects them, or refer the case to a medical director.");
        }
      }
      case REQUEST_INFORMATION -> {
        if (!now.isBefore(file.determinationDueAt())) {
          errors.add(REVIEW_DECISION, "The determination is already due; there is no time left to wait for "
              + "information. Approve, or refer the case to a medical director.");
        }
        if (review.extensionDays() != null && file.extension() != null) {
          errors.add(EXTENSION_DAYS, "The deadline was already extended once (by " + file.extension().days()
              + " days); it cannot be extended again.");
        }
      }
      case REFER_TO_MEDICAL_DIRECTOR -> {
        if (unconfirmed.isEmpty() && review.note() == null) {
          errors.add(REVIEW_NOTE, "Every criterion is confirmed as met: write a review note saying why the "
              + "case needs a medical director.");
        }
      }
    }
    errors.throwIfAny();

    cases.recordReview(caseId, new CaseFile.Review(review.decision().name(), review.confirmed(), review.note(), nurse,
        now));
    switch (review.decision()) {
      case APPROVE -> decisions.decide(phase, caseId, new DeterminationRound.Decision(DeterminationOutcome.APPROVED,
          nurse, now, review.note() != null ? review.note()
              : "Every criterion of the policy was confirmed as met in the criteria review.",
          List.of(), file.intake().fractureLevels(), List.of(), null, List.of(), policy.approvalValidThrough(file)),
          REVIEW_DECISION);
      case REQUEST_INFORMATION -> {
        // the provider's deadline is set when the request is actually sent (RequestInformationDelegate)
        cases.recordInformationRequested(caseId, review.requestedInformation());
        statuses.enter(phase, file, CaseStatus.PENDED_FOR_INFORMATION);
        if (review.extensionDays() != null) {
          extend(phase, file, review.extensionDays(), review.extensionReason(), nurse, now);
        }
      }
      case REFER_TO_MEDICAL_DIRECTOR -> {
        statuses.enter(phase, file, CaseStatus.MEDICAL_DIRECTOR_REVIEW);
        String notConfirmed = unconfirmed.isEmpty() ? "every criterion confirmed as met"
            : "not confirmed: " + CriteriaList.wording(unconfirmed, terms);
        return (review.note() == null ? "" : review.note() + " ") + "(" + notConfirmed + ")";
      }
    }
    return null;
  }

  /** The deadline moves by whole calendar days in the plan's zone; the due-soon alert and the forms follow. */
  private void extend(DelegateExecution phase, CaseFile file, int days, String reason, String nurse, Instant now) {
    Instant dueAt = file.determinationDueAt().atZone(calendar.zone()).plusDays(days).toInstant();
    Instant escalateAt = timeframe.escalateAt(dueAt, file.intake().urgency());
    cases.extend(file.caseId(), file.currentRound().number(), new DeterminationRound.Extension(days, reason, nurse,
        now, file.determinationDueAt()), dueAt, escalateAt);
    phase.setVariable(DETERMINATION_DUE_AT, java.util.Date.from(dueAt));
    phase.setVariable(DETERMINATION_DUE_TEXT, calendar.moment(dueAt));
    dueSoonTimer.moveTo(phase, escalateAt);
  }

  /** The extension's limit in words, for the form's hint. */
  String maxExtensionWords() {
    return Durations.words(timeframe.maxExtension());
  }
}
