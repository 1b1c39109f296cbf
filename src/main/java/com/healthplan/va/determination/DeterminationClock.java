package com.healthplan.va.determination;

import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseScope;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The current round's clocks for the BPMN, from the case file: {@code ${determinationClock.escalationAt(execution)}}
 * for the case's "Determination due soon" timer, {@code dueAt} for the review tasks' due dates, {@code
 * informationDueAt} for the information deadline's timer.
 */
@Component("determinationClock")
public class DeterminationClock {

  private final CaseRepository cases;

  DeterminationClock(CaseRepository cases) {
    this.cases = cases;
  }

  public Date escalationAt(DelegateExecution execution) {
    return Date.from(cases.get(CaseScope.caseId(execution)).currentRound().escalationAt());
  }

  public Date dueAt(DelegateExecution execution) {
    return Date.from(cases.get(CaseScope.caseId(execution)).determinationDueAt());
  }

  public Date informationDueAt(DelegateExecution execution) {
    return Date.from(cases.get(CaseScope.caseId(execution)).informationRequest().dueAt());
  }
}
