package com.healthplan.va.followup;

import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseScope;
import com.healthplan.va.casefile.CaseStatus;
import com.healthplan.va.casefile.CaseVariables;
import com.healthplan.va.casefile.PlanCalendar;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * "Close case": after the last follow-up the case is {@code CLOSED} with an outcome summary: the pain at intake
 * against each milestone's pain, comfort and activity.
 */
@Component
class CaseClosing {

  private final CaseRepository cases;
  private final FollowUpRepository followUps;
  private final PlanCalendar calendar;

  CaseClosing(CaseRepository cases, FollowUpRepository followUps, PlanCalendar calendar) {
    this.cases = cases;
    this.followUps = followUps;
    this.calendar = calendar;
  }

  void close(DelegateExecution execution) {
    String caseId = CaseScope.caseId(execution);
    String summary = summary(cases.get(caseId).intake().painScore(), followUps.of(caseId));
    cases.close(caseId, summary, calendar.now());
    execution.setVariable(CaseVariables.CASE_STATUS, CaseStatus.CLOSED.name());
  }

  /** "Pain 8 at intake; 1-week follow-up: pain 5 (-3), comfort 6, activity 5; ..." */
  static String summary(int baselinePain, List<FollowUp> followUps) {
    StringBuilder text = new StringBuilder("Pain " + baselinePain + " at intake");
    for (FollowUp followUp : followUps) {
      if (followUp.completed()) {
        FollowUp.Scores scores = followUp.scores();
        int change = scores.painScore() - baselinePain;
        text.append("; ").append(followUp.milestone().label()).append(": pain ").append(scores.painScore())
            .append(" (").append(change > 0 ? "+" : "").append(change).append("), comfort ")
            .append(scores.comfortScore()).append(", activity ").append(scores.activityScore());
      }
    }
    return text.append('.').toString();
  }
}
