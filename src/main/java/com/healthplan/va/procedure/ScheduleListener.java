package com.healthplan.va.procedure;

import static com.healthplan.va.casefile.CaseVariables.*;

import com.healthplan.va.casefile.CaseConflictException;
import com.healthplan.va.casefile.CaseDecisions;
import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseLifecycle;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseStatus;
import com.healthplan.va.casefile.CaseStatusUpdater;
import com.healthplan.va.casefile.FollowUpMilestone;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.criteria.PolicyDecisions;
import com.healthplan.va.criteria.PolicyTerms;
import com.healthplan.va.security.TaskSubmission;
import com.healthplan.va.input.FieldErrors;
import com.healthplan.va.input.SubmittedValues;
import com.healthplan.va.security.CaseRoles;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
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
 * withdraws the procedure with a reason. A date after the last day the approval in force covers is recorded and
 * opens a new determination round, judged as of that date, with that reason for the nurse; the approval stays on
 * record. Refused input leaves the task open.
 */
@Component("procedureScheduled")
class ScheduleListener implements TaskListener {

  private final ProcedureRepository procedures;
  private final CaseRepository cases;
  private final CaseLifecycle lifecycle;
  private final CaseDecisions decisions;
  private final CaseStatusUpdater caseStatuses;
  private final Withdrawals withdrawals;
  private final PolicyDecisions policy;
  private final PlanCalendar calendar;

  ScheduleListener(ProcedureRepository procedures, CaseRepository cases, CaseLifecycle lifecycle,
      CaseDecisions decisions, CaseStatusUpdater caseStatuses, Withdrawals withdrawals, PolicyDecisions policy,
      PlanCalendar calendar) {
    this.procedures = procedures;
    this.cases = cases;
    this.lifecycle = lifecycle;
    this.decisions = decisions;
    this.caseStatuses = caseStatuses;
    this.withdrawals = withdrawals;
    this.policy = policy;
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
    CaseLifecycle.Authorization approval = lifecycle.authorization(caseFile).orElseThrow(() ->
        new CaseConflictException("Case " + caseId + " has no approval in force to schedule under."));
    if (approval.validThrough() != null && schedule.scheduledDate().isAfter(approval.validThrough())) {
      newRound(scope, caseFile, approval, schedule.scheduledDate());
    } else {
      caseStatuses.enter(scope, caseFile, CaseStatus.SCHEDULED);
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
      in.errors().add(DEFERRED_TO_PCP, label + " may list only " + String.join(" and ", deferrable) + ", each once.");
      return List.of();
    }
    return deferrable.stream().filter(unique::contains).toList();
  }

  /**
   * The approval does not cover the scheduled date: a new determination round judges the criteria as of that date,
   * beside the earlier round (whose approval, appeal and notices stay as they were).
   */
  private void newRound(DelegateExecution scope, CaseFile caseFile, CaseLifecycle.Authorization approval,
      LocalDate scheduledDate) {
    PolicyTerms terms = policy.terms(caseFile.prescreen().criteriaVersion());
    String reason = "The procedure was scheduled for " + calendar.day(scheduledDate) + "; the approval covers a "
        + "procedure performed on or before " + calendar.day(approval.validThrough()) + " (the policy covers a "
        + "fracture " + terms.fractureAge() + " old or less; the fracture's date is "
        + calendar.day(caseFile.intake().fractureDate()) + "). The criteria are reviewed again as of the scheduled "
        + "date: confirm them, choose an earlier date, or refer the case to a physician.";
    decisions.reopen(scope, caseFile.caseId(), scheduledDate, reason);
    scope.setVariable(RETURNED_TO_REVIEW_REASON, reason);
  }
}
