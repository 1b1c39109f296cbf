package com.healthplan.va.procedure;

import com.healthplan.va.casefile.CaseScope;
import com.healthplan.va.casefile.CaseStatus;
import com.healthplan.va.casefile.CaseStatusUpdater;
import com.healthplan.va.casefile.PlanCalendar;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of the procedure phase (after the generic phase check): opens the phase's file and puts the case
 * in {@code AWAITING_DOCUMENTATION}, or straight in {@code READY_TO_SCHEDULE} when a nurse confirmed every item
 * before the case went back to criteria review and was approved again.
 */
@Component("procedurePhaseStart")
class ProcedurePhaseStartListener implements ExecutionListener {

  private final ProcedureRepository procedures;
  private final CaseStatusUpdater caseStatuses;
  private final ProcedureCopies copies;
  private final PlanCalendar calendar;
  private final DocumentationDeadline deadline;

  ProcedurePhaseStartListener(ProcedureRepository procedures, CaseStatusUpdater caseStatuses, ProcedureCopies copies,
      PlanCalendar calendar, DocumentationDeadline deadline) {
    this.procedures = procedures;
    this.caseStatuses = caseStatuses;
    this.copies = copies;
    this.calendar = calendar;
    this.deadline = deadline;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String caseId = CaseScope.caseId(execution);
    Instant due = deadline.from(calendar.now());
    if (!procedures.openIfAbsent(caseId, due) && !procedures.get(caseId).documentation().complete()) {
      procedures.restartDocumentationClock(caseId, due); // back after a new approval: a fresh deadline
    }
    ProcedureFile file = procedures.get(caseId);
    caseStatuses.enter(execution, caseId, file.documentation().complete() ? CaseStatus.READY_TO_SCHEDULE
        : CaseStatus.AWAITING_DOCUMENTATION);
    copies.copy(execution, file);
  }
}
