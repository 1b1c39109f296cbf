package com.healthplan.va.procedure;

import static com.healthplan.va.casefile.CaseVariables.*;

import com.healthplan.va.casefile.CaseConflictException;
import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseStatus;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.input.FieldErrors;
import com.healthplan.va.input.SubmittedValues;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * A provider's system records the procedure ({@code PUT /api/cases/{caseId}/procedure}): the same fields and
 * checks as the "Record procedure" task, which it completes in the caller's name, so that the engine's history and
 * the task's listener see one path. Checked before anything is written, then completed in one engine command.
 */
@Service
public class ProcedureRecords {

  static final String RECORD_TASK = "UserTask_RecordProcedure";
  private static final Set<String> FIELDS = Set.of(PROCEDURE_DATE, LEVELS_TREATED, IMAGING_GUIDANCE,
      TROCAR_PLACEMENT_IMAGES_RETAINED, FINAL_VERTEBRAL_BODY_IMAGES_RETAINED, OPERATIVE_NARRATIVE_RECEIVED,
      OPEN_SPINE_PROCEDURE_SAME_SESSION, BIOPSY_LEVELS, EARLY_PROCEDURE_RATIONALE);

  private final CaseRepository cases;
  private final TaskService tasks;
  private final PlanCalendar calendar;

  ProcedureRecords(CaseRepository cases, TaskService tasks, PlanCalendar calendar) {
    this.cases = cases;
    this.tasks = tasks;
    this.calendar = calendar;
  }

  /** Records the procedure of a scheduled case; the case must exist (the caller checked). */
  public void record(String caseId, Map<String, Object> body, String userId) {
    FieldErrors errors = new FieldErrors();
    body.keySet().stream().filter(field -> !FIELDS.contains(field)).sorted()
        .forEach(field -> errors.add(field, "This is not a field of the procedure record."));
    CaseFile caseFile = cases.get(caseId);
    ProcedureRecord record = ProcedureRecordValidator.read(new SubmittedValues(body, errors), calendar.today(),
        caseFile.intake().fractureDate());
    errors.throwIfAny();
    if (caseFile.status() != CaseStatus.SCHEDULED) {
      throw new CaseConflictException("A procedure is recorded only for a scheduled case; this case is "
          + caseFile.status() + ".");
    }
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(RECORD_TASK)
        .singleResult();
    if (task == null) {
      throw new CaseConflictException("The case is not waiting for its procedure record.");
    }
    if (task.getAssignee() != null && !task.getAssignee().equals(userId)) {
      throw new CaseConflictException("The procedure record task is claimed by another user in Tasklist.");
    }
    // completed in one command, without a separate claim: a refusal inside the engine leaves nothing behind (the
    // listener names the caller as the task's assignee)
    tasks.complete(task.getId(), variables(record));
  }

  private static Map<String, Object> variables(ProcedureRecord record) {
    Map<String, Object> values = new HashMap<>();
    values.put(RECORD_DECISION, RecordDecision.RECORD.name());
    values.put(PROCEDURE_DATE, record.procedureDate().toString());
    values.put(LEVELS_TREATED, ProcedureCopies.list(record.levelsTreated()));
    values.put(IMAGING_GUIDANCE, record.imagingGuidance().name());
    values.put(TROCAR_PLACEMENT_IMAGES_RETAINED, record.trocarPlacementImagesRetained());
    values.put(FINAL_VERTEBRAL_BODY_IMAGES_RETAINED, record.finalVertebralBodyImagesRetained());
    values.put(OPERATIVE_NARRATIVE_RECEIVED, record.operativeNarrativeReceived());
    values.put(OPEN_SPINE_PROCEDURE_SAME_SESSION, record.openSpineProcedureSameSession());
    values.put(BIOPSY_LEVELS, ProcedureCopies.list(record.biopsyLevels()));
    values.put(EARLY_PROCEDURE_RATIONALE, record.earlyProcedureRationale());
    return values;
  }

}
