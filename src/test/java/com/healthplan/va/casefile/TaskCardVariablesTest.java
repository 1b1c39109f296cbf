package com.healthplan.va.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.healthplan.va.support.CaseTestSupport;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Cases opened before the task cards showed initials get them at the next start. */
class TaskCardVariablesTest extends CaseTestSupport {

  @Autowired TaskCardVariables backfill;

  @Test
  void aRunningCaseWithoutInitialsGetsThemFromItsCaseFileAndKeepsThem() {
    ProcessInstance instance = openCase(eligibleIntake());
    ProcessInstance phase = determination(instance);
    assertThat(runtimeService.getVariable(phase.getId(), "patientInitials")).isEqualTo("J.Q.D.");
    runtimeService.removeVariable(instance.getId(), "patientInitials");
    runtimeService.removeVariable(phase.getId(), "patientInitials");

    backfill.afterSingletonsInstantiated();

    assertThat(runtimeService.getVariable(instance.getId(), "patientInitials")).isEqualTo("J.Q.D.");
    assertThat(runtimeService.getVariable(phase.getId(), "patientInitials")).isEqualTo("J.Q.D.");
    backfill.afterSingletonsInstantiated();
    assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(phase.getId())
        .variableName("patientInitials").count()).isOne();
  }
}
