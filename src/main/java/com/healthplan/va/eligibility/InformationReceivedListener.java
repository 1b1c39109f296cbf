package com.healthplan.va.eligibility;

import static com.healthplan.va.casefile.CaseVariables.*;

import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.input.FieldErrors;
import com.healthplan.va.input.SubmittedValues;
import com.healthplan.va.intake.CaseIntake;
import com.healthplan.va.intake.ImagingModality;
import com.healthplan.va.intake.IntakeValidator;
import com.healthplan.va.security.ActingUser;
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
  private final PlanCalendar calendar;

  InformationReceivedListener(IntakeValidator intakeValidator, PlanCalendar calendar) {
    this.intakeValidator = intakeValidator;
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateTask task) {
    ActingUser.completing(task);
    Map<String, Object> variables = task.getVariables();
    FieldErrors errors = new FieldErrors();
    String received = new SubmittedValues(variables, calendar, errors)
        .multilineText(INFORMATION_RECEIVED_NOTE, "Information received", CriteriaReviewListener.MAX_TEXT, true);
    Map<String, Object> intakeFacts = new HashMap<>();
    IntakeValidator.FIELDS.forEach(field -> intakeFacts.put(field, variables.get(field)));
    if (ImagingModality.NONE.name().equals(intakeFacts.get(IMAGING_MODALITY))) {
      // the form hides (and does not submit) the imaging date once no imaging is chosen: the old one goes
      intakeFacts.put(IMAGING_DATE, null);
    }
    CaseIntake intake = intakeValidator.validateFacts(intakeFacts, errors);

    task.getExecution().setVariables(intake.toVariables());
    task.getExecution().setVariable(INFORMATION_RECEIVED_NOTE, received);
  }
}
