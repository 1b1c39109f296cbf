package com.healthplan.va.determination;

import static com.healthplan.va.casefile.CaseVariables.*;

import com.healthplan.va.casefile.CaseIntake;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.deployment.EditableFields;
import com.healthplan.va.input.FieldErrors;
import com.healthplan.va.input.SubmittedValues;
import com.healthplan.va.intake.IntakeValidator;
import com.healthplan.va.security.TaskSubmission;
import com.healthplan.va.security.CaseRoles;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "Record received information": the nurse has updated the clinical facts from the
 * provider's documents. The facts the form lets her edit are laid over the case file's intake, the whole intake
 * is checked again with the intake rules and stored in the case file; the case then returns to the prescreen.
 */
@Component("informationReceived")
class InformationReceivedListener implements TaskListener {

  private final IntakeValidator intakeValidator;
  private final CaseRepository cases;
  private final EditableFields editableFields;
  private final PlanCalendar calendar;

  InformationReceivedListener(IntakeValidator intakeValidator, CaseRepository cases, EditableFields editableFields,
      PlanCalendar calendar) {
    this.intakeValidator = intakeValidator;
    this.cases = cases;
    this.editableFields = editableFields;
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskSubmission submission = TaskSubmission.of(task, CaseRoles.NURSES, INFORMATION_RECEIVED_NOTE,
        "Only a utilization-management nurse may record received information.");
    Map<String, Object> variables = submission.variables();
    FieldErrors errors = submission.errors();
    String received = submission.in().note(INFORMATION_RECEIVED_NOTE, "Information received", true);
    String caseId = submission.caseId();
    Map<String, Object> intakeFacts = new HashMap<>(cases.get(caseId).intake().toVariables());
    for (String field : editableFields.of(task)) {
      if (IntakeValidator.FIELDS.contains(field)) {
        intakeFacts.put(field, variables.get(field));
      }
    }
    CaseIntake intake = intakeValidator.validateFacts(intakeFacts, errors);

    cases.updateIntake(caseId, intake, received, calendar.now());
    task.getExecution().setVariables(intake.toVariables());
    task.getExecution().setVariable(PATIENT_INITIALS, intake.patientInitials());
    task.getExecution().setVariable(INFORMATION_RECEIVED_NOTE, received);
  }
}
