package com.healthplan.va.determination;

import static com.healthplan.va.casefile.CaseVariables.*;

import com.healthplan.va.criteria.CriteriaList;
import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseScope;
import com.healthplan.va.casefile.CaseStatus;
import com.healthplan.va.casefile.CaseStatusUpdater;
import com.healthplan.va.casefile.DeterminationTimeframe;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.input.FieldErrors;
import com.healthplan.va.input.SubmittedValues;
import com.healthplan.va.security.ActingUser;
import com.healthplan.va.security.CaseRoles;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "Review criteria": checks the nurse's decision against the policy and the case file and
 * records it in the case file. A refusal rolls the completion back, so the task stays open with nothing saved.
 */
@Component("criteriaReviewed")
class CriteriaReviewListener implements TaskListener {

  private final PlanCalendar calendar;
  private final CaseRepository cases;
  private final Determinations determinations;
  private final CaseStatusUpdater caseStatuses;
  private final DeterminationTimeframe timeframe;
  private final DueSoonTimer dueSoonTimer;

  CriteriaReviewListener(PlanCalendar calendar, CaseRepository cases, Determinations determinations,
      CaseStatusUpdater caseStatuses, DeterminationTimeframe timeframe, DueSoonTimer dueSoonTimer) {
    this.timeframe = timeframe;
    this.dueSoonTimer = dueSoonTimer;
    this.caseStatuses = caseStatuses;
    this.calendar = calendar;
    this.cases = cases;
    this.determinations = determinations;
  }

  /** The most a deadline may be extended, once (CMS: up to 14 calendar days when information is missing). */
  static final int MAX_EXTENSION_DAYS = 14;

  /** The deadline moves by whole calendar days in the plan's zone; the due-soon alert and the forms follow. */
  private void extend(DelegateExecution caseScope, CaseFile caseFile, int days, String reason, String nurse,
      Instant now) {
    Instant dueAt = caseFile.determinationDueAt().atZone(calendar.zone()).plusDays(days).toInstant();
    Instant escalateAt = timeframe.escalateAt(dueAt, caseFile.intake().urgency());
    cases.extend(caseFile.caseId(), new CaseFile.Extension(days, reason, nurse, now,
        caseFile.determinationDueAt()), dueAt, escalateAt);
    caseScope.setVariable(DETERMINATION_DUE_AT, Date.from(dueAt));
    caseScope.setVariable(DETERMINATION_ESCALATION_AT, Date.from(escalateAt));
    dueSoonTimer.moveTo(caseScope, escalateAt);
  }

  @Override
  public void notify(DelegateTask task) {
    TaskSubmission submission = TaskSubmission.of(task, CaseRoles.NURSES, REVIEW_DECISION,
        "Only a utilization-management nurse may complete the criteria review.");
    ActingUser nurse = submission.user();
    FieldErrors errors = submission.errors();
    SubmittedValues in = submission.in();
    ReviewDecision decision = in.choice(REVIEW_DECISION, "Decision", ReviewDecision.class, true);
    List<String> confirmed = CriteriaList.read(in, REVIEW_CONFIRMED_CRITERIA, "Criteria confirmed as met");
    String note = in.note(REVIEW_NOTE, "Review note", false);
    String requested = in.note(REQUESTED_INFORMATION, "Information to request",
        decision == ReviewDecision.REQUEST_INFORMATION);
    // an extension of the deadline goes with a request for information only
    Integer extensionDays = decision == ReviewDecision.REQUEST_INFORMATION && in.isPresent(EXTENSION_DAYS)
        ? in.wholeNumber(EXTENSION_DAYS, "Extension of the deadline (calendar days)", 1, MAX_EXTENSION_DAYS) : null;
    String extensionReason = extensionDays == null ? null
        : in.note(EXTENSION_REASON, "Reason for the extension", true);
    errors.throwIfAny();

    List<String> unconfirmed = CriteriaList.complementOf(confirmed);
    Instant now = calendar.now();
    String caseId = submission.caseId();
    CaseFile caseFile = cases.get(caseId);
    switch (decision) {
      case APPROVE -> {
        List<String> prescreenUnmet = caseFile.prescreen().unmetCriteria();
        if (!unconfirmed.isEmpty()) {
          errors.add(REVIEW_CONFIRMED_CRITERIA, "To approve, every criterion must be confirmed as met. "
              + "Not confirmed: " + CriteriaList.wording(unconfirmed)
              + ". Refer the case to a medical director or request the missing information instead.");
        } else if (!prescreenUnmet.isEmpty()) {
          // a nurse may find more unmet than the facts show, never fewer: the facts must be corrected first
          errors.add(REVIEW_DECISION, "The facts on record do not meet: " + CriteriaList.wording(prescreenUnmet)
              + ". Request the information that corrects them, or refer the case to a medical director.");
        }
      }
      case REQUEST_INFORMATION -> {
        if (!now.isBefore(caseFile.determinationDueAt())) {
          errors.add(REVIEW_DECISION, "The determination is already due; there is no time left to wait for "
              + "information. Approve, or refer the case to a medical director.");
        }
        if (extensionDays != null && caseFile.extension() != null) {
          errors.add(EXTENSION_DAYS, "The deadline was already extended once (by " + caseFile.extension().days()
              + " days); it cannot be extended again.");
        }
      }
      case REFER_TO_MEDICAL_DIRECTOR -> {
        if (unconfirmed.isEmpty() && note == null) {
          errors.add(REVIEW_NOTE, "Every criterion is confirmed as met: write a review note saying why the "
              + "case needs a medical director.");
        }
      }
    }
    errors.throwIfAny();

    cases.recordReview(caseId, new CaseFile.Review(decision.name(), confirmed, note, nurse.userId(), now));
    DelegateExecution caseScope = task.getExecution();
    caseScope.setVariable(REVIEW_DECISION, decision.name());
    caseScope.setVariable(REVIEW_CONFIRMED_CRITERIA, CriteriaList.value(confirmed));
    caseScope.setVariable(REVIEW_NOTE, note);
    caseScope.setVariable(REQUESTED_INFORMATION, requested);
    switch (decision) {
      case APPROVE -> determinations.record(caseScope, caseId, Determination.approved(nurse.userId(), now,
          note != null ? note : "Every criterion of the policy was confirmed as met in the criteria review.",
          caseFile.intake().fractureLevels(), null, List.of()), REVIEW_DECISION);
      case REQUEST_INFORMATION -> {
        // the provider's deadline is set when the request is actually sent (RequestInformationDelegate)
        cases.recordInformationRequested(caseId, requested);
        int requests = caseFile.informationRequest() == null ? 0 : caseFile.informationRequest().count();
        caseScope.setVariable(INFORMATION_REQUEST_COUNT, requests + 1);
        caseScope.removeVariable(INFORMATION_DUE_AT);
        caseScope.setVariable(CASE_STATUS, CaseStatus.PENDED_FOR_INFORMATION.name());
        if (extensionDays != null) {
          extend(caseScope, caseFile, extensionDays, extensionReason, nurse.userId(), now);
        }
      }
      case REFER_TO_MEDICAL_DIRECTOR -> caseStatuses.enter(caseScope, caseId, CaseStatus.MEDICAL_DIRECTOR_REVIEW);
    }
  }
}
