package com.healthplan.va.determination;

import static com.healthplan.va.casefile.CaseVariables.REVIEW_DECISION;

import com.healthplan.va.casefile.CaseDecisions;
import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseScope;
import com.healthplan.va.casefile.CaseStatus;
import com.healthplan.va.casefile.CaseStatusUpdater;
import com.healthplan.va.casefile.DeterminationOutcome;
import com.healthplan.va.casefile.DeterminationRound;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.criteria.CriteriaList;
import com.healthplan.va.criteria.EligibilityCriterion;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Decide on the information at hand": the requested information did not arrive by its deadline. The plan decides
 * without it: when the records on file leave a criterion unmet (the prescreen's findings and what the nurse could not
 * confirm when she asked), the round closes incomplete, an adverse determination with those reasons that may be
 * appealed like a denial; when nothing is unmet, the case goes back to the nurse's review to be decided on the file.
 */
@Component("decideOnInformationAtHand")
class InformationLapsedDelegate implements JavaDelegate {

  private final CaseRepository cases;
  private final CaseDecisions decisions;
  private final CaseStatusUpdater statuses;
  private final PlanCalendar calendar;

  InformationLapsedDelegate(CaseRepository cases, CaseDecisions decisions, CaseStatusUpdater statuses,
      PlanCalendar calendar) {
    this.cases = cases;
    this.decisions = decisions;
    this.statuses = statuses;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseFile file = cases.get(CaseScope.caseId(execution));
    Set<String> unmet = new LinkedHashSet<>(file.prescreen().unmetCriteria());
    if (file.review() != null) {
      unmet.addAll(CriteriaList.complementOf(file.review().confirmedCriteria()));
    }
    List<String> codes = EligibilityCriterion.inDecisionOrder(unmet);
    if (codes.isEmpty()) {
      statuses.enter(execution, file, CaseStatus.IN_REVIEW);
      return;
    }
    CaseFile.InformationRequest request = file.informationRequest();
    String rationale = "The information requested on " + calendar.day(calendar.dayOf(request.requestedAt() != null
        ? request.requestedAt() : calendar.now())) + " had not arrived by " + calendar.moment(request.dueAt())
        + ". Decided on the information at hand: the records on file do not show every criterion of the policy met.";
    decisions.decide(execution, file.caseId(), new DeterminationRound.Decision(DeterminationOutcome.CLOSED_INCOMPLETE,
        null, calendar.now(), rationale, codes, List.of(), file.intake().fractureLevels(), null, List.of(), null),
        REVIEW_DECISION);
  }
}
