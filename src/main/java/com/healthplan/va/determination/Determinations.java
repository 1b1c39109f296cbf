package com.healthplan.va.determination;

import static com.healthplan.va.casefile.CaseVariables.*;

import com.healthplan.va.criteria.CriteriaList;
import com.healthplan.va.casefile.CaseIntake;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.input.FieldErrors;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** Records a determination in the case file, moves the case to its status and refreshes the forms' copies. */
@Component
class Determinations {

  private final CaseRepository cases;

  Determinations(CaseRepository cases) {
    this.cases = cases;
  }

  /** Records it; refuses the completion, naming the decision field, when the case was already determined. */
  void record(VariableScope caseScope, String caseId, Determination determination, String decisionField) {
    if (!cases.recordDetermination(caseId, determination.asRecorded(), determination.outcome().status())) {
      throw FieldErrors.refusal(decisionField, "This case has already been determined; a determination "
          + "is final.");
    }
    caseScope.setVariable(DETERMINATION_OUTCOME, determination.outcome().name());
    caseScope.setVariable(DETERMINATION_DECIDED_BY, determination.decidedBy());
    caseScope.setVariable(DETERMINATION_DECIDED_AT, Date.from(determination.decidedAt()));
    caseScope.setVariable(DETERMINATION_RATIONALE, determination.rationale());
    caseScope.setVariable(DETERMINATION_UNMET_CRITERIA, CriteriaList.value(determination.unmetCriteria()));
    caseScope.setVariable(CASE_STATUS, determination.outcome().status().name());
    if (determination.outcome() == Determination.Outcome.APPROVED) {
      caseScope.setVariable(APPROVED_LEVELS, CaseIntake.levelsValue(determination.approvedLevels()));
      caseScope.setVariable(APPROVAL_CONDITIONS, determination.conditions());
    }
  }
}
