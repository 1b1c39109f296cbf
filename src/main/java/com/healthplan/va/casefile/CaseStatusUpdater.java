package com.healthplan.va.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** Moves a case to a status; used from BPMN listeners ({@code ${caseStatusUpdater.enter(execution, 'X')}}). */
@Component("caseStatusUpdater")
public class CaseStatusUpdater {

  public void enter(DelegateExecution execution, String status) {
    enter(execution, CaseStatus.valueOf(status));
  }

  public void enter(VariableScope scope, CaseStatus status) {
    scope.setVariable(CaseVariables.CASE_STATUS, status.name());
  }
}
