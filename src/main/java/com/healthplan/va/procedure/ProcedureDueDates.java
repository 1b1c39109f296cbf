package com.healthplan.va.procedure;

import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseScope;
import com.healthplan.va.casefile.PlanCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Due dates of the phase's tasks for Tasklist, from the case's tables: {@code ${procedureDueDates.schedule(execution)}}
 * and the like. A date in the past is never given: a task already late is due tomorrow.
 */
@Component("procedureDueDates")
public class ProcedureDueDates {

  private final CaseRepository cases;
  private final ProcedureRepository procedures;
  private final DocumentationDeadline deadline;
  private final PlanCalendar calendar;

  ProcedureDueDates(CaseRepository cases, ProcedureRepository procedures, DocumentationDeadline deadline,
      PlanCalendar calendar) {
    this.cases = cases;
    this.procedures = procedures;
    this.deadline = deadline;
    this.calendar = calendar;
  }

  /** Schedule by the last day on which the fracture is at most 4 months old (the policy's limit). */
  public Date schedule(DelegateExecution execution) {
    LocalDate fracture = cases.get(CaseScope.caseId(execution)).intake().fractureDate();
    return endOf(fracture.plusMonths(4));
  }

  /** Record by the end of the scheduled day. */
  public Date record(DelegateExecution execution) {
    return endOf(procedures.get(CaseScope.caseId(execution)).schedule().scheduledDate());
  }

  /** Resolve payment findings within the plan's documentation response time. */
  public Date findings(DelegateExecution execution) {
    return Date.from(deadline.from(calendar.now()));
  }

  private Date endOf(LocalDate day) {
    Instant end = day.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
    Instant tomorrow = calendar.now().plusSeconds(24 * 3600);
    return Date.from(end.isBefore(calendar.now()) ? tomorrow : end);
  }
}
