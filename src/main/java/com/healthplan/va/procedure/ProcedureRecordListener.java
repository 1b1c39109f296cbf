package com.healthplan.va.procedure;

import static com.healthplan.va.casefile.CaseVariables.*;

import com.healthplan.va.casefile.CaseStatus;
import com.healthplan.va.casefile.CaseStatusUpdater;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.security.TaskSubmission;
import com.healthplan.va.input.FieldErrors;
import com.healthplan.va.input.SubmittedValues;
import com.healthplan.va.security.CaseRoles;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "Record procedure" (Tasklist, engine REST and {@code PUT /api/cases/{caseId}/procedure}
 * all end here): records the procedure as performed and puts the case in follow-up; or sends it back to
 * scheduling, or withdraws it with a reason. Refused input leaves the task open with nothing saved.
 */
@Component("procedureRecorded")
class ProcedureRecordListener implements TaskListener {

  private final ProcedureRepository procedures;
  private final CaseRepository cases;
  private final CaseStatusUpdater caseStatuses;
  private final Withdrawals withdrawals;
  private final PlanCalendar calendar;

  ProcedureRecordListener(ProcedureRepository procedures, CaseRepository cases, CaseStatusUpdater caseStatuses,
      Withdrawals withdrawals, PlanCalendar calendar) {
    this.procedures = procedures;
    this.cases = cases;
    this.caseStatuses = caseStatuses;
    this.withdrawals = withdrawals;
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskSubmission submission = TaskSubmission.of(task, List.of(CaseRoles.COORDINATORS, CaseRoles.NURSES),
        RECORD_DECISION, "Only a follow-up coordinator or a utilization-management nurse may record the procedure.");
    SubmittedValues in = submission.in();
    FieldErrors errors = submission.errors();
    RecordDecision decision = in.isPresent(RECORD_DECISION)
        ? in.choice(RECORD_DECISION, "Decision", RecordDecision.class, true) : RecordDecision.RECORD;
    errors.throwIfAny();
    String caseId = submission.caseId();
    String userId = submission.user().userId();
    Instant now = calendar.now();
    DelegateExecution scope = task.getExecution();
    switch (decision) {
      case RECORD -> {
        ProcedureRecord record = ProcedureRecordValidator.read(in, calendar.today(),
            cases.get(caseId).intake().fractureDate());
        errors.throwIfAny();
        procedures.recordProcedure(caseId, record.recordedBy(userId, now));
        caseStatuses.enter(scope, caseId, CaseStatus.IN_FOLLOW_UP);
      }
      case RESCHEDULE -> caseStatuses.enter(scope, caseId, CaseStatus.READY_TO_SCHEDULE);
      case WITHDRAW -> {
        String reason = Withdrawals.reason(in);
        errors.throwIfAny();
        withdrawals.withdraw(scope, caseId, reason, userId, now);
      }
    }
  }
}
