package com.healthplan.va.documents;

import com.healthplan.va.casefile.CaseScope;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Create listener of a task whose form lists the case's documents as they are when the task opens. */
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
