package com.healthplan.va.appeal;

import com.healthplan.va.casefile.AppealTimeframe;
import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseLifecycle;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseScope;
import com.healthplan.va.casefile.DeterminationTimeframe;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.casefile.Urgency;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The appeal's clocks for the BPMN, from the case file and the case's rules: the end of the appeal window the
 * notices print ({@code ${appealClock.windowClosesAt(execution)}}), and when an appeal received now is due and its
 * coordinators are alerted ({@code va.appeal.*}, the same alert lead as a determination).
 */
@Component("appealClock")
public class AppealClock {

  private final CaseRepository cases;
  private final CaseLifecycle lifecycle;
  private final AppealTimeframe appeals;
  private final DeterminationTimeframe determination;
  private final PlanCalendar calendar;

  AppealClock(CaseRepository cases, CaseLifecycle lifecycle, AppealTimeframe appeals,
      DeterminationTimeframe determination, PlanCalendar calendar) {
    this.cases = cases;
    this.lifecycle = lifecycle;
    this.appeals = appeals;
    this.determination = determination;
    this.calendar = calendar;
  }

  /** The end of the last day to appeal the latest determination, as its notices print it. */
  public Date windowClosesAt(DelegateExecution execution) {
    CaseFile file = cases.get(CaseScope.caseId(execution));
    return Date.from(lifecycle.appealWindowClosesAt(file.latestDecidedRound().orElseThrow().decision()));
  }

  /** When the open appeal is due (the review task's due date). */
  public Date dueAt(DelegateExecution execution) {
    CaseFile file = cases.get(CaseScope.caseId(execution));
    return Date.from(file.latestDecidedRound().orElseThrow().appeal().dueAt());
  }

  /** When the coordinators are alerted that the open appeal falls due soon. */
  public Date escalationAt(DelegateExecution execution) {
    CaseFile file = cases.get(CaseScope.caseId(execution));
    return Date.from(file.latestDecidedRound().orElseThrow().appeal().escalationAt());
  }

  /** Whole seconds: the engine's timers and due dates keep milliseconds, the tables microseconds. */
  Instant dueAt(Instant receivedAt, Urgency urgency) {
    return appeals.dueAt(receivedAt, urgency, calendar.zone());
  }

  Instant escalateAt(Instant dueAt, Urgency urgency) {
    return determination.escalateAt(dueAt, urgency);
  }
}
