package com.healthplan.va.procedure;

import com.healthplan.va.casefile.CaseScope;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** For the case process's gateway: {@code ${procedureFindings.exist(execution)}}, read from the case's tables. */
@Component("procedureFindings")
public class PaymentFindingsCheck {

  private final ProcedureRepository procedures;

  PaymentFindingsCheck(ProcedureRepository procedures) {
    this.procedures = procedures;
  }

  public boolean exist(DelegateExecution execution) {
    return procedures.find(CaseScope.caseId(execution))
        .map(file -> file.findings() != null && !file.findings().codes().isEmpty()).orElse(false);
  }
}
