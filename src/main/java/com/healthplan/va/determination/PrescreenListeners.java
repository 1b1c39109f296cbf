package com.healthplan.va.determination;

import static com.healthplan.va.casefile.CaseVariables.*;

import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseScope;
import com.healthplan.va.casefile.CaseStatus;
import com.healthplan.va.casefile.CaseStatusUpdater;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.criteria.CriteriaList;
import com.healthplan.va.criteria.EligibilityCriterion;
import com.healthplan.va.criteria.EligibilityDecision;
import com.healthplan.va.criteria.PolicyDecisions;
import com.healthplan.va.criteria.PolicyTerms;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The two listeners of "Prescreen criteria", a business rule task that evaluates {@code vcfEligibility} by key
 * (the version deployed with the process): at its start the facts it judges are put in the task's own scope from
 * the case file, never from the copies a person could have changed (a round opened for a later date judges the
 * criteria as of that date); at its end the unmet criteria are recorded in the case file with the decision's
 * version, and the reviewers' forms get them in the policy's words. A fresh criteria review starts from them.
 */
@Configuration(proxyBeanMethods = false)
class PrescreenListeners {

  @Bean
  ExecutionListener criteriaFacts(CaseRepository cases) {
    return execution -> execution.setVariablesLocal(cases.get(CaseScope.caseId(execution)).criteriaFacts());
  }

  @Bean
  ExecutionListener prescreenRecorded(CaseRepository cases, EligibilityDecision eligibility, PolicyDecisions policy,
      CaseStatusUpdater statuses, PlanCalendar calendar) {
    return execution -> {
      String caseId = CaseScope.caseId(execution);
      List<String> unmet = EligibilityCriterion.inDecisionOrder(result(execution));
      int version = eligibility.deployedWith(execution.getProcessDefinitionId()).getVersion();
      cases.recordPrescreen(caseId, unmet, version, calendar.now());
      CaseFile file = cases.get(caseId);
      statuses.enter(execution, file, CaseStatus.IN_REVIEW);
      copy(execution, unmet, policy.terms(version), version);
    };
  }

  @SuppressWarnings("unchecked")
  private static Collection<String> result(DelegateExecution execution) {
    Object result = execution.getVariable(PRESCREEN_RESULT);
    return result == null ? List.of() : (Collection<String>) result;
  }

  /** The prescreen for the forms: the unmet criteria, the checklist in the case's policy wording, fresh answers. */
  private static void copy(DelegateExecution execution, List<String> unmet, PolicyTerms terms, int version) {
    execution.removeVariable(PRESCREEN_RESULT);
    DelegateExecution scope = execution.getProcessInstance();
    scope.setVariable(PRESCREEN_UNMET_CRITERIA, CriteriaList.value(unmet));
    scope.setVariable(PRESCREEN_UNMET_WORDING, CriteriaList.wordingList(unmet, terms));
    scope.setVariable(PRESCREEN_MEETS_CRITERIA, unmet.isEmpty());
    scope.setVariable(CRITERIA_VERSION, version);
    scope.setVariable(CRITERIA_OPTIONS, CriteriaList.options(terms));
    scope.setVariable(REVIEW_CONFIRMED_CRITERIA, CriteriaList.value(CriteriaList.complementOf(unmet)));
    for (String answer : List.of(REVIEW_DECISION, REVIEW_NOTE, REQUESTED_INFORMATION, MEDICAL_DIRECTOR_DECISION,
        MEDICAL_DIRECTOR_RATIONALE, APPROVED_LEVELS, APPROVAL_CONDITIONS, EXTENSION_DAYS, EXTENSION_REASON)) {
      scope.removeVariable(answer);
    }
  }
}
