package com.healthplan.va.determination;

import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseScope;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The priority of a review task, from the case file: at the top of Tasklist once coordinators were alerted that
 * the round's determination falls due soon. BPMN: {@code camunda:priority="${reviewPriority.of(execution)}"}.
 */
@Component("reviewPriority")
public class ReviewPriority {

  /** Camunda's default task priority. */
  static final int NORMAL = 50;
  /** Above the default: the determination falls due soon. */
  static final int DUE_SOON = 90;

  private final CaseRepository cases;

  ReviewPriority(CaseRepository cases) {
    this.cases = cases;
  }

  public int of(DelegateExecution execution) {
    return cases.get(CaseScope.caseId(execution)).currentRound().escalated() ? DUE_SOON : NORMAL;
  }
}
