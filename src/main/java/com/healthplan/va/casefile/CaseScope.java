package com.healthplan.va.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Which case an execution or task belongs to: the business key of its process instance, which the application
 * sets at intake and the engine keeps (it is not a variable that a task worker could change).
 */
public final class CaseScope {

  private CaseScope() {
  }

  public static String caseId(DelegateExecution execution) {
    String caseId = execution.getProcessBusinessKey();
    if (caseId == null) {
      throw new IllegalStateException("Process instance " + execution.getProcessInstanceId() + " has no case id");
    }
    return caseId;
  }

  public static String caseId(DelegateTask task) {
    return caseId(task.getExecution());
  }
}
