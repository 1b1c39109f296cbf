package com.healthplan.va.eligibility;

import static com.healthplan.va.casefile.CaseVariables.*;

import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseStatus;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of the prescreen: stores the decision's unmet criteria on the case in decision order, with
 * {@code prescreenMeetsCriteria}, and prepares a fresh criteria review in which the nurse starts from the
 * prescreen: every criterion it found met is pre-confirmed.
 */
@Component("prescreenRecorded")
class PrescreenRecordedListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    List<String> unmet = EligibilityCriterion.inDecisionOrder(CaseFile.of(execution).texts(PRESCREEN_UNMET_CRITERIA));
    execution.setVariable(PRESCREEN_UNMET_CRITERIA, CriteriaList.value(unmet));
    execution.setVariable(PRESCREEN_MEETS_CRITERIA, unmet.isEmpty());

    execution.setVariable(REVIEW_CONFIRMED_CRITERIA, CriteriaList.value(CriteriaList.complementOf(unmet)));
    execution.removeVariable(REVIEW_DECISION);
    execution.removeVariable(REVIEW_NOTE);
    execution.removeVariable(REQUESTED_INFORMATION);
    CaseStatus.IN_REVIEW.enter(execution);
  }
}
