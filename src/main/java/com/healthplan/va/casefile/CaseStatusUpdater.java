package com.healthplan.va.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Moves a case to a status: in its case file, and in the copy ({@code caseStatus}) that Tasklist shows. From a
 * BPMN listener: {@code ${caseStatusUpdater.enter(execution, 'X')}}.
 */
@Component("caseStatusUpdater")
public class CaseStatusUpdater {

  private final CaseRepository cases;

  CaseStatusUpdater(CaseRepository cases) {
    this.cases = cases;
  }

  public void enter(DelegateExecution execution, String status) {
    enter(execution, CaseScope.caseId(execution), CaseStatus.valueOf(status));
  }

  public void enter(VariableScope scope, String caseId, CaseStatus status) {
    cases.enter(caseId, status);
    scope.setVariable(CaseVariables.CASE_STATUS, status.name());
  }
}
