package com.healthplan.va.casefile;

import com.healthplan.va.input.FieldErrors;
import java.time.Instant;
import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Writes what is decided about a case, under the rules of its {@link CaseLifecycle}: a round's decision (once), a
 * new round beside the earlier ones when an approval lapsed, an appeal and its decision, the case's closing and
 * its cancellation. The status follows each, through the status updater.
 */
@Component
public class CaseDecisions {

  private final CaseRepository cases;
  private final CaseLifecycle lifecycle;
  private final CaseStatusUpdater statuses;
  private final DeterminationTimeframe timeframe;
  private final PlanCalendar calendar;
  private final RuntimeService runtime;
  private final IdentityService identity;

  CaseDecisions(CaseRepository cases, CaseLifecycle lifecycle, CaseStatusUpdater statuses,
      DeterminationTimeframe timeframe, PlanCalendar calendar, @Lazy RuntimeService runtime,
      @Lazy IdentityService identity) {
    this.cases = cases;
    this.lifecycle = lifecycle;
    this.statuses = statuses;
    this.timeframe = timeframe;
    this.calendar = calendar;
    this.runtime = runtime;
    this.identity = identity;
  }

  /**
   * Records the decision of the case's current round and moves the case to its status; refuses it, naming the
   * decision field, when the round was decided already (a decision is final).
   */
  public void decide(VariableScope scope, String caseId, DeterminationRound.Decision decision, String decisionField) {
    CaseFile file = cases.get(caseId);
    DeterminationRound round = file.currentRound();
    if (round.decided() || !cases.decide(caseId, round.number(), decision)) {
      throw FieldErrors.refusal(decisionField, "This case has already been determined; a determination is final.");
    }
    statuses.enter(scope, file, decision.outcome().status());
  }

  /**
   * Opens the next determination round because the approval does not cover the scheduled date: the criteria are
   * judged again as of that date, under new deadlines; the earlier round and its approval stay as they were, and an
   * appeal of it still open is closed without a decision (recorded, with why): the new round decides those levels.
   */
  public DeterminationRound reopen(VariableScope scope, String caseId, LocalDate criteriaAsOf, String reason) {
    CaseFile file = cases.get(caseId);
    lifecycle.requireTransition(file, CaseStatus.IN_REVIEW);
    Instant now = calendar.now();
    Instant dueAt = timeframe.dueAt(now, file.intake().urgency(), calendar.zone());
    Instant escalateAt = timeframe.escalateAt(dueAt, file.intake().urgency());
    int next = file.currentRound().number() + 1;
    closeOpenAppeal(file, "The approval lapsed before the procedure: determination round " + next + " reviews the "
        + "whole request again, these levels included, and may be appealed in its turn.");
    cases.openRound(caseId, next, DeterminationRound.Opening.APPROVAL_LAPSED, reason, criteriaAsOf, dueAt, escalateAt);
    statuses.enter(scope, file, CaseStatus.IN_REVIEW);
    closeAppealWindows(caseId);
    return cases.get(caseId).currentRound();
  }

  /** The procedure will not take place: the case is withdrawn, and an appeal it no longer needs is not awaited. */
  public void withdraw(VariableScope scope, String caseId) {
    CaseFile file = cases.get(caseId);
    lifecycle.requireTransition(file, CaseStatus.WITHDRAWN);
    closeOpenAppeal(file, "The procedure was withdrawn: the case no longer needs a decision on the appeal.");
    statuses.enter(scope, file, CaseStatus.WITHDRAWN);
    closeAppealWindows(caseId);
  }

  /**
   * Records an appeal of an earlier decision that is still open as closed without a decision, with why: the appeal
   * is never deleted, and its review task ends ({@link #closeAppealWindows}).
   */
  private void closeOpenAppeal(CaseFile file, String reason) {
    file.rounds().stream().filter(round -> round.appeal() != null && round.appeal().open())
        .forEach(round -> cases.closeAppeal(file.caseId(), round.number(), calendar.now(), reason));
  }

  /**
   * Ends the wait for an appeal that the case is no longer open to (a new round opened, or the case was withdrawn),
   * and the review of one filed and closed without a decision: a determination is appealable only while it is the
   * case's latest and the case goes on.
   */
  private void closeAppealWindows(String caseId) {
    AsApplication.run(identity, () -> {
      runtime.createMessageCorrelation(CaseVariables.APPEAL_WINDOW_CLOSED_MESSAGE).processInstanceBusinessKey(caseId)
          .correlateAll();
      runtime.createMessageCorrelation(CaseVariables.APPEAL_CLOSED_WITHOUT_DECISION_MESSAGE)
          .processInstanceBusinessKey(caseId).correlateAll();
    });
  }

  /**
   * Records an appeal of the latest decided round, which the case must be open to now (else a conflict saying why);
   * an appeal of a whole adverse determination puts the case in appeal review, one of the levels an approval did
   * not cover leaves it where it is (the approved part goes on).
   */
  public Appeal fileAppeal(VariableScope scope, String caseId, Appeal.RequestedBy requestedBy, String reason,
      Urgency urgency, String receivedBy, Instant receivedAt, Instant dueAt, Instant escalationAt) {
    CaseFile file = cases.get(caseId);
    CaseLifecycle.AppealWindow window = lifecycle.requireAppealable(file, receivedAt);
    DeterminationRound.Decision decision = file.currentRound().decision();
    Appeal appeal = new Appeal(window.round(), requestedBy, reason, urgency, receivedAt, receivedBy, dueAt,
        escalationAt, window.levels(), decision.decidedBy(), null, null, null, null, null, null, null);
    if (!window.partial()) {
      lifecycle.requireTransition(file, CaseStatus.APPEAL_IN_REVIEW);
    }
    if (!cases.openAppeal(caseId, appeal)) {
      throw new CaseConflictException("An appeal of this determination is already open.");
    }
    if (!window.partial()) {
      statuses.enter(scope, file, CaseStatus.APPEAL_IN_REVIEW);
    }
    return appeal;
  }

  /**
   * Records the appeal's decision, once, by a physician who did not deny this request; an overturn approves the
   * appealed levels, valid through the given day. The case's status follows an appeal of the whole determination.
   */
  public void decideAppeal(VariableScope scope, String caseId, AppealOutcome outcome, String decidedBy, String rationale,
      LocalDate approvalValidThrough, String decisionField) {
    CaseFile file = cases.get(caseId);
    DeterminationRound round = file.latestDecidedRound().filter(r -> r.appeal() != null && r.appeal().open())
        .orElseThrow(() -> FieldErrors.refusal(decisionField, file.latestDecidedRound().map(DeterminationRound::appeal)
            .filter(Appeal::closedWithoutDecision).map(a -> "This appeal was closed without a decision. "
                + a.closedReason()).orElse("This appeal was already decided.")));
    if (lifecycle.excludedDeciders(file).contains(decidedBy)) {
      throw FieldErrors.refusal(decisionField, "You denied this request: its appeal must be decided by another "
          + "physician.");
    }
    boolean whole = round.decision().outcome().adverse();
    CaseStatus status = outcome == AppealOutcome.OVERTURNED ? CaseStatus.APPROVED : round.decision().outcome().status();
    if (whole) {
      lifecycle.requireTransition(file, status);
    }
    if (!cases.decideAppeal(caseId, round.number(), outcome, decidedBy, calendar.now(), rationale,
        outcome == AppealOutcome.OVERTURNED ? approvalValidThrough : null)) {
      throw FieldErrors.refusal(decisionField, "This appeal was already decided.");
    }
    if (whole) {
      statuses.enter(scope, file, status);
    }
  }

  /** Every follow-up is done: the case is closed with its outcome in words. */
  public void close(VariableScope scope, String caseId, String outcomeSummary) {
    CaseFile file = cases.get(caseId);
    statuses.enter(scope, file, CaseStatus.CLOSED);
    cases.close(caseId, outcomeSummary, calendar.now());
  }

  /**
   * An administrator cancelled the case: recorded with the reason, and the case leaves the open statuses (withdrawn
   * before its procedure, closed after it). A closed or withdrawn case keeps its status.
   */
  public void cancel(String caseId, String cancelledBy, String reason) {
    CaseFile file = cases.get(caseId);
    if (file.status() == CaseStatus.CLOSED || file.status() == CaseStatus.WITHDRAWN) {
      return;
    }
    cases.cancel(caseId, cancelledBy, reason, calendar.now());
    closeOpenAppeal(file, "The case was cancelled: " + reason);
    CaseStatus status = file.status() == CaseStatus.IN_FOLLOW_UP ? CaseStatus.CLOSED : CaseStatus.WITHDRAWN;
    statuses.enter(null, file, status);
    if (status == CaseStatus.CLOSED) {
      cases.close(caseId, "Cancelled before every follow-up was done: " + reason, calendar.now());
    }
  }
}
