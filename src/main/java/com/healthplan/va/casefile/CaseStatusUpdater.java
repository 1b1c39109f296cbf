package com.healthplan.va.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * A case's status for the BPMN models, read from and written to its case file (and the copy, {@code caseStatus},
 * that Tasklist shows): {@code ${caseStatuses.is(execution, 'APPROVED')}} on a gateway's flow. Every change passes
 * the {@link CaseLifecycle}: a status the case's life does not allow next is refused, whoever asks.
 */
@Component("caseStatuses")
public class CaseStatusUpdater {

  private final CaseRepository cases;
  private final CaseLifecycle lifecycle;

  CaseStatusUpdater(CaseRepository cases, CaseLifecycle lifecycle) {
    this.cases = cases;
    this.lifecycle = lifecycle;
  }

  public boolean is(DelegateExecution execution, String status) {
    return cases.get(CaseScope.caseId(execution)).status() == CaseStatus.valueOf(status);
  }

  public void enter(VariableScope scope, String caseId, CaseStatus status) {
    enter(scope, cases.get(caseId), status);
  }

  /** Moves the case from the status it has in the given file (read in this step) to the next one. */
  public void enter(VariableScope scope, CaseFile file, CaseStatus status) {
    lifecycle.requireTransition(file, status);
    if (file.status() != status) {
      cases.enter(file.caseId(), file.status(), status);
    }
    if (scope != null) {
      scope.setVariable(CaseVariables.CASE_STATUS, status.name());
    }
  }
}
