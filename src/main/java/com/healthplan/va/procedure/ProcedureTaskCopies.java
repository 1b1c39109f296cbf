package com.healthplan.va.procedure;

import com.healthplan.va.casefile.CaseCopies;
import com.healthplan.va.casefile.CaseScope;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of the procedure's tasks (and of "Resolve payment findings" in the case process): the form shows
 * the case as it is when the task opens: what is approved and until when, the procedure's file, the documents.
 */
@Component("procedureTaskCopies")
class ProcedureTaskCopies implements TaskListener {

  private final CaseCopies caseCopies;
  private final ProcedureRepository procedures;
  private final ProcedureCopies copies;

  ProcedureTaskCopies(CaseCopies caseCopies, ProcedureRepository procedures, ProcedureCopies copies) {
    this.caseCopies = caseCopies;
    this.procedures = procedures;
    this.copies = copies;
  }

  @Override
  public void notify(DelegateTask task) {
    String caseId = CaseScope.caseId(task);
    caseCopies.copy(task.getExecution(), caseId);
    procedures.find(caseId).ifPresent(file -> copies.copy(task.getExecution(), file));
  }
}
