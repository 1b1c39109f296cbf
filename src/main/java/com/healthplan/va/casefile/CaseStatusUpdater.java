package com.healthplan.va.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * A case's status for the BPMN models, read from and written to its case file (and the copy, {@code caseStatus},
 * that Tasklist shows): {@code ${caseStatuses.is(execution, 'APPROVED')}} on a gateway's flow,
 * {@code ${caseStatuses.enter(execution, 'CLOSED_INCOMPLETE')}} in a listener.
 */
@Component("caseStatuses")
public class CaseStatusUpdater {

  private final CaseRepository cases;

  CaseStatusUpdater(CaseRepository cases) {
    this.cases = cases;
  }

  public boolean is(DelegateExecution execution, String status) {
    return cases.get(CaseScope.caseId(execution)).status() == CaseStatus.valueOf(status);
  }

  public void enter(DelegateExecution execution, String status) {
    enter(execution, CaseScope.caseId(execution), CaseStatus.valueOf(status));
  }

  public void enter(VariableScope scope, String caseId, CaseStatus status) {
    cases.enter(caseId, status);
    scope.setVariable(CaseVariables.CASE_STATUS, status.name());
  }
}
