package com.healthplan.va.determination;

import static com.healthplan.va.casefile.CaseVariables.*;

import com.healthplan.va.criteria.CriteriaList;
import com.healthplan.va.criteria.EligibilityDecision;
import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseScope;
import com.healthplan.va.casefile.CaseStatus;
import com.healthplan.va.casefile.PlanCalendar;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * "Prescreen criteria": evaluates decision {@code vcfEligibility} on the facts of the case file (never on process
 * variables) and records which criteria the facts do not meet, in decision order, with the decision's version.
 * The decision is the one deployed with the process version that runs the case, so that a case keeps the
 * policy version it was prescreened under. A fresh criteria review starts from the result: every criterion
 * found met is pre-confirmed.
 */
@Component("prescreenCriteria")
class PrescreenCriteriaDelegate implements JavaDelegate {

  private final CaseRepository cases;
  private final EligibilityDecision eligibility;
  private final PlanCalendar calendar;

  PrescreenCriteriaDelegate(CaseRepository cases, EligibilityDecision eligibility, PlanCalendar calendar) {
    this.cases = cases;
    this.eligibility = eligibility;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseId = CaseScope.caseId(execution);
    CaseFile caseFile = cases.get(caseId);
    DecisionDefinition decision = eligibility.deployedWith(execution.getProcessDefinitionId());
    List<String> unmet = eligibility.unmetCriteria(decision, caseFile.criteriaFacts());

    cases.recordPrescreen(caseId, unmet, decision.getVersion(), calendar.now());
    execution.setVariable(PRESCREEN_UNMET_CRITERIA, CriteriaList.value(unmet));
    execution.setVariable(PRESCREEN_MEETS_CRITERIA, unmet.isEmpty());
    execution.setVariable(CRITERIA_VERSION, decision.getVersion());
    execution.setVariable(REVIEW_CONFIRMED_CRITERIA, CriteriaList.value(CriteriaList.complementOf(unmet)));
    execution.removeVariable(REVIEW_DECISION);
    execution.removeVariable(REVIEW_NOTE);
    execution.removeVariable(REQUESTED_INFORMATION);
    // a case determined again (back from scheduling) starts its physician's review blank too
    execution.removeVariable(MEDICAL_DIRECTOR_DECISION);
    execution.removeVariable(MEDICAL_DIRECTOR_RATIONALE);
    execution.setVariable(CASE_STATUS, CaseStatus.IN_REVIEW.name());
  }
}
