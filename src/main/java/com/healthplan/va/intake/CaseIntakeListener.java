package com.healthplan.va.intake;

import static com.healthplan.va.casefile.CaseVariables.*;

import com.healthplan.va.casefile.CaseIntake;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseStatus;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.casefile.DeterminationTimeframe;
import com.healthplan.va.input.FieldErrors;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code vertebralAugmentationCase}: the one gate every new case passes, whether it comes
 * from the case API, the Tasklist start form or the engine REST API. It refuses invalid intake (the engine
 * rolls the start back, so nothing is created), gives the case its id and determination deadline, and opens
 * its case file; the intake's copies in process variables are what the forms show.
 */
@Component("caseIntake")
class CaseIntakeListener implements ExecutionListener {

  private final IntakeValidator validator;
  private final CaseNumbers caseNumbers;
  private final PlanCalendar calendar;
  private final DeterminationTimeframe timeframe;
  private final CaseRepository cases;

  CaseIntakeListener(IntakeValidator validator, CaseNumbers caseNumbers, PlanCalendar calendar,
      DeterminationTimeframe timeframe, CaseRepository cases) {
    this.validator = validator;
    this.cases = cases;
    this.caseNumbers = caseNumbers;
    this.calendar = calendar;
    this.timeframe = timeframe;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.getProcessBusinessKey() != null) {
      throw FieldErrors.refusal("businessKey",
          "The case id is assigned by the application; start the case without a business key.");
    }
    CaseIntake intake = validator.validate(execution.getVariables());

    Instant receivedAt = calendar.now();
    String caseId = caseNumbers.next(receivedAt.atZone(calendar.zone()).getYear());
    Instant dueAt = timeframe.dueAt(receivedAt, intake.urgency(), calendar.zone());
    Instant escalateAt = timeframe.escalateAt(dueAt, intake.urgency());

    cases.open(caseId, execution.getProcessInstanceId(), intake, receivedAt, dueAt, escalateAt);
    execution.setProcessBusinessKey(caseId);
    execution.setVariables(intake.toVariables());
    execution.setVariable(CASE_ID, caseId);
    execution.setVariable(PATIENT_INITIALS, intake.patientInitials());
    execution.setVariable(CASE_STATUS, CaseStatus.IN_REVIEW.name());
    execution.setVariable(RECEIVED_AT, Date.from(receivedAt));
    execution.setVariable(DETERMINATION_DUE_AT, Date.from(dueAt));
    execution.setVariable(DETERMINATION_ESCALATION_AT, Date.from(escalateAt));
    execution.setVariable(INFORMATION_REQUEST_COUNT, 0);
  }
}
