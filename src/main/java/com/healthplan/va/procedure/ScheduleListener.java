package com.healthplan.va.procedure;

import static com.healthplan.va.casefile.CaseVariables.*;

import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseStatus;
import com.healthplan.va.casefile.CaseStatusUpdater;
import com.healthplan.va.casefile.DeterminationTimeframe;
import com.healthplan.va.casefile.FollowUpMilestone;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.determination.TaskSubmission;
import com.healthplan.va.input.FieldErrors;
import com.healthplan.va.input.SubmittedValues;
import com.healthplan.va.security.CaseRoles;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "Schedule procedure": a coordinator records facility, date and setting (an inpatient
 * setting only with a written justification, the policy's REMINDER), and which follow-ups go to the PCP; or
 * withdraws the procedure with a reason. A date on which the fracture would be older than 4 months is recorded and
 * sends the case back to criteria review, with that reason for the nurse. Refused input leaves the task open.
 */
@Component("procedureScheduled")
class ScheduleListener implements TaskListener {

  private final ProcedureRepository procedures;
  private final CaseRepository cases;
  private final CaseStatusUpdater caseStatuses;
  private final Withdrawals withdrawals;
  private final FractureAgeRecheck recheck;
  private final DeterminationTimeframe timeframe;
  private final PlanCalendar calendar;

  ScheduleListener(ProcedureRepository procedures, CaseRepository cases, CaseStatusUpdater caseStatuses,
      Withdrawals withdrawals, FractureAgeRecheck recheck, DeterminationTimeframe timeframe, PlanCalendar calendar) {
    this.procedures = procedures;
    this.cases = cases;
    this.caseStatuses = caseStatuses;
    this.withdrawals = withdrawals;
    this.recheck = recheck;
    this.timeframe = timeframe;
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskSubmission submission = TaskSubmission.of(task, CaseRoles.COORDINATORS, SCHEDULE_DECISION,
        "Only a follow-up coordinator may schedule the procedure.");
    SubmittedValues in = submission.in();
    FieldErrors errors = submission.errors();
    ScheduleDecision decision = in.choice(SCHEDULE_DECISION, "Decision", ScheduleDecision.class, true);
    errors.throwIfAny();
    String caseId = submission.caseId();
    String userId = submission.user().userId();
    Instant now = calendar.now();
    DelegateExecution scope = task.getExecution();
    if (decision == ScheduleDecision.WITHDRAW) {
      String reason = Withdrawals.reason(in);
      errors.throwIfAny();
      withdrawals.withdraw(scope, caseId, reason, userId, now);
      return;
    }

    ProcedureFile.Schedule schedule = schedule(in, userId, now);
    errors.throwIfAny();
    procedures.recordSchedule(caseId, schedule);
    scope.setVariable(SCHEDULED_DATE, schedule.scheduledDate().toString());
    scope.setVariable(INPATIENT_JUSTIFICATION, schedule.inpatientJustification());
    scope.setVariable(DEFERRED_TO_PCP, ProcedureCopies.list(schedule.deferredToPcp()));
    CaseFile caseFile = cases.get(caseId);
    if (needsReview(caseFile, schedule.scheduledDate())) {
      returnToReview(scope, caseFile, schedule, now);
    } else {
      caseStatuses.enter(scope, caseId, CaseStatus.SCHEDULED);
    }
  }

  private ProcedureFile.Schedule schedule(SubmittedValues in, String userId, Instant now) {
    String facility = in.text(FACILITY_NAME, "Facility", 200, true);
    LocalDate date = in.day(SCHEDULED_DATE, "Procedure date", true);
    if (date != null && date.isBefore(calendar.today())) {
      in.errors().add(SCHEDULED_DATE, "Procedure date cannot be in the past.");
    }
    Setting setting = in.choice(SETTING, "Setting", Setting.class, true);
    String justification = in.note(INPATIENT_JUSTIFICATION, "Inpatient justification", false);
    if (setting == Setting.INPATIENT && justification == null) {
      in.errors().add(INPATIENT_JUSTIFICATION, "An inpatient setting needs a written justification: absent clear "
          + "medical record documentation to the contrary, these procedures are not performed on an inpatient "
          + "basis.");
    }
    List<String> deferred = deferredToPcp(in);
    return new ProcedureFile.Schedule(facility, date, setting, setting == Setting.INPATIENT ? justification : null,
        deferred, userId, now, 0);
  }

  /** The deferrable milestones (3 months, 1 year) chosen, in milestone order. */
  private static List<String> deferredToPcp(SubmittedValues in) {
    String label = "Follow-ups deferred to the PCP";
    List<String> chosen = in.textList(DEFERRED_TO_PCP, label);
    if (chosen == null) {
      return List.of();
    }
    Set<String> unique = new LinkedHashSet<>(chosen);
    List<String> deferrable = Arrays.stream(FollowUpMilestone.values()).filter(FollowUpMilestone::deferrableToPcp)
        .map(Enum::name).toList();
    if (unique.size() != chosen.size() || !deferrable.containsAll(unique)) {
      in.errors().add(DEFERRED_TO_PCP, label + " may list only THREE_MONTHS and ONE_YEAR, each once.");
      return List.of();
    }
    return deferrable.stream().filter(unique::contains).toList();
  }

  /**
   * Whether the fracture would be older than 4 months on the date, unless a determination made after the case came
   * back already judged the criteria as of that date or a later one (a physician approved the later date).
   */
  private boolean needsReview(CaseFile caseFile, LocalDate scheduledDate) {
    CaseFile.ReturnedToReview judged = caseFile.returnedToReview();
    if (judged != null && judged.criteriaAsOf() != null && !scheduledDate.isAfter(judged.criteriaAsOf())) {
      return false;
    }
    return recheck.olderThanFourMonthsOn(caseFile, scheduledDate);
  }

  /** Back to criteria review, judged as of the scheduled date, under new determination deadlines. */
  private void returnToReview(DelegateExecution scope, CaseFile caseFile, ProcedureFile.Schedule schedule,
      Instant now) {
    String reason = "The procedure was scheduled for " + schedule.scheduledDate() + "; on that date the fracture of "
        + caseFile.intake().fractureDate() + " would be older than 4 months (policy: vertebral compression fracture "
        + "4 months old or less). Confirm the criteria again: an earlier date, or a physician's review.";
    Instant dueAt = timeframe.dueAt(now, caseFile.intake().urgency(), calendar.zone());
    Instant escalateAt = timeframe.escalateAt(dueAt, caseFile.intake().urgency());
    cases.returnToReview(caseFile.caseId(), new CaseFile.ReturnedToReview(schedule.scheduledDate(), reason), dueAt,
        escalateAt);
    scope.setVariable(CASE_STATUS, CaseStatus.IN_REVIEW.name());
    scope.setVariable(RETURNED_TO_REVIEW_REASON, reason);
    scope.setVariable(DETERMINATION_DUE_AT, Date.from(dueAt));
    scope.setVariable(DETERMINATION_ESCALATION_AT, Date.from(escalateAt));
  }
}
