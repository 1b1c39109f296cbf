package com.healthplan.va.security;

import static com.healthplan.va.support.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.healthplan.va.support.CaseTestSupport;
import com.healthplan.va.support.EngineRestVariables;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, finding 8: requests the application refuses are answered 4xx, never 500, never a stack trace or the
 * servlet container's own page, whatever the path.
 */
class RefusalsNot500Test extends CaseTestSupport {

  static final String NURSE = basic("nurse1", "nurse1");
  static final String ADMIN = basic("demo", "demo");

  private final org.assertj.core.api.SoftAssertions softly = new org.assertj.core.api.SoftAssertions();

  private void refused(HttpResponse<String> response, String what) {
    softly.assertThat(response.statusCode()).as(what + ": " + response.body()).isBetween(400, 499);
    softly.assertThat(response.body()).as(what).doesNotContain("\tat ").doesNotContain("Apache Tomcat");
  }

  @org.junit.jupiter.api.AfterEach
  void allAtOnce() {
    softly.assertAll();
  }

  @Test
  void refusedEngineRequestsAre4xx() {
    ProcessInstance instance = openCase(eligibleIntake());
    Task task = openTask(instance, "UserTask_ReviewCriteria");
    taskService.claim(task.getId(), "nurse1");

    refused(http.postJson("/engine-rest/process-definition/key/vertebralAugmentationCase/start",
        EngineRestVariables.of(eligibleIntake()).replaceFirst("\\{", "{\"skipCustomListeners\":true,"),
        "Authorization", ADMIN), "start skipping the listeners");
    refused(http.postJson("/engine-rest/condition", "{}", "Authorization", NURSE), "condition evaluation");
    refused(http.postJson("/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"demo\"}",
        "Authorization", ADMIN), "claiming a claimed task");
    refused(http.postJson("/engine-rest/task/no-such-task/complete", "{}", "Authorization", NURSE),
        "completing an unknown task");
  }

  @Test
  void malformedPathsGetTheProductsAnswer() {
    refused(http.get("/api/cases/VA-2026%2f000001", "Authorization", NURSE), "an encoded slash");
    refused(http.get("/api/cases/VA-2026-%00", "Authorization", NURSE), "an encoded NUL");
    HttpResponse<String> error = http.get("/error", "Authorization", NURSE);
    assertThat(error.statusCode()).as(error.body()).isNotEqualTo(500);
  }
}
