package com.healthplan.va.eligibility;

import static com.healthplan.va.casefile.CaseVariables.*;

import com.healthplan.va.casefile.CaseStatus;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The coverage determination of a case: who decided what, when, why, and which criteria were unmet. */
record Determination(Outcome outcome, String decidedBy, Instant decidedAt, String rationale,
    List<String> unmetCriteria) {

  enum Outcome {
    APPROVED(CaseStatus.APPROVED), DENIED(CaseStatus.DENIED);

    private final CaseStatus status;

    Outcome(CaseStatus status) {
      this.status = status;
    }
  }

  /** Records the determination on the case and moves it to the matching status. */
  void recordOn(VariableScope caseScope) {
    caseScope.setVariable(DETERMINATION_OUTCOME, outcome.name());
    caseScope.setVariable(DETERMINATION_DECIDED_BY, decidedBy);
    caseScope.setVariable(DETERMINATION_DECIDED_AT, Date.from(decidedAt));
    caseScope.setVariable(DETERMINATION_RATIONALE, rationale);
    caseScope.setVariable(DETERMINATION_UNMET_CRITERIA, CriteriaList.value(unmetCriteria));
    outcome.status.enter(caseScope);
  }
}
