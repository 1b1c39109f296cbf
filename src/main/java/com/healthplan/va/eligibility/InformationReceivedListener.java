package com.healthplan.va.eligibility;

import static com.healthplan.va.casefile.CaseVariables.*;

import com.healthplan.va.input.FieldErrors;
import com.healthplan.va.input.SubmittedValues;
import com.healthplan.va.intake.CaseIntake;
import com.healthplan.va.intake.IntakeValidator;
import com.healthplan.va.security.ActingUser;
import com.healthplan.va.security.CaseRoles;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "Record received information": the nurse has updated the clinical facts from the
 * provider's documents. The whole intake is checked again with the intake rules and stored in its types; the
 * case then returns to the prescreen.
 */
@Component("informationReceived")
class InformationReceivedListener implements TaskListener {

  private final IntakeValidator intakeValidator;

  InformationReceivedListener(IntakeValidator intakeValidator) {
    this.intakeValidator = intakeValidator;
  }

  @Override
  public void notify(DelegateTask task) {
    ActingUser.completing(task).requireMembership(CaseRoles.NURSES, INFORMATION_RECEIVED_NOTE,
        "Only a utilization-management nurse may record received information.");
    Map<String, Object> variables = task.getVariables();
    FieldErrors errors = new FieldErrors();
    String received = new SubmittedValues(variables, errors)
        .note(INFORMATION_RECEIVED_NOTE, "Information received", true);
    Map<String, Object> intakeFacts = new HashMap<>();
    IntakeValidator.FIELDS.forEach(field -> intakeFacts.put(field, variables.get(field)));
    CaseIntake intake = intakeValidator.validateFacts(intakeFacts, errors);

    task.getExecution().setVariables(intake.toVariables());
    task.getExecution().setVariable(INFORMATION_RECEIVED_NOTE, received);
  }
}
