package com.healthplan.va.intake;

import com.healthplan.va.casefile.CaseIntake;
import com.healthplan.va.casefile.CaseVariables;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/** Opens a case from a submission of the case API. */
@Service
public class CaseIntakeService {

  private final IntakeValidator validator;
  private final RuntimeService runtime;
  CaseIntakeService(IntakeValidator validator, RuntimeService runtime) {
    this.validator = validator;
    this.runtime = runtime;
  }

  /**
   * Checks the submission before the engine is touched (so that every bad field is reported at once), then
   * starts the case; the start listener assigns the case id. Returns the case id.
   */
  public String open(Map<String, ?> submission) {
    CaseIntake intake = validator.validate(submission);
    ProcessInstance instance = runtime.startProcessInstanceByKey(CaseVariables.PROCESS_KEY,
        intake.toVariables());
    return instance.getBusinessKey();
  }
}
