package com.healthplan.va.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Moves a case to a status from a BPMN listener: {@code ${caseStatusUpdater.enter(execution, 'X')}}. */
@Component("caseStatusUpdater")
public class CaseStatusUpdater {

  public void enter(DelegateExecution execution, String status) {
    CaseStatus.valueOf(status).enter(execution);
  }
}
