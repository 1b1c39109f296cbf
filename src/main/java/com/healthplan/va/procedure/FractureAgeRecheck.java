package com.healthplan.va.procedure;

import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseVariables;
import com.healthplan.va.criteria.EligibilityCriterion;
import com.healthplan.va.criteria.EligibilityDecision;
import java.time.LocalDate;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * The fracture's age on the scheduled date, judged by the same rule as at intake: decision
 * {@code vcfEligibility}, in the version that prescreened the case, with the scheduled date in place of the request
 * date. Only that rule's answer is used; the other criteria were reviewed already.
 */
@Component
class FractureAgeRecheck {

  private final EligibilityDecision eligibility;

  FractureAgeRecheck(EligibilityDecision eligibility) {
    this.eligibility = eligibility;
  }

  boolean olderThanFourMonthsOn(CaseFile caseFile, LocalDate scheduledDate) {
    VariableMap facts = caseFile.intake().toVariables();
    facts.putValue(CaseVariables.REQUEST_DATE, scheduledDate.toString());
    return eligibility.unmetCriteria(eligibility.version(caseFile.prescreen().criteriaVersion()), facts)
        .contains(EligibilityCriterion.FRACTURE_OLDER_THAN_4_MONTHS.name());
  }
}
