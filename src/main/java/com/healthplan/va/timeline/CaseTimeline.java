package com.healthplan.va.timeline;

import com.healthplan.va.casefile.Appeal;
import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.DeterminationRound;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.followup.FollowUp;
import com.healthplan.va.followup.FollowUpRepository;
import com.healthplan.va.notification.NoticeMailer;
import com.healthplan.va.procedure.ProcedureFile;
import com.healthplan.va.procedure.ProcedureRecord;
import com.healthplan.va.procedure.ProcedureRepository;
import com.healthplan.va.notification.NoticeKinds;
import com.healthplan.va.security.PeopleNames;
import com.healthplan.va.notification.SentNotice;
import com.healthplan.va.criteria.EligibilityCriterion;
import com.healthplan.va.criteria.PolicyDecisions;
import com.healthplan.va.criteria.PolicyTerms;
import com.healthplan.va.procedure.PaymentFinding;
import java.util.function.Function;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Component;

/**
 * Who did what to a case and when, oldest first, in plain words: read from the engine's history (every process of
 * the case: the case and its phases, found by the case id), the case file and the sent-mail ledger.
 */
@Component
public class CaseTimeline {

  /**
   * One entry: when, who ({@code actor}: the user id, {@code system} for the application's own steps; {@code
   * actorName}: the person's name), what, and a detail in words.
   */
  public record Entry(OffsetDateTime at, String actor, String actorName, String event, String detail) {
  }

  private static final String SYSTEM = PeopleNames.SYSTEM;

  private final CaseRepository cases;
  private final HistoryService history;
  private final NoticeMailer notices;
  private final PlanCalendar calendar;
  private final ProcedureRepository procedures;
  private final FollowUpRepository followUps;
  private final PolicyDecisions policy;
  private final PeopleNames people;

  CaseTimeline(CaseRepository cases, HistoryService history, NoticeMailer notices, PlanCalendar calendar,
      ProcedureRepository procedures, FollowUpRepository followUps, PolicyDecisions policy, PeopleNames people) {
    this.policy = policy;
    this.people = people;
    this.followUps = followUps;
    this.procedures = procedures;
    this.cases = cases;
    this.history = history;
    this.notices = notices;
    this.calendar = calendar;
  }

  public Optional<List<Entry>> of(String caseId) {
    return cases.find(caseId).map(file -> entries(file));
  }

  private List<Entry> entries(CaseFile file) {
    PolicyTerms terms = policy.terms(file.prescreen() == null ? null : file.prescreen().criteriaVersion());
    List<String> instances = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(file.caseId())
        .list().stream().map(HistoricProcessInstance::getId).toList();
    List<Entry> entries = new ArrayList<>();
    String receivedBy = history.createHistoricProcessInstanceQuery().processInstanceId(file.processInstanceId())
        .list().stream().map(HistoricProcessInstance::getStartUserId).filter(u -> u != null).findFirst()
        .orElse(SYSTEM);
    entries.add(entry(file.receivedAt(), receivedBy, "Case received", file.intake().urgency().label().toLowerCase()
        + " request; determination due " + calendar.moment(file.rounds().get(0).dueAt())));
    Map<String, String> taskNames = new java.util.HashMap<>();
    for (String instance : instances) {
      for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(instance).list()) {
        taskNames.put(task.getId(), task.getName());
        entries.add(entry(task.getStartTime(), SYSTEM, "Task opened", task.getName()));
        if (task.getEndTime() != null) {
          boolean completed = "completed".equals(task.getDeleteReason());
          entries.add(entry(task.getEndTime(), task.getAssignee() == null ? SYSTEM : task.getAssignee(),
              completed ? "Task completed" : "Task closed", task.getName()));
        }
      }
      for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery().processInstanceId(instance)
          .activityType("businessRuleTask").finished().list()) {
        entries.add(entry(activity.getEndTime(), SYSTEM,
            activity.getActivityId().contains("PaymentLimits") ? "Payment limits applied" : "Criteria prescreened",
            activity.getActivityName()));
      }
    }
    for (String instance : instances) {
      for (UserOperationLogEntry claim : history.createUserOperationLogQuery().processInstanceId(instance)
          .operationType(UserOperationLogEntry.OPERATION_TYPE_CLAIM).list()) {
        if (claim.getNewValue() != null && "assignee".equals(claim.getProperty())) {
          entries.add(entry(claim.getTimestamp(), claim.getUserId() == null ? SYSTEM : claim.getUserId(),
              "Task claimed", taskNames.getOrDefault(claim.getTaskId(), "task")));
        }
      }
    }
    if (file.informationRequest() != null && file.informationRequest().receivedAt() != null) {
      entries.add(entry(file.informationRequest().receivedAt(), SYSTEM, "Requested information recorded",
          "request " + file.informationRequest().count()));
    }
    for (DeterminationRound round : file.rounds()) {
      entries.addAll(roundEntries(round, terms));
    }
    procedures.find(file.caseId()).ifPresent(procedure -> entries.addAll(procedureEntries(procedure, terms)));
    for (FollowUp followUp : followUps.of(file.caseId())) {
      String milestone = followUp.milestone().label();
      if (followUp.pcpRequestedAt() != null) {
        entries.add(entry(followUp.pcpRequestedAt(), SYSTEM, "PCP asked for a follow-up report", milestone));
      }
      if (followUp.pcpAcknowledgedAt() != null) {
        entries.add(entry(followUp.pcpAcknowledgedAt(), "pcp", "PCP confirmed receipt", milestone));
      }
      if (followUp.completed()) {
        entries.add(entry(followUp.completedAt(), followUp.recordedBy(), "Follow-up recorded", milestone + ", "
            + followUp.scores().contactMethod().label()));
      }
    }
    if (file.closure() != null) {
      entries.add(entry(file.closure().closedAt(), SYSTEM, "Case closed", "every follow-up completed"));
    }
    for (SentNotice notice : notices.sentFor(file.caseId())) {
      entries.add(entry(notice.sentAt(), SYSTEM, "Notice sent", NoticeKinds.words(notice.kind())
          + " to " + notice.to()));
    }
    Function<String, String> names = people.forOnePage();
    return entries.stream().sorted(Comparator.comparing(Entry::at))
        .map(e -> new Entry(e.at(), e.actor(), names.apply(e.actor()), e.event(), e.detail()))
        .collect(Collectors.toList());
  }

  /** A determination round: opened (after the first), extended, decided, appealed. */
  private List<Entry> roundEntries(DeterminationRound round, PolicyTerms terms) {
    List<Entry> entries = new ArrayList<>();
    if (round.opening() == DeterminationRound.Opening.APPROVAL_LAPSED) {
      entries.add(entry(round.openedAt(), SYSTEM, "Determination round " + round.number() + " opened",
          round.openingReason()));
    }
    if (round.extension() != null) {
      entries.add(entry(round.extension().extendedAt(), round.extension().extendedBy(),
          "Determination deadline extended", "by " + round.extension().days() + " days"));
    }
    DeterminationRound.Decision decision = round.decision();
    if (decision != null) {
      entries.add(entry(decision.decidedAt(), decision.decidedBy() == null ? SYSTEM : decision.decidedBy(),
          "Determination made", outcomeWords(decision) + (decision.unmetCriteria().isEmpty() ? ""
              : ". Not met: " + decision.unmetCriteria().stream().map(code -> EligibilityCriterion.ofCode(code)
                  .map(c -> c.plainLanguage(terms)).orElse(code)).collect(Collectors.joining(" ")))));
    }
    Appeal appeal = round.appeal();
    if (appeal != null) {
      entries.add(entry(appeal.receivedAt(), appeal.receivedBy(), "Appeal received",
          appeal.urgency().label().toLowerCase() + " appeal by the " + appeal.requestedBy().name().toLowerCase()
              + " of levels " + String.join(", ", appeal.appealedLevels())));
      if (appeal.decidedAt() != null) {
        entries.add(entry(appeal.decidedAt(), appeal.decidedBy(), "Appeal decided",
            appeal.overturned() ? "overturned: levels " + String.join(", ", appeal.appealedLevels()) + " approved"
                : "upheld"));
      }
      if (appeal.closedWithoutDecision()) {
        entries.add(entry(appeal.closedAt(), SYSTEM, "Appeal closed without a decision", appeal.closedReason()));
      }
    }
    return entries;
  }

  private static String outcomeWords(DeterminationRound.Decision decision) {
    return switch (decision.outcome()) {
      case APPROVED -> "approved";
      case APPROVED_WITH_MODIFICATIONS -> "approved with modifications"
          + (decision.notApprovedLevels().isEmpty() ? "" : "; not approved: " + String.join(", ",
              decision.notApprovedLevels()));
      case DENIED -> "denied";
      case CLOSED_INCOMPLETE -> "not approved: the requested information did not arrive";
    };
  }

  /** The latest of each step of the procedure phase, as its file holds it (earlier ones are tasks above). */
  private List<Entry> procedureEntries(ProcedureFile procedure, PolicyTerms terms) {
    List<Entry> entries = new ArrayList<>();
    ProcedureFile.Documentation documentation = procedure.documentation();
    if (documentation.reviewed()) {
      entries.add(entry(documentation.reviewedAt(), documentation.reviewedBy(), "Pre-procedure documentation reviewed",
          documentation.missing().isEmpty() ? "complete" : "missing: " + String.join(", ", documentation.missing())));
    }
    if (documentation.escalatedAt() != null) {
      entries.add(entry(documentation.escalatedAt(), SYSTEM, "Documentation overdue", "coordinators alerted"));
    }
    ProcedureFile.Schedule schedule = procedure.schedule();
    if (schedule != null) {
      entries.add(entry(schedule.scheduledAt(), schedule.scheduledBy(), "Procedure scheduled",
          calendar.day(schedule.scheduledDate()) + ", " + schedule.setting().name().toLowerCase(java.util.Locale.ROOT)
              + (schedule.facilityName() == null ? "" : ", at " + schedule.facilityName())));
    }
    ProcedureRecord record = procedure.record();
    if (record != null) {
      entries.add(entry(record.recordedAt(), record.recordedBy(), "Procedure recorded",
          "performed " + calendar.day(record.procedureDate()) + ", levels " + String.join(", ", record.levelsTreated())));
    }
    ProcedureFile.Findings findings = procedure.findings();
    if (findings != null && findings.resolvedAt() != null) {
      entries.add(entry(findings.resolvedAt(), findings.resolvedBy(), "Payment findings resolved",
          findings.codes().stream().map(code -> PaymentFinding.ofCode(code).map(f -> f.plainLanguage(terms))
              .orElse(code)).collect(Collectors.joining(" "))));
    }
    ProcedureFile.Withdrawal withdrawal = procedure.withdrawal();
    if (withdrawal != null) {
      entries.add(entry(withdrawal.withdrawnAt(), withdrawal.withdrawnBy(), "Procedure withdrawn", "with a reason"));
    }
    return entries;
  }

  private Entry entry(Date at, String actor, String event, String detail) {
    return entry(at.toInstant(), actor, event, detail);
  }

  private Entry entry(Instant at, String actor, String event, String detail) {
    return new Entry(moment(at), actor, null, event, detail);
  }

  private OffsetDateTime moment(Instant instant) {
    return instant.atZone(calendar.zone()).toOffsetDateTime();
  }
}
