package com.healthplan.va.notice;

import com.healthplan.va.casefile.Appeal;
import com.healthplan.va.casefile.AppealTimeframe;
import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseLifecycle;
import com.healthplan.va.casefile.DeterminationRound;
import com.healthplan.va.casefile.Durations;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.criteria.EligibilityCriterion;
import com.healthplan.va.criteria.PolicyDecisions;
import com.healthplan.va.criteria.PolicyTerms;
import com.healthplan.va.letters.MemberLetter;
import com.healthplan.va.letters.MemberLetters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The member's letter of each decision, in the member's words (each unmet criterion's member wording, never a
 * code), with the same dates as the provider's notice: until when to appeal, until when an approval is valid, by
 * when the plan decides. One letter per decision: its id follows the decision, so a retried job writes none twice.
 */
@Component
class MemberNotices {

  private final MemberLetters letters;
  private final PolicyDecisions policy;
  private final CaseLifecycle lifecycle;
  private final AppealTimeframe appealTimes;
  private final NoticeBuilder builder;
  private final PlanCalendar calendar;

  MemberNotices(MemberLetters letters, PolicyDecisions policy, CaseLifecycle lifecycle, AppealTimeframe appealTimes,
      NoticeBuilder builder, PlanCalendar calendar) {
    this.letters = letters;
    this.policy = policy;
    this.lifecycle = lifecycle;
    this.appealTimes = appealTimes;
    this.builder = builder;
    this.calendar = calendar;
  }

  void determination(CaseFile file, DeterminationRound round) {
    DeterminationRound.Decision decision = round.decision();
    Map<String, Object> details = appealRights(file, round);
    details.put("reasons", reasons(file, decision.unmetCriteria()));
    builder.putEarlierRound(details, file, round, letters::day);
    switch (decision.outcome()) {
      case APPROVED, APPROVED_WITH_MODIFICATIONS -> {
        details.put("levels", String.join(", ", decision.approvedLevels()));
        details.put("notApprovedLevels", String.join(", ", decision.notApprovedLevels()));
        details.put("validThrough", letters.day(decision.validThrough()));
        letters.send(file, MemberLetter.APPROVED, round.number(), details);
      }
      case DENIED -> {
        details.put("reviewerName", orDefault(builder.physicianName(decision.decidedBy()), "a doctor who works for us"));
        letters.send(file, MemberLetter.DENIED, round.number(), details);
      }
      case CLOSED_INCOMPLETE -> letters.send(file, MemberLetter.CLOSED_INCOMPLETE, round.number(), details);
    }
  }

  void appealDecision(CaseFile file, DeterminationRound round) {
    Appeal appeal = round.appeal();
    Map<String, Object> details = new HashMap<>();
    details.put("levels", String.join(", ", appeal.appealedLevels()));
    details.put("reviewerName", orDefault(builder.physicianName(appeal.decidedBy()), "a doctor who works for us"));
    details.put("validThrough", letters.day(appeal.approvalValidThrough()));
    details.put("reasons", appeal.overturned() ? List.of() : reasons(file, round.decision().unmetCriteria()));
    letters.send(file, appeal.overturned() ? MemberLetter.APPEAL_OVERTURNED : MemberLetter.APPEAL_UPHELD,
        round.number(), details);
  }

  /** The request for information (numbered per request) and, with it, the extension of the deadline. */
  void informationRequest(CaseFile file) {
    DeterminationRound round = file.currentRound();
    String decideBy = letters.day(calendar.dayOf(round.dueAt()));
    letters.send(file, MemberLetter.INFORMATION_REQUESTED, file.informationRequest().count(),
        new HashMap<>(Map.of("decideBy", decideBy)));
    if (round.extension() != null) {
      letters.send(file, MemberLetter.EXTENDED, round.number(),
          new HashMap<>(Map.of("decideBy", decideBy, "reason", round.extension().reason())));
    }
  }

  private Map<String, Object> appealRights(CaseFile file, DeterminationRound round) {
    Map<String, Object> details = new HashMap<>();
    details.put("appealBy", letters.day(lifecycle.lastDayToAppeal(round.decision())));
    details.put("expeditedAppealTurnaround", Durations.words(appealTimes.expeditedTurnaround()));
    return details;
  }

  private List<String> reasons(CaseFile file, List<String> codes) {
    PolicyTerms terms = policy.terms(file.prescreen() == null ? null : file.prescreen().criteriaVersion());
    return codes.stream().map(code -> EligibilityCriterion.valueOf(code).memberWording(terms)).toList();
  }

  private static String orDefault(String value, String fallback) {
    return value == null ? fallback : value;
  }
}
