package com.healthplan.va.casefile;

import java.util.Arrays;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of every phase process: a phase runs only when its case's processes start it (a call activity,
 * or the notice a decision requests), and only when the case's record calls for it ({@link CaseLifecycle}), however
 * the start was asked for (an administrator's modification, a restart, a message). It then gives the phase the
 * copies its forms show.
 */
@Component("phaseStart")
class PhaseStart implements ExecutionListener {

  private final CaseRepository cases;
  private final CaseLifecycle lifecycle;
  private final CaseCopies copies;

  PhaseStart(CaseRepository cases, CaseLifecycle lifecycle, CaseCopies copies) {
    this.cases = cases;
    this.lifecycle = lifecycle;
    this.copies = copies;
  }

  @Override
  public void notify(DelegateExecution execution) {
    CasePhase phase = phaseOf(execution);
    String caseId = execution.getProcessBusinessKey();
    boolean called = execution.getSuperExecution() != null || phase == CasePhase.NOTICE;
    if (!called || caseId == null) {
      throw new CaseConflictException("A phase starts only from its case; start a case instead.");
    }
    CaseFile file = cases.find(caseId).orElseThrow(() -> new CaseConflictException("There is no case " + caseId
        + "."));
    lifecycle.requirePhaseMayStart(phase, file);
    if (phase != CasePhase.NOTICE) {
      copies.copy(execution, file);
    }
  }

  /** The phase of the running definition: its process id is its key (read from the cached model, no query). */
  private static CasePhase phaseOf(DelegateExecution execution) {
    String key = execution.getBpmnModelInstance().getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)
        .iterator().next().getId();
    return Arrays.stream(CasePhase.values()).filter(phase -> phase.processKey().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalStateException("Not a phase of a case: " + key));
  }
}
