package com.healthplan.va.casefile;

import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Gives the instances of cases opened before a release the copies its task cards show ({@code patientInitials}):
 * at start-up, every running case or phase instance with a case id but no initials gets them from the case file.
 * Idempotent; two variable queries when there is nothing to do.
 */
@Component
class TaskCardVariables implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(TaskCardVariables.class);

  private final RuntimeService runtime;
  private final CaseRepository cases;

  TaskCardVariables(RuntimeService runtime, CaseRepository cases) {
    this.runtime = runtime;
    this.cases = cases;
  }

  @Override
  public void afterSingletonsInstantiated() {
    Set<String> withInitials = new HashSet<>();
    for (VariableInstance initials : runtime.createVariableInstanceQuery()
        .variableName(CaseVariables.PATIENT_INITIALS).list()) {
      withInitials.add(initials.getProcessInstanceId());
    }
    int given = 0;
    for (VariableInstance caseId : runtime.createVariableInstanceQuery().variableName(CaseVariables.CASE_ID).list()) {
      if (caseId.getProcessInstanceId().equals(caseId.getExecutionId())
          && withInitials.add(caseId.getProcessInstanceId()) && caseId.getValue() instanceof String id) {
        var file = cases.find(id);
        if (file.isPresent()) {
          runtime.setVariable(caseId.getProcessInstanceId(), CaseVariables.PATIENT_INITIALS,
              file.get().patientInitials());
          given++;
        }
      }
    }
    if (given > 0) {
      LOG.info("Patient initials given to {} running case or phase instance(s) opened before this release", given);
    }
  }
}
