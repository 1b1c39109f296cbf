package com.healthplan.va.followup;

import static com.healthplan.va.casefile.CaseVariables.EARLIER_FOLLOW_UPS;
import static com.healthplan.va.casefile.CaseVariables.MILESTONE_DUE_DATE;
import static com.healthplan.va.casefile.CaseVariables.MILESTONE_LABEL;

import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseVariables;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.procedure.ProcedureFile;
import com.healthplan.va.procedure.ProcedureRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * What a follow-up form shows beside its fields, as copies local to the task: the milestone and its due day, the
 * intake's baseline pain and the scores of the milestones already done.
 */
@Component
class FollowUpFormContext {

  static final String BASELINE_PAIN_SCORE = "baselinePainScore";

  private final FollowUpRepository followUps;
  private final CaseRepository cases;

  private final ProcedureRepository procedures;
  private final PlanCalendar calendar;

  FollowUpFormContext(FollowUpRepository followUps, CaseRepository cases, ProcedureRepository procedures,
      PlanCalendar calendar) {
    this.procedures = procedures;
    this.calendar = calendar;
    this.followUps = followUps;
    this.cases = cases;
  }

  void show(DelegateTask task, FollowUp followUp) {
    // the milestone is modelled once: its tasks are told apart by this task-local copy (task queries, filters)
    task.setVariableLocal(CaseVariables.MILESTONE, followUp.milestone().name());
    task.setVariableLocal(MILESTONE_LABEL, followUp.milestone().label());
    task.setVariableLocal(MILESTONE_DUE_DATE, followUp.dueDate().toString());
    task.setVariableLocal(CaseVariables.MILESTONE_DUE_TEXT, calendar.day(followUp.dueDate()));
    procedures.find(followUp.caseId()).map(ProcedureFile::record).ifPresent(record -> task.setVariableLocal(
        CaseVariables.PROCEDURE_DATE_TEXT, calendar.day(record.procedureDate())));
    task.setVariableLocal(BASELINE_PAIN_SCORE, cases.get(followUp.caseId()).intake().painScore());
    List<Map<String, Object>> earlier = new ArrayList<>();
    for (FollowUp done : followUps.of(followUp.caseId())) {
      if (done.completed()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("milestone", done.milestone().label());
        row.put("painScore", done.scores().painScore());
        row.put("comfortScore", done.scores().comfortScore());
        row.put("activityScore", done.scores().activityScore());
        row.put("contactMethod", done.scores().contactMethod().label());
        earlier.add(row);
      }
    }
    task.setVariableLocal(EARLIER_FOLLOW_UPS, Variables.objectValue(earlier)
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
  }
}
