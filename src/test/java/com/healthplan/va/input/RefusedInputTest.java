package com.healthplan.va.input;

import static com.healthplan.va.support.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.healthplan.va.criteria.EligibilityCriterion;
import com.healthplan.va.support.CaseTestSupport;
import com.healthplan.va.support.EngineRestVariables;
import com.healthplan.va.support.Intakes;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Text limits are checked on the value as submitted, before the engine writes anything, on every text field
 * of every form; a refusal is a 400 naming the field and one WARN line in the log, without a stack trace or
 * the submitted text.
 */
@ExtendWith(OutputCaptureExtension.class)
class RefusedInputTest extends CaseTestSupport {

  static final String PADDED = "Short note" + " ".repeat(5000);

  @Test
  void aPaddedNoteIsRefusedBeforeAnythingIsWritten(CapturedOutput output) throws Exception {
    ProcessInstance instance = openCase(eligibleIntake());
    Task task = claimAs("nurse1", instance, "UserTask_ReviewCriteria");
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("reviewDecision", "REFER_TO_MEDICAL_DIRECTOR");
    values.put("reviewConfirmedCriteria", EligibilityCriterion.codes());
    values.put("reviewNote", PADDED);

    HttpResponse<String> refused = submit(task, values);

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(json.readTree(refused.body()).path("errors").findValuesAsText("field")).containsExactly("reviewNote");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(instance.getId()).variableUpdates()
        .list()).noneMatch(detail -> "reviewNote".equals(
            ((org.camunda.bpm.engine.history.HistoricVariableUpdate) detail).getVariableName()));
    assertQuietRefusal(output);
  }

  @ParameterizedTest(name = "{0}.{1}")
  @CsvSource({
      "UserTask_ReviewCriteria, reviewNote",
      "UserTask_ReviewCriteria, requestedInformation",
      "UserTask_ReviewAsMedicalDirector, medicalDirectorRationale",
      "UserTask_RecordRequestedInformation, informationReceivedNote",
      "UserTask_RecordRequestedInformation, interventionsAttempted"})
  void everyTextFieldOfEveryFormHasItsLimit(String taskKey, String field) throws Exception {
    ProcessInstance instance = openCase(eligibleIntake());
    if (!taskKey.equals("UserTask_ReviewCriteria")) {
      Map<String, Object> review = new HashMap<>();
      review.put("reviewConfirmedCriteria", EligibilityCriterion.codes());
      review.put("reviewNote", "Needs a physician.");
      review.put("reviewDecision", taskKey.equals("UserTask_ReviewAsMedicalDirector")
          ? "REFER_TO_MEDICAL_DIRECTOR" : "REQUEST_INFORMATION");
      review.put("requestedInformation", "Operative plan.");
      completeAs("nurse1", instance, "UserTask_ReviewCriteria", review);
      runAsyncJobs(instance);
    }
    String user = taskKey.equals("UserTask_ReviewAsMedicalDirector") ? "md1" : "nurse1";
    Task task = claimAs(user, instance, taskKey);

    HttpResponse<String> refused = http.postJson("/engine-rest/task/" + task.getId() + "/submit-form",
        EngineRestVariables.of(Map.of(field, "x".repeat(SubmittedValues.MAX_NOTE + 1))), "Authorization", basic(user, user));

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(json.readTree(refused.body()).path("errors").findValuesAsText("field")).contains(field);
    assertThat(refused.body()).contains("at most 4000 characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"memberId", "patientName", "requestingProviderName", "requestingProviderEmail", "pcpName",
      "pcpEmail", "pcpPhone", "memberEmail", "memberAddress", "interventionsAttempted"})
  void everyTextFieldOfTheIntakeHasItsLimitOnEveryPath(String field) throws Exception {
    long before = caseCount();
    Map<String, Object> intake = Intakes.with(eligibleIntake(), field, "x".repeat(SubmittedValues.MAX_NOTE + 5));

    HttpResponse<String> engineRest = http.postJson("/engine-rest/process-definition/key/vertebralAugmentationCase/start",
        EngineRestVariables.of(intake), "Authorization", basic("nurse1", "nurse1"));
    HttpResponse<String> caseApi = http.postJson("/api/cases", json.writeValueAsString(intake),
        "Authorization", basic("nurse1", "nurse1"));

    assertThat(engineRest.statusCode()).as(engineRest.body()).isEqualTo(400);
    assertThat(json.readTree(engineRest.body()).path("errors").findValuesAsText("field")).contains(field);
    assertThat(caseApi.statusCode()).as(caseApi.body()).isEqualTo(400);
    assertThat(json.readTree(caseApi.body()).path("errors").findValuesAsText("field")).contains(field);
    assertThat(caseCount()).isEqualTo(before);
  }

  @Test
  void aDecisionRefusedByTheRulesIsOneWarnLine(CapturedOutput output) throws Exception {
    ProcessInstance instance = openCase(Intakes.with(eligibleIntake(), "radicularSymptoms", true));
    Task task = claimAs("nurse1", instance, "UserTask_ReviewCriteria");
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("reviewDecision", "APPROVE");
    values.put("reviewConfirmedCriteria", EligibilityCriterion.codes());

    HttpResponse<String> refused = submit(task, values);

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(json.readTree(refused.body()).path("errors").findValuesAsText("field")).containsExactly("reviewDecision");
    assertQuietRefusal(output);
  }

  private void assertQuietRefusal(CapturedOutput output) {
    String log = output.getOut() + output.getErr();
    assertThat(log).contains("Refused input: POST");
    assertThat(log).doesNotContain("ENGINE-16004").doesNotContain("ENGINE-REST-HTTP500")
        .doesNotContain("\tat org.camunda").doesNotContain("Jane").doesNotContain("Short note");
  }

  private HttpResponse<String> submit(Task task, Map<String, Object> values) throws Exception {
    return http.postJson("/engine-rest/task/" + task.getId() + "/submit-form", EngineRestVariables.of(values),
        "Authorization", basic("nurse1", "nurse1"));
  }

}
