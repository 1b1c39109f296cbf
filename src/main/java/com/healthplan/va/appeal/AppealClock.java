package com.healthplan.va.appeal;

import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseScope;
import com.healthplan.va.casefile.DeterminationTimeframe;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.casefile.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The appeal's clocks: a denial may be appealed for {@code va.appeal.window} (65 days) from the denial; an appeal
 * is decided within {@code va.appeal.standard-turnaround} (30 days) or {@code va.appeal.expedited-turnaround}
 * (72 hours) of its receipt, with the coordinators alerted before, like a first determination.
 * {@code ${appealClock.windowClosesAt(execution)}} for the BPMN.
 */
@Component("appealClock")
public class AppealClock {

  private final CaseRepository cases;
  private final DeterminationTimeframe determination;
  private final PlanCalendar calendar;
  private final Period window;
  private final Period standard;
  private final Duration expedited;

  AppealClock(CaseRepository cases, DeterminationTimeframe determination, PlanCalendar calendar,
      @Value("${va.appeal.window}") Period window, @Value("${va.appeal.standard-turnaround}") Period standard,
      @Value("${va.appeal.expedited-turnaround}") Duration expedited) {
    this.cases = cases;
    this.determination = determination;
    this.calendar = calendar;
    this.window = window;
    this.standard = standard;
    this.expedited = expedited;
  }

  /**
   * The end of the appeal window: the end of the day printed in the notices, the denial's day plus 65 calendar
   * days in the plan's zone.
   */
  public Date windowClosesAt(DelegateExecution execution) {
    return Date.from(windowClosesAt(cases.get(CaseScope.caseId(execution))));
  }

  Instant windowClosesAt(CaseFile caseFile) {
    // whole seconds: the engine's timers and due dates keep milliseconds, the tables microseconds
    return caseFile.determination().decidedAt().atZone(calendar.zone()).toLocalDate().plus(window).plusDays(1)
        .atStartOfDay(calendar.zone()).toInstant();
  }

  Instant dueAt(Instant receivedAt, Urgency urgency) {
    return urgency == Urgency.EXPEDITED ? receivedAt.plus(expedited)
        : receivedAt.atZone(calendar.zone()).plus(standard).toInstant();
  }

  Instant escalateAt(Instant dueAt, Urgency urgency) {
    return determination.escalateAt(dueAt, urgency);
  }
}
