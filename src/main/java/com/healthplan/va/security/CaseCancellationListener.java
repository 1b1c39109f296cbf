package com.healthplan.va.security;

import com.healthplan.va.casefile.CaseDecisions;
import com.healthplan.va.casefile.CaseScope;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of the case process: when an administrator cancels the case (deletes its instance, which the command
 * guard allows only as a whole and with listeners), the cancellation is recorded on the case file with who and why,
 * and the case leaves the open statuses. A case that ends normally is left as its last step put it.
 */
@Component("caseCancelled")
class CaseCancellationListener implements ExecutionListener {

  private final CaseDecisions decisions;

  CaseCancellationListener(CaseDecisions decisions) {
    this.decisions = decisions;
  }

  @Override
  public void notify(DelegateExecution execution) {
    CaseCancellation.Request request = CaseCancellation.current();
    if (execution.isCanceled() && request != null && execution.getProcessBusinessKey() != null) {
      decisions.cancel(CaseScope.caseId(execution), request.userId(), request.reason());
    }
  }
}
