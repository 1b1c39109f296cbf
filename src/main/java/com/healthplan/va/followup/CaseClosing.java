package com.healthplan.va.followup;

import com.healthplan.va.casefile.CaseDecisions;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseScope;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * "Close case": once the last follow-up and the payment findings are done, the case is {@code CLOSED} with an
 * outcome summary: the pain at intake against each milestone's pain, comfort and activity.
 */
@Component
class CaseClosing {

  private final CaseRepository cases;
  private final CaseDecisions decisions;
  private final FollowUpRepository followUps;

  CaseClosing(CaseRepository cases, CaseDecisions decisions, FollowUpRepository followUps) {
    this.cases = cases;
    this.decisions = decisions;
    this.followUps = followUps;
  }

  void close(DelegateExecution execution) {
    String caseId = CaseScope.caseId(execution);
    decisions.close(execution, caseId, summary(cases.get(caseId).intake().painScore(), followUps.of(caseId)));
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
