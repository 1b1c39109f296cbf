package com.healthplan.va.casefile;

import static com.healthplan.va.casefile.CaseVariables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The copies of the case file a phase's forms and task cards show, set from the case file when the phase starts
 * (call activities pass only the case id): the intake, the case's status, and words people read instead of codes
 * (the procedure with its CPT codes, the urgency, the deadline in the plan's zone, what is approved and until when).
 * They are copies: nothing decides on them.
 */
@Component
public class CaseCopies {

  private final CaseRepository cases;
  private final CaseLifecycle lifecycle;
  private final PlanCalendar calendar;

  CaseCopies(CaseRepository cases, CaseLifecycle lifecycle, PlanCalendar calendar) {
    this.cases = cases;
    this.lifecycle = lifecycle;
    this.calendar = calendar;
  }

  public void copy(VariableScope scope, String caseId) {
    copy(scope, cases.get(caseId));
  }

  public void copy(VariableScope scope, CaseFile file) {
    CaseIntake intake = file.intake();
    scope.setVariables(intake.toVariables());
    scope.setVariable(CASE_ID, file.caseId());
    scope.setVariable(PATIENT_INITIALS, file.patientInitials());
    scope.setVariable(CASE_STATUS, file.status().name());
    scope.setVariable(STATUS_LABEL, file.status().label());
    scope.setVariable(CASE_PAGE_URL, casePageUrl(file.caseId()));
    scope.setVariable(RECEIVED_AT, Date.from(file.receivedAt()));
    scope.setVariable(ROUND, file.currentRound().number());
    scope.setVariable(DETERMINATION_DUE_AT, Date.from(file.determinationDueAt()));
    scope.setVariable(DETERMINATION_DUE_TEXT, calendar.moment(file.determinationDueAt()));
    scope.setVariable(PROCEDURE_LABEL, intake.procedureType().label() + " (" + intake.procedureType().cptCodes() + ")");
    scope.setVariable(URGENCY_LABEL, intake.urgency().label());
    scope.setVariable(FRACTURE_LEVELS_TEXT, String.join(", ", intake.fractureLevels()));
    scope.setVariable(REQUEST_DATE_TEXT, calendar.day(intake.requestDate()));
    scope.setVariable(FRACTURE_DATE_TEXT, calendar.day(intake.fractureDate()));
    lifecycle.authorization(file).ifPresentOrElse(approved -> {
      scope.setVariable(APPROVED_LEVELS, CaseIntake.levelsValue(approved.levels()));
      scope.setVariable(APPROVED_LEVELS_TEXT, String.join(", ", approved.levels()));
      scope.setVariable(VALID_THROUGH, approved.validThrough() == null ? null : approved.validThrough().toString());
      scope.setVariable(VALID_THROUGH_TEXT, calendar.day(approved.validThrough()));
    }, () -> scope.removeVariable(APPROVED_LEVELS_TEXT));
  }

  /** The case's own page, which every form's heading links to. */
  public static String casePageUrl(String caseId) {
    return "/cases/" + caseId;
  }
}
