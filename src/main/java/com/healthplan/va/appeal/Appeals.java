package com.healthplan.va.appeal;

import static com.healthplan.va.casefile.CaseVariables.*;

import com.healthplan.va.casefile.Appeal;
import com.healthplan.va.casefile.AppealOutcome;
import com.healthplan.va.casefile.CaseConflictException;
import com.healthplan.va.casefile.CaseDecisions;
import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseLifecycle;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.DeterminationRound;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.casefile.Urgency;
import com.healthplan.va.criteria.PolicyDecisions;
import com.healthplan.va.criteria.PolicyTerms;
import com.healthplan.va.input.FieldErrors;
import com.healthplan.va.input.SubmittedValues;
import com.healthplan.va.notice.NoticeBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * Appeals of a determination adverse in whole or in part: recorded through the "Record appeal" task (Tasklist, for an
 * appeal received by phone or letter) or {@code POST /api/cases/{caseId}/appeals}, which completes the same task in
 * the caller's name in one engine command; decided by a physician who did not deny the request. What may be
 * appealed, until when and by whom it is decided is the case's {@link CaseLifecycle}'s to say: a case that cannot be
 * appealed is a 409 with the reason, invalid fields a 400 naming each.
 */
@Service
public class Appeals {

  static final String RECORD_TASK = "UserTask_RecordAppeal";
  private static final Set<String> FIELDS = Set.of(APPEAL_REQUESTED_BY, APPEAL_REASON, URGENCY);

  private final CaseRepository cases;
  private final CaseDecisions decisions;
  private final CaseLifecycle lifecycle;
  private final AppealClock clock;
  private final PolicyDecisions policy;
  private final NoticeBuilder notices;
  private final TaskService tasks;
  private final PlanCalendar calendar;
  private final com.healthplan.va.casefile.AppealTimeframe appealTimes;

  Appeals(CaseRepository cases, CaseDecisions decisions, CaseLifecycle lifecycle, AppealClock clock,
      PolicyDecisions policy, NoticeBuilder notices, TaskService tasks, PlanCalendar calendar,
      com.healthplan.va.casefile.AppealTimeframe appealTimes) {
    this.appealTimes = appealTimes;
    this.cases = cases;
    this.decisions = decisions;
    this.lifecycle = lifecycle;
    this.clock = clock;
    this.policy = policy;
    this.notices = notices;
    this.tasks = tasks;
    this.calendar = calendar;
  }

  /** The fields of an appeal as submitted (task form or case API), checked; the errors are thrown by the caller. */
  record Submitted(Appeal.RequestedBy requestedBy, String reason, Urgency urgency) {

    static Submitted read(SubmittedValues in) {
      Appeal.RequestedBy requestedBy = in.choice(APPEAL_REQUESTED_BY, "Appeal requested by",
          Appeal.RequestedBy.class, true);
      String reason = in.note(APPEAL_REASON, "Reason for the appeal", true);
      Urgency urgency = in.choice(URGENCY, "Urgency", Urgency.class, true);
      return new Submitted(requestedBy, reason, urgency);
    }
  }

  /** Files the appeal of an existing case (the caller checked that it exists) through its "Record appeal" task. */
  public void file(String caseId, Map<String, Object> body) {
    FieldErrors errors = new FieldErrors();
    body.keySet().stream().filter(field -> !FIELDS.contains(field)).sorted()
        .forEach(field -> errors.add(field, "This is not a field of an appeal."));
    Submitted appeal = Submitted.read(new SubmittedValues(body, errors));
    errors.throwIfAny();
    lifecycle.requireAppealable(cases.get(caseId), calendar.now());
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(RECORD_TASK)
        .singleResult();
    if (task == null) {
      throw new CaseConflictException("The case is not open to an appeal.");
    }
    Map<String, Object> values = new HashMap<>();
    values.put(APPEAL_REQUESTED_BY, appeal.requestedBy().name());
    values.put(APPEAL_REASON, appeal.reason());
    values.put(URGENCY, appeal.urgency().name());
    tasks.complete(task.getId(), values);
  }

  /** Records the appeal (the "Record appeal" task's listener) and gives the physician's form what it shows. */
  void record(DelegateExecution scope, String caseId, Submitted submitted, String receivedBy) {
    Instant now = calendar.now().truncatedTo(ChronoUnit.SECONDS);
    Instant dueAt = clock.dueAt(now, submitted.urgency());
    Appeal appeal = decisions.fileAppeal(scope, caseId, submitted.requestedBy(), submitted.reason(),
        submitted.urgency(), receivedBy, now, dueAt, clock.escalateAt(dueAt, submitted.urgency()));
    scope.setVariable(APPEAL_DUE_AT, java.util.Date.from(appeal.dueAt()));
    scope.setVariable("appealDueText", calendar.moment(appeal.dueAt()));
    scope.setVariable("appealRequestedBy", submitted.requestedBy() == Appeal.RequestedBy.MEMBER ? "member"
        : "requesting provider");
    scope.setVariable("appealReason", submitted.reason());
    scope.setVariable("appealUrgency", submitted.urgency().label());
  }

  /** Decides the open appeal; an overturn approves the appealed levels, valid through the day the case's rules say. */
  void decide(DelegateExecution scope, String caseId, AppealOutcome outcome, String physician, String rationale) {
    CaseFile file = cases.get(caseId);
    decisions.decideAppeal(scope, caseId, outcome, physician, rationale, policy.approvalValidThrough(file),
        APPEAL_DECISION);
  }

  /** What the appeal's forms show of the determination appealed: what, until when, who decided it and why. */
  void showDetermination(DelegateExecution scope, String caseId) {
    CaseFile file = cases.get(caseId);
    DeterminationRound round = file.latestDecidedRound().orElseThrow();
    CaseLifecycle.AppealWindow window = lifecycle.appealWindowFor(file).orElse(null);
    PolicyTerms terms = policy.terms(file.prescreen().criteriaVersion());
    DeterminationRound.Decision decision = round.decision();
    scope.setVariable(APPEALED_LEVELS_TEXT, window == null ? "" : String.join(", ", window.levels()));
    scope.setVariable(APPEAL_UNTIL_TEXT, calendar.day(lifecycle.lastDayToAppeal(decision)));
    scope.setVariable("determinationText", decision.outcome() == com.healthplan.va.casefile.DeterminationOutcome.CLOSED_INCOMPLETE
        ? "Not approved: the requested information did not arrive, decided on the information at hand"
        : decision.outcome().approves() ? "Approved in part: not approved for " + String.join(", ",
            decision.notApprovedLevels()) : "Denied");
    // a person's name as an administrator typed it, inserted into the appeal forms' markdown
    scope.setVariable("determinationDecidedByName", decision.decidedBy() == null ? "the plan"
        : com.healthplan.va.casefile.FormText.shown(String.valueOf(notices.physicianName(decision.decidedBy()))));
    scope.setVariable("determinationDecidedText", calendar.moment(decision.decidedAt()));
    scope.setVariable(DETERMINATION_RATIONALE, decision.rationale());
    scope.setVariable("determinationUnmetWording", com.healthplan.va.criteria.CriteriaList.wordingList(
        decision.unmetCriteria(), terms));
    scope.setVariable(DENIED_BY, decision.decidedBy());
    scope.setVariable("standardAppealTurnaroundText", com.healthplan.va.casefile.Durations.words(appealTimes.standardTurnaround()));
    scope.setVariable("expeditedAppealTurnaroundText", com.healthplan.va.casefile.Durations.words(appealTimes.expeditedTurnaround()));
  }
}
