package com.healthplan.va.notice;

import com.healthplan.va.casefile.Appeal;
import com.healthplan.va.casefile.AppealTimeframe;
import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseLifecycle;
import com.healthplan.va.casefile.DeterminationRound;
import com.healthplan.va.casefile.DeterminationTimeframe;
import com.healthplan.va.casefile.Durations;
import com.healthplan.va.casefile.FollowUpMilestone;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.casefile.PlanContacts;
import com.healthplan.va.criteria.EligibilityCriterion;
import com.healthplan.va.criteria.PolicyDecisions;
import com.healthplan.va.criteria.PolicyTerms;
import com.healthplan.va.notification.Notice;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What the requesting provider is told of a decision, from the case file as it stands when the notice is sent
 * (a round's decision and its appeal are final, so a notice always agrees with them): a determination names what is
 * approved and until when, or every unmet criterion in plain words and the policy's words, the reviewing physician,
 * the peer-to-peer line and until when and how to appeal; an appeal's decision names what it concerns and, when
 * overturned, until when the approval is valid. Every date is the one the case's rules then enforce.
 */
@Component
class ProviderNotices {

  private final NoticeBuilder builder;
  private final PolicyDecisions policy;
  private final CaseLifecycle lifecycle;
  private final AppealTimeframe appealTimes;
  private final DeterminationTimeframe determinationTimes;
  private final PlanCalendar calendar;
  private final PlanContacts plan;

  ProviderNotices(NoticeBuilder builder, PolicyDecisions policy, CaseLifecycle lifecycle,
      AppealTimeframe appealTimes, DeterminationTimeframe determinationTimes, PlanCalendar calendar,
      PlanContacts plan) {
    this.builder = builder;
    this.policy = policy;
    this.lifecycle = lifecycle;
    this.appealTimes = appealTimes;
    this.determinationTimes = determinationTimes;
    this.calendar = calendar;
    this.plan = plan;
  }

  /** The notice of a round's determination: approved (in whole or in part), denied, or closed incomplete. */
  Notice determination(CaseFile file, DeterminationRound round) {
    DeterminationRound.Decision decision = round.decision();
    PolicyTerms terms = policy.terms(criteriaVersion(file));
    Map<String, Object> model = decisionFacts(file, round);
    model.put("decidedAt", calendar.moment(decision.decidedAt()));
    model.put("reviewerName", orDefault(builder.physicianName(decision.decidedBy()), "a medical director"));
    model.put("unmetCriteria", decision.unmetCriteria().stream().map(EligibilityCriterion::valueOf)
        .map(criterion -> Map.of("plain", criterion.plainLanguage(terms), "policy", criterion.policyWording(terms)))
        .toList());
    model.put("rationale", orDefault(decision.rationale(), ""));
    return switch (decision.outcome()) {
      case APPROVED, APPROVED_WITH_MODIFICATIONS -> {
        model.put("levels", String.join(", ", decision.approvedLevels()));
        model.put("notApprovedLevels", String.join(", ", decision.notApprovedLevels()));
        model.put("conditions", orDefault(decision.conditions(), ""));
        model.put("approvalRationale", decision.outcome() == com.healthplan.va.casefile.DeterminationOutcome.APPROVED
            ? "" : orDefault(decision.rationale(), ""));
        model.put("validThrough", calendar.day(decision.validThrough()));
        model.put("fractureAge", terms.fractureAge());
        model.put("followUpSchedule", followUpSchedule());
        yield builder.toProvider(file, "DETERMINATION_APPROVED", round.number(), "determination-approved", model);
      }
      case DENIED -> builder.toProvider(file, "DETERMINATION_DENIED", round.number(), "determination-denied", model);
      case CLOSED_INCOMPLETE -> {
        CaseFile.InformationRequest request = file.informationRequest();
        model.put("requestedInformation", request == null ? "" : orDefault(request.requestedInformation(), ""));
        model.put("informationDueAt", request == null ? "" : calendar.moment(request.dueAt()));
        yield builder.toProvider(file, "CLOSED_INCOMPLETE", round.number(), "closed-incomplete", model);
      }
    };
  }

  /** The notice of an appeal's decision. */
  Notice appealDecision(CaseFile file, DeterminationRound round) {
    Appeal appeal = round.appeal();
    Map<String, Object> model = builder.facts(file);
    boolean overturned = appeal.overturned();
    model.put("overturned", overturned);
    model.put("partial", round.decision().outcome().approves());
    model.put("appealedLevels", String.join(", ", appeal.appealedLevels()));
    model.put("decidedAt", calendar.moment(appeal.decidedAt()));
    model.put("reviewerName", orDefault(builder.physicianName(appeal.decidedBy()), "a medical director"));
    model.put("rationale", appeal.rationale());
    model.put("validThrough", calendar.day(appeal.approvalValidThrough()));
    return builder.toProvider(file, overturned ? "APPEAL_OVERTURNED" : "APPEAL_UPHELD", round.number(),
        "appeal-decision", model);
  }

  /** What every decision's notice says of the decision and of the case's appeal rights. */
  private Map<String, Object> decisionFacts(CaseFile file, DeterminationRound round) {
    Map<String, Object> model = builder.facts(file);
    model.put("criteriaPolicy", plan.criteriaPolicy());
    model.put("criteriaVersion", String.valueOf(criteriaVersion(file)));
    model.put("peerToPeerPhone", plan.peerToPeerPhone());
    model.put("appealBy", calendar.day(lifecycle.lastDayToAppeal(round.decision())));
    model.put("appealWindow", Durations.words(appealTimes.window()));
    model.put("standardAppealTurnaround", Durations.words(appealTimes.standardTurnaround()));
    model.put("expeditedAppealTurnaround", Durations.words(appealTimes.expeditedTurnaround()));
    model.put("round", round.number());
    builder.putEarlierRound(model, file, round, calendar::day);
    return model;
  }

  private static Integer criteriaVersion(CaseFile file) {
    return file.prescreen() == null ? null : file.prescreen().criteriaVersion();
  }

  /** The follow-ups of the plan of care in words: "7 days, 1 month, 3 months and 1 year". */
  private static String followUpSchedule() {
    List<String> after = Arrays.stream(FollowUpMilestone.values()).map(m -> Durations.words(m.after())).toList();
    return String.join(", ", after.subList(0, after.size() - 1)) + " and " + after.get(after.size() - 1);
  }

  private static String orDefault(String value, String fallback) {
    return value == null ? fallback : value;
  }
}
