package com.healthplan.va.security;

import static com.healthplan.va.support.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.healthplan.va.casefile.CaseStatus;
import com.healthplan.va.criteria.EligibilityCriterion;
import com.healthplan.va.support.CaseTestSupport;
import com.healthplan.va.support.EngineRestVariables;
import com.healthplan.va.support.Http;
import com.healthplan.va.support.Intakes;
import com.healthplan.va.support.TestMailServer;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The attempts a hostile caller made against the first release, through every path spelling the engine's APIs
 * accept: each is refused with a 4xx and changes nothing, because the rules run inside the engine.
 */
class EngineGuardTest extends CaseTestSupport {

  static final String ENGINE_REST = "/engine-rest";
  static final String TASKLIST_API = "/camunda/api/engine/engine/default";

  /** Path spellings the engine's JAX-RS resources serve like the plain one. */
  static Stream<Arguments> completionPaths() {
    return Stream.of(ENGINE_REST, TASKLIST_API).flatMap(api -> Stream.of(
        "/task/{id}/complete", "/task/{id}/complete/", "/task/{id};x=1/complete", "/task/{id}/complete;x=1",
        "/task/{id}/submit-form", "/task/{id}/submit-form/", "/task/{id}/submit-form;x=1")
        .map(path -> Arguments.of(api, path)));
  }

  @ParameterizedTest(name = "{0}{1}")
  @MethodSource("completionPaths")
  void aReviewCannotRewriteTheCaseBesideItsForm(String api, String path) throws Exception {
    ProcessInstance instance = openCase(Intakes.with(eligibleIntake(), "radicularSymptoms", true));
    Task task = claimAs("nurse1", instance, "UserTask_ReviewCriteria");
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("reviewDecision", "APPROVE");
    values.put("reviewConfirmedCriteria", EligibilityCriterion.codes());
    values.put("prescreenUnmetCriteria", null);
    values.put("patientName", "Someone Else");
    values.put("requestingProviderEmail", "attacker@elsewhere.example");

    HttpResponse<String> answer = post(api, path.replace("{id}", task.getId()), EngineRestVariables.of(values), "nurse1");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(fields(answer)).containsExactlyInAnyOrder("prescreenUnmetCriteria", "patientName",
        "requestingProviderEmail");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(caseFile(instance).status()).isEqualTo(CaseStatus.IN_REVIEW);
    assertThat(caseFile(instance).intake().patientName()).isEqualTo("Jane Q. Doe");
    assertThat(caseFile(instance).intake().requestingProviderEmail()).isEqualTo("spine@clinic.example");
  }

  static Stream<String> startPaths() {
    return Stream.of("/process-definition/key/vertebralAugmentationCase/start",
        "/process-definition/key/vertebralAugmentationCase/start/",
        "/process-definition/key/vertebralAugmentationCase;x=1/start",
        "/process-definition/key/vertebralAugmentationCase/start;x=1");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("startPaths")
  void aCaseCannotStartPastItsIntake(String path) throws Exception {
    long before = caseCount();
    String instructed = EngineRestVariables.of(eligibleIntake()).replaceFirst("\\{", "{\"skipCustomListeners\":true,"
        + "\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"ServiceTask_SendApprovalNotice\"}],");

    HttpResponse<String> started = post(ENGINE_REST, path, instructed, "nurse1");

    assertThat(started.statusCode()).as(started.body()).isEqualTo(403);
    assertThat(caseCount()).isEqualTo(before);
    assertThat(TestMailServer.received()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"nurse1", "demo"})
  void noUserStartsAPhaseOnItsOwnNotEvenAnAdministrator(String user) throws Exception {
    String phaseId = processEngine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("vertebralAugmentationDetermination").latestVersion().singleResult().getId();
    long phases = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey("vertebralAugmentationDetermination").count();

    for (String path : List.of("/process-definition/key/vertebralAugmentationDetermination/start",
        "/process-definition/key/vertebralAugmentationDetermination/submit-form/",
        "/process-definition/" + phaseId + "/start", "/process-definition/" + phaseId + ";x=1/submit-form")) {
      HttpResponse<String> refused = post(ENGINE_REST, path, EngineRestVariables.of(eligibleIntake()), user);
      assertThat(refused.statusCode()).as(path).isEqualTo(403);
    }
    assertThat(historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey("vertebralAugmentationDetermination").count()).isEqualTo(phases);
    assertThat(processEngine.getRepositoryService().createProcessDefinitionQuery().startableInTasklist()
        .list()).extracting(definition -> definition.getKey()).doesNotContain("vertebralAugmentationDetermination");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/restart", "/restart/", "/restart-async", ";x=1/restart"})
  void aFinishedCaseCannotBeRestarted(String suffix) {
    for (String user : List.of("nurse1", "demo")) {
      restartRefused(suffix, user);
    }
  }

  private void restartRefused(String suffix, String user) {
    String definitionId = processEngine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("vertebralAugmentationCase").latestVersion().singleResult().getId();
    ProcessInstance instance = openCase(eligibleIntake());
    runtimeService.deleteProcessInstance(instance.getId(), "test");
    long before = caseCount();

    HttpResponse<String> refused = post(ENGINE_REST, "/process-definition/" + definitionId + suffix,
        "{\"processInstanceIds\":[\"" + instance.getId() + "\"],\"skipCustomListeners\":true,"
            + "\"instructions\":[{\"type\":\"startAfterActivity\",\"activityId\":\"StartEvent_CaseReceived\"}]}",
        user);

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(caseCount()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"md1", "nurse1", "coord1"})
  void aJobIsUntouchedByAnyoneWhoMayNotRunIt(String user) {
    ProcessInstance instance = openCase(eligibleIntake());
    Job timer = timer(instance, "Timer_DeterminationDueSoon");
    int retriesBefore = timer.getRetries();

    for (String path : List.of("/job/{id}/execute", "/job/{id}/execute/", "/job/{id};x=1/execute")) {
      HttpResponse<String> refused = post(ENGINE_REST, path.replace("{id}", timer.getId()), "", user);
      assertThat(refused.statusCode()).as(path).isEqualTo(403);
    }
    HttpResponse<String> retries = put(ENGINE_REST + "/job/" + timer.getId() + "/retries", "{\"retries\":0}", user);

    assertThat(retries.statusCode()).isEqualTo(403);
    Job after = managementService.createJobQuery().jobId(timer.getId()).singleResult();
    assertThat(after.getRetries()).isEqualTo(retriesBefore);
    assertThat(after.getExceptionMessage()).isNull();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  @Test
  void anAdministratorMayStillRunAJob() {
    ProcessInstance instance = openCase(eligibleIntake());
    Job timer = timer(instance, "Timer_DeterminationDueSoon");

    HttpResponse<String> run = post(ENGINE_REST, "/job/" + timer.getId() + "/execute", "", "demo");

    assertThat(run.statusCode()).as(run.body()).isEqualTo(204);
  }

  @Test
  void variablesCannotBeChangedBesideAForm() {
    ProcessInstance instance = openCase(eligibleIntake());
    Task task = claimAs("nurse1", instance, "UserTask_ReviewCriteria");

    HttpResponse<String> onTask = put(ENGINE_REST + "/task/" + task.getId() + "/variables/patientName",
        "{\"value\":\"Someone Else\"}", "nurse1");
    HttpResponse<String> onInstance = post(ENGINE_REST, "/process-instance/" + instance.getId() + "/variables",
        "{\"modifications\":{\"caseStatus\":{\"value\":\"APPROVED\"}}}", "nurse1");
    HttpResponse<String> bpmnError = post(ENGINE_REST, "/task/" + task.getId() + "/bpmnError",
        "{\"errorCode\":\"x\"}", "nurse1");

    assertThat(onTask.statusCode()).isEqualTo(403);
    assertThat(onInstance.statusCode()).isEqualTo(403);
    assertThat(bpmnError.statusCode()).isEqualTo(403);
    assertThat(runtimeService.getVariable(instance.getId(), "patientName")).isEqualTo("Jane Q. Doe");
    assertThat(caseFile(instance).status()).isEqualTo(CaseStatus.IN_REVIEW);
  }

  @Test
  void objectVariablesOfCallerChosenClassesAreRefused() throws Exception {
    ProcessInstance instance = openCase(eligibleIntake());
    Task task = claimAs("nurse1", instance, "UserTask_ReviewCriteria");
    String body = "{\"variables\":{\"reviewNote\":{\"type\":\"Object\",\"value\":\"\\\"/etc/passwd\\\"\","
        + "\"valueInfo\":{\"objectTypeName\":\"java.io.File\",\"serializationDataFormat\":\"application/json\"}},"
        + "\"reviewDecision\":{\"value\":\"REFER_TO_MEDICAL_DIRECTOR\"}}}";

    HttpResponse<String> refused = post(ENGINE_REST, "/task/" + task.getId() + "/submit-form", body, "nurse1");

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(fields(refused)).containsExactly("reviewNote");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
  }

  @Test
  void tasklistsOwnApiIsGuardedLikeEngineRest() throws Exception {
    ProcessInstance instance = openCase(eligibleIntake());
    Task task = claimAs("nurse1", instance, "UserTask_ReviewCriteria");
    assertThat(http.loginToWebapp("tasklist", "nurse1", "nurse1")).isEqualTo(200);
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("reviewDecision", "REFER_TO_MEDICAL_DIRECTOR");
    values.put("reviewConfirmedCriteria", EligibilityCriterion.codes().subList(0, 13));
    values.put("requestingProviderEmail", "attacker@elsewhere.example");

    HttpResponse<String> refused = http.postJson(TASKLIST_API + "/task/" + task.getId() + "/submit-form/",
        EngineRestVariables.of(values), "X-XSRF-TOKEN", http.xsrfToken());

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(fields(refused)).containsExactly("requestingProviderEmail");
    assertThat(caseFile(instance).status()).isEqualTo(CaseStatus.IN_REVIEW);

    // what Tasklist really sends for the checklist: the type of the variable it showed (seen in Chromium)
    String asTasklistSendsIt = "{\"variables\":{\"reviewDecision\":{\"value\":\"REFER_TO_MEDICAL_DIRECTOR\"},"
        + "\"reviewNote\":{\"value\":\"Needs a physician.\"},\"reviewConfirmedCriteria\":{\"type\":\"Object\","
        + "\"value\":" + json.writeValueAsString(json.writeValueAsString(EligibilityCriterion.codes().subList(0, 13)))
        + ",\"valueInfo\":{\"objectTypeName\":\"java.util.ArrayList<java.lang.String>\","
        + "\"serializationDataFormat\":\"application/json\"}}}}";
    HttpResponse<String> completed = http.postJson(TASKLIST_API + "/task/" + task.getId() + "/submit-form",
        asTasklistSendsIt, "X-XSRF-TOKEN", http.xsrfToken());
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
    assertThat(caseFile(instance).status()).isEqualTo(CaseStatus.MEDICAL_DIRECTOR_REVIEW);
  }

  /** Engine REST with HTTP Basic; Tasklist's engine API with a webapp session and its CSRF token. */
  private HttpResponse<String> post(String api, String path, String body, String user) {
    String json = body.isEmpty() ? "{}" : body;
    if (api.equals(TASKLIST_API)) {
      Http session = new Http(port);
      assertThat(session.loginToWebapp("tasklist", user, user)).isEqualTo(200);
      return session.postJson(api + path, json, "X-XSRF-TOKEN", session.xsrfToken());
    }
    return http.postJson(api + path, json, "Authorization", basic(user, user));
  }

  private HttpResponse<String> put(String path, String body, String user) {
    return http.putJson(path, body, "Authorization", basic(user, user));
  }

  private List<String> fields(HttpResponse<String> answer) throws Exception {
    JsonNode errors = json.readTree(answer.body()).path("errors");
    return errors.findValuesAsText("field");
  }

  @Test
  void aTaskIsClaimedOnlyForOneself() {
    ProcessInstance instance = openCase(eligibleIntake());
    Task task = openTask(instance, "UserTask_ReviewCriteria");

    HttpResponse<String> forSomeoneElse = post(ENGINE_REST, "/task/" + task.getId() + "/claim",
        "{\"userId\":\"coord1\"}", "nurse1");
    HttpResponse<String> forOneself = post(ENGINE_REST, "/task/" + task.getId() + "/claim",
        "{\"userId\":\"nurse1\"}", "nurse1");

    assertThat(forSomeoneElse.statusCode()).isEqualTo(403);
    assertThat(forOneself.statusCode()).isEqualTo(204);
    assertThat(openTask(instance, "UserTask_ReviewCriteria").getAssignee()).isEqualTo("nurse1");
  }

  @Test
  void aPersonChangesTheirPasswordButNotTheirAddressAndCannotDeleteThemselves() {
    HttpResponse<String> profile = put(ENGINE_REST + "/user/coord1/profile",
        "{\"id\":\"coord1\",\"firstName\":\"Colin\",\"lastName\":\"Brooks\",\"email\":\"exfil@attacker.example\"}",
        "coord1");
    HttpResponse<String> deleted = http.send("DELETE", ENGINE_REST + "/user/coord1", "Authorization",
        basic("coord1", "coord1"));

    assertThat(profile.statusCode()).isEqualTo(403);
    assertThat(deleted.statusCode()).isEqualTo(403);
    assertThat(identityService.createUserQuery().userId("coord1").singleResult().getEmail())
        .isEqualTo("coord1@healthplan.example");
  }

  @Test
  void commentsHaveTheNoteLimitAndAttachmentsAreRefused() {
    ProcessInstance instance = openCase(eligibleIntake());
    Task task = claimAs("nurse1", instance, "UserTask_ReviewCriteria");

    HttpResponse<String> huge = post(ENGINE_REST, "/task/" + task.getId() + "/comment/create",
        "{\"message\":\"" + "x".repeat(5000) + "\"}", "nurse1");
    HttpResponse<String> fine = post(ENGINE_REST, "/task/" + task.getId() + "/comment/create",
        "{\"message\":\"Called the office.\"}", "nurse1");
    HttpResponse<String> attachment = post(ENGINE_REST, "/task/" + task.getId() + "/attachment/create",
        "{}", "nurse1");

    assertThat(huge.statusCode()).isEqualTo(400);
    assertThat(fine.statusCode()).isEqualTo(200);
    assertThat(attachment.statusCode()).isBetween(400, 415);
    assertThat(taskService.getTaskAttachments(task.getId())).isEmpty();
  }

  @Test
  void decisionsAreNotEvaluatedDirectlyByPeople() {
    HttpResponse<String> refused = post(ENGINE_REST, "/decision-definition/key/vcfEligibility/evaluate",
        "{\"variables\":{\"imagingModality\":{\"value\":\"" + "A".repeat(5000) + "\"}}}", "nurse1");

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(historyService.createHistoricDecisionInstanceQuery().decisionDefinitionKey("vcfEligibility")
        .list()).noneMatch(decision -> decision.getProcessInstanceId() == null
            && decision.getUserId() != null && decision.getUserId().equals("nurse1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"type\":\"Xml\",\"value\":\"<a/>\"}",
      "{\"type\":\"Json\",\"value\":\"[not json\"}",
      "{\"type\":\"Json\",\"value\":\"{\\\"a\\\":1}\"}",
      "{\"type\":\"Bytes\",\"value\":\"AAAA\"}"})
  void valuesOfOtherKindsAreRefusedWithA400(String value) {
    ProcessInstance instance = openCase(eligibleIntake());
    Task task = claimAs("nurse1", instance, "UserTask_ReviewCriteria");

    HttpResponse<String> refused = post(ENGINE_REST, "/task/" + task.getId() + "/submit-form",
        "{\"variables\":{\"reviewConfirmedCriteria\":" + value + "}}", "nurse1");

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
  }

  @Test
  void wrongPasswordsNeverLockAnAccount() {
    for (int i = 0; i < 15; i++) {
      assertThat(http.get("/engine-rest/task", "Authorization", basic("md1", "guess-" + i)).statusCode())
          .isEqualTo(401);
    }
    assertThat(http.loginToWebapp("tasklist", "md1", "wrong")).isEqualTo(401);

    assertThat(http.get("/engine-rest/task", "Authorization", basic("md1", "md1")).statusCode()).isEqualTo(200);
    assertThat(new Http(port).loginToWebapp("tasklist", "md1", "md1")).isEqualTo(200);
  }

  @Test
  void coordinatorsSeeEveryCaseTaskButCannotWorkThem() throws Exception {
    ProcessInstance instance = openCase(eligibleIntake());
    Task task = openTask(instance, "UserTask_ReviewCriteria");

    HttpResponse<String> listed = http.get("/engine-rest/task?processInstanceBusinessKey=" + instance.getBusinessKey(),
        "Authorization", basic("coord1", "coord1"));
    HttpResponse<String> claimed = post(ENGINE_REST, "/task/" + task.getId() + "/claim", "{\"userId\":\"coord1\"}",
        "coord1");

    assertThat(json.readTree(listed.body()).findValuesAsText("id")).contains(task.getId());
    assertThat(claimed.statusCode()).isEqualTo(403);
    assertThat(identityService.createUserQuery().userId("demo").singleResult().getFirstName()).isEqualTo("Demo");
  }
}
