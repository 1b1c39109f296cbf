package com.healthplan.va.determination;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of the determination phase: it runs only when its case calls it. The command guard refuses
 * users' direct starts; this closes every other way (a restart batch, a modification) by checking the one
 * thing all of them lack: a calling case.
 */
@Component("phaseStart")
class PhaseStartListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.getSuperExecution() == null || execution.getProcessBusinessKey() == null) {
      throw new IllegalStateException("A determination starts only when its case calls it; start a case instead.");
    }
  }
}
