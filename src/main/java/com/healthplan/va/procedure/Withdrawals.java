package com.healthplan.va.procedure;

import com.healthplan.va.casefile.CaseDecisions;
import com.healthplan.va.casefile.CaseVariables;
import com.healthplan.va.input.SubmittedValues;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Withdrawal of the procedure (it will not take place: the patient declined, the authorization lapsed, ...),
 * possible from each task of the phase until the procedure is recorded; always with a reason.
 */
@Component
class Withdrawals {

  static final String REASON_LABEL = "Reason for withdrawal";

  private final ProcedureRepository procedures;
  private final CaseDecisions decisions;

  Withdrawals(ProcedureRepository procedures, CaseDecisions decisions) {
    this.procedures = procedures;
    this.decisions = decisions;
  }

  /** The reason as submitted; the field's error when it is missing. */
  static String reason(SubmittedValues in) {
    return in.note(CaseVariables.WITHDRAWAL_REASON, REASON_LABEL, true);
  }

  void withdraw(VariableScope scope, String caseId, String reason, String userId, Instant at) {
    procedures.withdraw(caseId, new ProcedureFile.Withdrawal(reason, userId, at));
    decisions.withdraw(scope, caseId);
  }
}
