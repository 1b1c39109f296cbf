package com.healthplan.va.appeal;

import static com.healthplan.va.casefile.CaseVariables.*;

import com.healthplan.va.casefile.CaseConflictException;
import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseStatus;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.input.FieldErrors;
import com.healthplan.va.input.SubmittedValues;
import com.healthplan.va.casefile.Urgency;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * An appeal through the case API ({@code POST /api/cases/{caseId}/appeals}): the same checks as the "Record appeal"
 * task, which it completes in the caller's name in one engine command. A case that cannot be appealed is a 409
 * with the reason; invalid fields a 400 naming each.
 */
@Service
public class Appeals {

  static final String RECORD_TASK = "UserTask_RecordAppeal";
  private static final Set<String> FIELDS = Set.of(APPEAL_REQUESTED_BY, APPEAL_REASON, URGENCY);

  private final CaseRepository cases;
  private final AppealRepository appeals;
  private final AppealClock clock;
  private final TaskService tasks;
  private final PlanCalendar calendar;

  Appeals(CaseRepository cases, AppealRepository appeals, AppealClock clock, TaskService tasks,
      PlanCalendar calendar) {
    this.cases = cases;
    this.appeals = appeals;
    this.clock = clock;
    this.tasks = tasks;
    this.calendar = calendar;
  }

  /** Files the appeal of an existing case (the caller checked that it exists). */
  public void file(String caseId, Map<String, Object> body) {
    FieldErrors errors = new FieldErrors();
    body.keySet().stream().filter(field -> !FIELDS.contains(field)).sorted()
        .forEach(field -> errors.add(field, "This is not a field of an appeal."));
    SubmittedValues in = new SubmittedValues(body, errors);
    Appeal.RequestedBy requestedBy = in.choice(APPEAL_REQUESTED_BY, "Appeal requested by", Appeal.RequestedBy.class,
        true);
    String reason = in.note(APPEAL_REASON, "Reason for the appeal", true);
    Urgency urgency = in.choice(URGENCY, "Urgency", Urgency.class, true);
    errors.throwIfAny();
    requireAppealable(cases.get(caseId), appeals.find(caseId).orElse(null), clock, calendar.now());
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(RECORD_TASK)
        .singleResult();
    if (task == null) {
      throw new CaseConflictException("The case is not open to an appeal.");
    }
    Map<String, Object> values = new HashMap<>();
    values.put(APPEAL_REQUESTED_BY, requestedBy.name());
    values.put(APPEAL_REASON, reason);
    values.put(URGENCY, urgency.name());
    tasks.complete(task.getId(), values);
  }

  /** A denied case, within the appeal window, with no appeal yet: otherwise a conflict naming why. */
  static void requireAppealable(CaseFile caseFile, Appeal appeal, AppealClock clock, Instant now) {
    if (appeal != null && appeal.open()) {
      throw new CaseConflictException("An appeal of this case is already open.");
    }
    if (appeal != null) {
      throw new CaseConflictException("This case was already appealed and the appeal was decided ("
          + appeal.outcome() + ").");
    }
    if (caseFile.status() != CaseStatus.DENIED || caseFile.determination() == null) {
      throw new CaseConflictException("Only a denied case can be appealed; this case is " + caseFile.status() + ".");
    }
    if (!now.isBefore(clock.windowClosesAt(caseFile))) {
      throw new CaseConflictException("The 65 days to appeal this denial have passed.");
    }
  }
}
