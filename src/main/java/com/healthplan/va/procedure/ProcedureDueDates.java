package com.healthplan.va.procedure;

import com.healthplan.va.casefile.CaseLifecycle;
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
  private final CaseLifecycle lifecycle;
  private final ProcedureRepository procedures;
  private final DocumentationDeadline deadline;
  private final PlanCalendar calendar;

  ProcedureDueDates(CaseRepository cases, CaseLifecycle lifecycle, ProcedureRepository procedures,
      DocumentationDeadline deadline, PlanCalendar calendar) {
    this.cases = cases;
    this.lifecycle = lifecycle;
    this.procedures = procedures;
    this.deadline = deadline;
    this.calendar = calendar;
  }

  /** Schedule by the last day the approval in force covers (the day it is valid through). */
  public Date schedule(DelegateExecution execution) {
    LocalDate validThrough = lifecycle.authorization(cases.get(CaseScope.caseId(execution)))
        .map(CaseLifecycle.Authorization::validThrough).orElse(calendar.today());
    return endOf(validThrough == null ? calendar.today() : validThrough);
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
