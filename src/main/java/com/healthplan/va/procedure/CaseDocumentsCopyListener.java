package com.healthplan.va.procedure;

import com.healthplan.va.casefile.CaseScope;
import com.healthplan.va.documents.CaseDocumentCopies;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Create listener of the phase's tasks: the form lists the case's documents as they are when the task opens. */
@Component("copyCaseDocuments")
class CaseDocumentsCopyListener implements TaskListener {

  private final CaseDocumentCopies copies;

  CaseDocumentsCopyListener(CaseDocumentCopies copies) {
    this.copies = copies;
  }

  @Override
  public void notify(DelegateTask task) {
    copies.copyTo(task.getExecution(), CaseScope.caseId(task));
  }
}
