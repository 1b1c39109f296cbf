package com.healthplan.va.appeal;

import static com.healthplan.va.casefile.CaseVariables.*;

import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseStatus;
import com.healthplan.va.casefile.CaseStatusUpdater;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.casefile.Urgency;
import com.healthplan.va.determination.TaskSubmission;
import com.healthplan.va.input.FieldErrors;
import com.healthplan.va.input.SubmittedValues;
import com.healthplan.va.security.CaseRoles;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "Record appeal" (Tasklist for an appeal received by phone or letter, and
 * {@code POST /api/cases/{caseId}/appeals}): who appeals, why, how urgent. Only a denied case, within the appeal
 * window, with no appeal open; the appeal is due in 30 days or 72 hours and goes to a physician other than the
 * one who denied. Refused input leaves the task open with nothing saved.
 */
@Component("appealRecorded")
class AppealRecordListener implements TaskListener {

  private final AppealRepository appeals;
  private final CaseRepository cases;
  private final CaseStatusUpdater caseStatuses;
  private final AppealClock clock;
  private final PlanCalendar calendar;

  AppealRecordListener(AppealRepository appeals, CaseRepository cases, CaseStatusUpdater caseStatuses,
      AppealClock clock, PlanCalendar calendar) {
    this.appeals = appeals;
    this.cases = cases;
    this.caseStatuses = caseStatuses;
    this.clock = clock;
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskSubmission submission = TaskSubmission.of(task, List.of(CaseRoles.NURSES, CaseRoles.COORDINATORS),
        APPEAL_REQUESTED_BY, "Only a utilization-management nurse or a coordinator may record an appeal.");
    SubmittedValues in = submission.in();
    FieldErrors errors = submission.errors();
    Appeal.RequestedBy requestedBy = in.choice(APPEAL_REQUESTED_BY, "Appeal requested by", Appeal.RequestedBy.class,
        true);
    String reason = in.note(APPEAL_REASON, "Reason for the appeal", true);
    Urgency urgency = in.choice(URGENCY, "Urgency", Urgency.class, true);
    errors.throwIfAny();

    String caseId = submission.caseId();
    CaseFile caseFile = cases.get(caseId);
    Instant now = calendar.now().truncatedTo(ChronoUnit.SECONDS);
    Appeals.requireAppealable(caseFile, appeals.find(caseId).orElse(null), clock, now);
    Instant dueAt = clock.dueAt(now, urgency);
    Instant escalateAt = clock.escalateAt(dueAt, urgency);
    appeals.open(new Appeal(caseId, requestedBy, reason, urgency.name(), now, submission.user().userId(), dueAt,
        escalateAt, caseFile.determination().decidedBy(), null, null, null, null));
    DelegateExecution scope = task.getExecution();
    caseStatuses.enter(scope, caseId, CaseStatus.APPEAL_IN_REVIEW);
    scope.setVariable(APPEAL_DUE_AT, Date.from(dueAt));
    scope.setVariable(APPEAL_ESCALATION_AT, Date.from(escalateAt));
    scope.setVariable(DENIED_BY, caseFile.determination().decidedBy());
    // copies for the physician's form (the task's own fields are local to it)
    scope.setVariable("appealRequestedBy", requestedBy.name());
    scope.setVariable("appealReason", reason);
    scope.setVariable("appealUrgency", urgency.name());
  }
}
