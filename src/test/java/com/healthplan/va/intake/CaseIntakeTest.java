package com.healthplan.va.intake;

import static com.healthplan.va.support.Refusals.refusedFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.healthplan.va.input.FieldError;
import com.healthplan.va.support.CaseTestSupport;
import com.healthplan.va.support.Intakes;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;

/** The start of a case: its id, the stored types, and refused input leaving no trace. */
class CaseIntakeTest extends CaseTestSupport {

  static int number(ProcessInstance instance) {
    return Integer.parseInt(instance.getBusinessKey().substring(8));
  }

  @Test
  void caseIdsAreNumberedWithoutGapsAndRefusedInputUsesNoNumber() {
    ProcessInstance first = openCase(eligibleIntake());
    long cases = caseCount();

    List<FieldError> refused = refusedFields(() -> runtimeService.startProcessInstanceByKey(
        "vertebralAugmentationCase", Variables.fromMap(Intakes.with(eligibleIntake(), "painScore", 99))));
    ProcessInstance second = openCase(eligibleIntake());

    assertThat(refused).extracting(FieldError::field).containsExactly("painScore");
    assertThat(caseCount()).isEqualTo(cases + 1);
    assertThat(second.getBusinessKey()).startsWith("VA-" + today().getYear() + "-");
    assertThat(number(second)).isEqualTo(number(first) + 1);
  }

  @Test
  void theIntakeIsStoredInTheContractsTypes() {
    ProcessInstance instance = openCase(eligibleIntake());

    assertThat(runtimeService.getVariableTyped(instance.getId(), "fractureDate", false).getType().getName())
        .isEqualTo("string");
    assertThat(variable(instance, "fractureDate")).isEqualTo(today().minusWeeks(5).toString());
    TypedValue levels = runtimeService.getVariableTyped(instance.getId(), "fractureLevels", false);
    assertThat(((ObjectValue) levels).getSerializationDataFormat()).isEqualTo("application/json");
    assertThat(((ObjectValue) levels).getValueSerialized()).isEqualTo("[\"T12\",\"L1\"]");
    assertThat(variable(instance, "painScore")).isEqualTo(8);
    assertThat(variable(instance, "unstableFracture")).isEqualTo(false);
    assertThat(variable(instance, "urgency")).isEqualTo("STANDARD");
  }

  @Test
  void omittedOptionalFieldsTakeTheirDefaults() {
    ProcessInstance instance = openCase(Intakes.without(Intakes.without(eligibleIntake(), "requestDate"), "urgency"));

    assertThat(variable(instance, "requestDate")).isEqualTo(today().toString());
    assertThat(variable(instance, "urgency")).isEqualTo("STANDARD");
  }
}
