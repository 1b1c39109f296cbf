package com.healthplan.va.caseapi;

import static com.healthplan.va.support.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.healthplan.va.casefile.CaseStatus;
import com.healthplan.va.casefile.CaseVariables;
import com.healthplan.va.criteria.EligibilityCriterion;
import com.healthplan.va.documents.SampleDocuments;
import com.healthplan.va.support.CaseTestSupport;
import com.healthplan.va.support.EngineRestVariables;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * The procedure record over HTTP ({@code PUT /api/cases/{caseId}/procedure}) and the procedure phase's other HTTP
 * paths: the case view's documentation, schedule, procedure and withdrawal sections, engine REST submissions of the
 * phase's forms, and document uploads refreshing the forms' document list.
 */
class ProcedureApiTest extends CaseTestSupport {

  static final String NURSE = basic("nurse1", "nurse1");
  static final String COORDINATOR = basic("coord1", "coord1");
  static final String RECORD_TASK = "UserTask_RecordProcedure";
  /** The pre-procedure documentation items in the contract's order. */
  static final List<String> ALL_ITEMS = List.of("PAIN_EVALUATION", "PAIN_MANAGEMENT_PLAN",
      "HISTORY_AND_PHYSICAL_BY_OPERATOR", "IMAGING_CORRELATES_WITH_PAIN", "PAIN_FROM_DEMONSTRATED_FRACTURE");

  private final HttpClient client = HttpClient.newHttpClient();

  // ---------------------------------------------------------------------------------------------------------------
  // 1. a clean record

  @Test
  void aCoordinatorRecordsACleanProcedureAndTheCaseGoesToFollowUp() throws Exception {
    ProcessInstance instance = scheduledCase();
    String caseId = instance.getBusinessKey();

    HttpResponse<String> response = putRecord(caseId, cleanRecord(), COORDINATOR);

    assertThat(response.statusCode()).as("%s; afterwards: status %s, record task assignee %s, procedure_date %s",
        response.body(), cases.get(caseId).status(), assigneeOfRecordTask(instance), procedureDate(caseId))
        .isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    JsonNode view = read(response);
    assertThat(view.get("caseId").asText()).isEqualTo(caseId);
    assertThat(view.get("status").asText()).isEqualTo("IN_FOLLOW_UP");
    JsonNode procedure = view.get("procedure");
    assertThat(procedure.get("procedureDate").asText()).isEqualTo(today().toString());
    assertThat(texts(procedure.get("levelsTreated"))).containsExactly("T12", "L1");
    assertThat(procedure.get("imagingGuidance").asText()).isEqualTo("CT");
    assertThat(procedure.get("trocarPlacementImagesRetained").asBoolean()).isTrue();
    assertThat(procedure.get("finalVertebralBodyImagesRetained").asBoolean()).isTrue();
    assertThat(procedure.get("operativeNarrativeReceived").asBoolean()).isTrue();
    assertThat(procedure.get("openSpineProcedureSameSession").asBoolean()).isFalse();
    assertThat(procedure.get("biopsyLevels")).isEmpty();
    assertThat(procedure.get("earlyProcedureRationale").isNull()).isTrue();
    assertThat(procedure.get("recordedBy").asText()).isEqualTo("coord1");
    assertThat(procedure.get("paymentFindings").isArray()).isTrue();
    assertThat(procedure.get("paymentFindings")).isEmpty();
    assertThat(procedure.get("paymentLimitsVersion").isNull()).isFalse();
    assertThat(procedure.has("findingsResolution")).isFalse();
    assertThat(view.get("schedule").get("facilityName").asText()).isEqualTo("Riverside Surgical Center");
    assertThat(view.get("schedule").get("scheduledDate").asText()).isEqualTo(today().toString());
    assertThat(view.get("schedule").get("setting").asText()).isEqualTo("OUTPATIENT");
    assertThat(texts(view.get("documentation").get("confirmed"))).containsExactlyElementsOf(ALL_ITEMS);
    assertThat(view.get("documentation").get("missing")).isEmpty();
    assertThat(view.has("withdrawal")).isFalse();

    // the same view on a later GET
    assertThat(read(http.get("/api/cases/" + caseId, "Authorization", NURSE))).isEqualTo(view);
    // the task was completed in the caller's name, through the engine
    assertThat(openTask(instance, RECORD_TASK)).isNull();
    HistoricTaskInstance recorded = historyService.createHistoricTaskInstanceQuery()
        .processInstanceBusinessKey(caseId).taskDefinitionKey(RECORD_TASK).singleResult();
    assertThat(recorded.getAssignee()).isEqualTo("coord1");
    assertThat(recorded.getEndTime()).isNotNull();
    assertThat(recorded.getDeleteReason()).isEqualTo("completed");
    assertThat(cases.get(caseId).status()).isEqualTo(CaseStatus.IN_FOLLOW_UP);
    assertThat(instance).hasNotPassed("UserTask_ResolvePaymentFindings");
    assertThat(procedureDate(caseId)).isEqualTo(java.sql.Date.valueOf(today()));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 2. a record with payment findings

  @Test
  void aRecordWithFindingsListsThemInContractOrderAndWaitsForTheirResolution() throws Exception {
    ProcessInstance instance = scheduledCase();
    String caseId = instance.getBusinessKey();
    Map<String, Object> record = cleanRecord();
    record.put("levelsTreated", List.of("T11", "T12", "L1", "L2"));
    record.put("imagingGuidance", "NONE");
    record.put("openSpineProcedureSameSession", true);

    HttpResponse<String> response = putRecord(caseId, record, NURSE);

    assertThat(response.statusCode()).as("%s; afterwards: status %s, record task assignee %s, procedure_date %s",
        response.body(), cases.get(caseId).status(), assigneeOfRecordTask(instance), procedureDate(caseId))
        .isEqualTo(200);
    JsonNode view = read(response);
    assertThat(view.get("status").asText()).isEqualTo("IN_FOLLOW_UP");
    assertThat(texts(view.get("procedure").get("paymentFindings"))).containsExactly("LEVEL_NOT_AUTHORIZED",
        "MORE_THAN_3_LEVELS_TREATED", "NO_REAL_TIME_IMAGING_GUIDANCE", "OPEN_SPINE_PROCEDURE_SAME_SESSION");
    assertThat(texts(view.get("procedure").get("levelsTreated"))).containsExactly("T11", "T12", "L1", "L2");
    assertThat(view.get("procedure").get("imagingGuidance").asText()).isEqualTo("NONE");
    assertThat(view.get("procedure").get("recordedBy").asText()).isEqualTo("nurse1");
    assertThat(instance).isWaitingAt("UserTask_ResolvePaymentFindings");
    assertThat(openTask(instance, RECORD_TASK)).isNull();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 3. refusals

  @Test
  void anInvalidRecordIsRefusedNamingEachFieldAndNothingIsSaved() throws Exception {
    ProcessInstance instance = scheduledCase();
    String caseId = instance.getBusinessKey();
    Map<String, Object> record = cleanRecord();
    record.put("procedureDate", today().plusDays(1).toString());
    record.put("levelsTreated", List.of("T12", "L6"));
    record.put("imagingGuidance", "ULTRASOUND");
    record.put("trocarPlacementImagesRetained", "yes");
    record.remove("operativeNarrativeReceived");
    record.put("biopsyLevels", List.of("L1", "L1"));
    record.put("surgeon", "Dr. Alan Spine");

    HttpResponse<String> response = putRecord(caseId, record, COORDINATOR);

    JsonNode problem = assertInvalidInput(response);
    assertThat(fields(problem)).containsExactlyInAnyOrder("surgeon", "procedureDate", "levelsTreated",
        "imagingGuidance", "trocarPlacementImagesRetained", "operativeNarrativeReceived", "biopsyLevels");
    assertThat(problem.get("detail").asText()).isEqualTo("7 fields are invalid; nothing was created.");
    assertThat(message(problem, "procedureDate")).isEqualTo("Date performed cannot be in the future.");
    assertThat(message(problem, "surgeon")).isEqualTo("This is not a field of the procedure record.");
    assertThat(message(problem, "levelsTreated")).contains("'L6'").contains("is not a spinal level");
    assertThat(message(problem, "imagingGuidance")).contains("CT, FLUOROSCOPY, NONE");
    assertThat(message(problem, "trocarPlacementImagesRetained")).endsWith("must be answered yes or no.");
    assertThat(message(problem, "operativeNarrativeReceived")).endsWith("must be answered yes or no.");
    assertThat(message(problem, "biopsyLevels")).contains("L1 is listed more than once");
    assertNothingRecorded(instance);
  }

  @Test
  void noLevelsOrAnImpossibleDateAreRefusedToo() throws Exception {
    ProcessInstance instance = scheduledCase();
    String caseId = instance.getBusinessKey();
    Map<String, Object> record = cleanRecord();
    record.put("procedureDate", "2026-02-30");
    record.put("levelsTreated", List.of());

    JsonNode problem = assertInvalidInput(putRecord(caseId, record, COORDINATOR));

    assertThat(fields(problem)).containsExactlyInAnyOrder("procedureDate", "levelsTreated");
    assertThat(message(problem, "procedureDate")).isEqualTo("Date performed must be a real calendar date written as yyyy-MM-dd.");
    assertThat(message(problem, "levelsTreated")).isEqualTo("Levels treated: choose at least one level.");
    assertNothingRecorded(instance);

    Map<String, Object> missing = cleanRecord();
    missing.remove("levelsTreated");
    missing.remove("procedureDate");
    missing.put("finalVertebralBodyImagesRetained", null);
    JsonNode absent = assertInvalidInput(putRecord(caseId, missing, COORDINATOR));
    assertThat(fields(absent)).containsExactlyInAnyOrder("procedureDate", "levelsTreated",
        "finalVertebralBodyImagesRetained");
    assertThat(message(absent, "procedureDate")).isEqualTo("Date performed is required.");
    assertNothingRecorded(instance);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 4. state, existence, roles, credentials

  @Test
  void aCaseThatIsNotScheduledIsAConflictAndNothingIsSaved() throws Exception {
    ProcessInstance instance = approvedCase();
    String caseId = instance.getBusinessKey();
    assertThat(cases.get(caseId).status()).isEqualTo(CaseStatus.AWAITING_DOCUMENTATION);

    HttpResponse<String> response = putRecord(caseId, cleanRecord(), COORDINATOR);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = read(response);
    assertThat(problem.get("status").asInt()).isEqualTo(409);
    assertThat(problem.get("type").asText()).endsWith("case-state-conflict");
    assertThat(problem.get("title").asText()).isEqualTo("Not possible in the case's current state");
    assertThat(problem.get("detail").asText()).contains("scheduled case").contains("AWAITING_DOCUMENTATION");
    assertThat(cases.get(caseId).status()).isEqualTo(CaseStatus.AWAITING_DOCUMENTATION);
    assertThat(procedureDate(caseId)).isNull();
    assertThat(procedurePhase(instance)).isWaitingAt("UserTask_ReviewDocumentation");

    // a case still in review has no procedure phase at all
    String inReview = intakeService.open(eligibleIntake());
    HttpResponse<String> early = putRecord(inReview, cleanRecord(), COORDINATOR);
    assertThat(early.statusCode()).as(early.body()).isEqualTo(409);
    assertThat(read(early).get("type").asText()).endsWith("case-state-conflict");
    assertThat(cases.get(inReview).status()).isEqualTo(CaseStatus.IN_REVIEW);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM va_procedure WHERE case_id = ?", Integer.class, inReview))
        .isZero();
  }

  @Test
  void aRecordTaskClaimedByAnotherUserInTasklistIsAConflict() throws Exception {
    ProcessInstance instance = scheduledCase();
    claimAs("nurse1", instance, RECORD_TASK);

    HttpResponse<String> response = putRecord(instance.getBusinessKey(), cleanRecord(), COORDINATOR);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
    assertThat(read(response).get("type").asText()).endsWith("case-state-conflict");
    assertThat(read(response).get("detail").asText()).contains("claimed by another user");
    assertNothingRecorded(instance);
    assertThat(openTask(instance, RECORD_TASK).getAssignee()).isEqualTo("nurse1");
  }

  @Test
  void anUnknownOrMalformedCaseIdIsNotFound() throws Exception {
    for (String id : List.of("VA-2026-999999", "not-a-case-id")) {
      HttpResponse<String> response = putRecord(id, cleanRecord(), COORDINATOR);

      assertThat(response.statusCode()).as(id + ": " + response.body()).isEqualTo(404);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      JsonNode problem = read(response);
      assertThat(problem.get("status").asInt()).isEqualTo(404);
      assertThat(problem.get("type").asText()).endsWith("case-not-found");
      assertThat(problem.get("title").asText()).isEqualTo("Case not found");
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM va_case WHERE case_id = ?", Integer.class,
        "VA-2026-999999")).isZero();
  }

  @Test
  void medicalDirectorsAndAdministratorsMayNotRecordAndNobodyWithoutCredentials() throws Exception {
    ProcessInstance instance = scheduledCase();
    String caseId = instance.getBusinessKey();

    for (String user : List.of("md1", "demo")) {
      HttpResponse<String> response = putRecord(caseId, cleanRecord(), basic(user, user));

      assertThat(response.statusCode()).as(user + ": " + response.body()).isEqualTo(403);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      JsonNode problem = read(response);
      assertThat(problem.get("status").asInt()).isEqualTo(403);
      assertThat(problem.get("type").asText()).endsWith("forbidden");
      assertThat(problem.get("title").asText()).isEqualTo("Forbidden");
      assertNothingRecorded(instance);
    }

    HttpResponse<String> anonymous = http.putJson("/api/cases/" + caseId + "/procedure",
        json.writeValueAsString(cleanRecord()));
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
    HttpResponse<String> wrong = putRecord(caseId, cleanRecord(), basic("coord1", "wrong"));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertNothingRecorded(instance);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 5. the phase's forms through engine REST

  @Test
  void engineRestSubmissionsOfThePhasesFormsAreCheckedLikeTheApi() throws Exception {
    ProcessInstance instance = approvedCase();
    String caseId = instance.getBusinessKey();
    confirmDocumentation(instance, ALL_ITEMS);

    // scheduling an inpatient stay without its justification
    Task scheduling = claimAs("coord1", instance, "UserTask_ScheduleProcedure");
    Map<String, Object> inpatient = new LinkedHashMap<>();
    inpatient.put("scheduleDecision", "SCHEDULE");
    inpatient.put("facilityName", "Riverside Surgical Center");
    inpatient.put("scheduledDate", today().toString());
    inpatient.put("setting", "INPATIENT");

    HttpResponse<String> refusedSchedule = submitForm(scheduling, inpatient);

    assertThat(refusedSchedule.statusCode()).as(refusedSchedule.body()).isEqualTo(400);
    JsonNode scheduleProblem = read(refusedSchedule);
    assertThat(fields(scheduleProblem)).containsExactly("inpatientJustification");
    assertThat(message(scheduleProblem, "inpatientJustification")).contains("not performed on an inpatient basis");
    assertThat(taskService.createTaskQuery().taskId(scheduling.getId()).count()).isEqualTo(1);
    assertThat(cases.get(caseId).status()).isEqualTo(CaseStatus.READY_TO_SCHEDULE);
    assertThat(jdbc.queryForObject("SELECT scheduled_date FROM va_procedure WHERE case_id = ?", java.sql.Date.class,
        caseId)).isNull();

    // scheduled in Tasklist's way but without the engine REST path (see coordinatorsScheduleThroughEngineRest)
    completeAs("coord1", instance, "UserTask_ScheduleProcedure", outpatientToday());
    assertThat(cases.get(caseId).status()).isEqualTo(CaseStatus.SCHEDULED);

    // recording a procedure in the future
    Task recording = claimAs("coord1", instance, RECORD_TASK);
    Map<String, Object> future = engineRecord();
    future.put("procedureDate", today().plusDays(1).toString());

    HttpResponse<String> refusedRecord = submitForm(recording, future);

    assertThat(refusedRecord.statusCode()).as(refusedRecord.body()).isEqualTo(400);
    JsonNode recordProblem = read(refusedRecord);
    assertThat(fields(recordProblem)).containsExactly("procedureDate");
    assertThat(message(recordProblem, "procedureDate")).isEqualTo("Date performed cannot be in the future.");
    assertNothingRecorded(instance);

    // a variable that is not on the form: refused by the engine guard before anything is written
    Map<String, Object> beside = engineRecord();
    beside.put("caseStatus", "CLOSED");

    HttpResponse<String> guarded = submitForm(recording, beside);

    assertThat(guarded.statusCode()).as(guarded.body()).isEqualTo(400);
    JsonNode guardProblem = read(guarded);
    assertThat(guardProblem.get("type").asText()).isEqualTo("InvalidRequestException");
    assertThat(fields(guardProblem)).containsExactly("caseStatus");
    assertThat(message(guardProblem, "caseStatus"))
        .isEqualTo("'caseStatus' cannot be changed in the task \"Record procedure\".");
    assertNothingRecorded(instance);
    assertThat(runtimeService.getVariable(procedurePhase(instance).getId(), "caseStatus")).isEqualTo("SCHEDULED");

  }

  @Test
  void coordinatorsScheduleThroughEngineRest() throws Exception {
    ProcessInstance instance = approvedCase();
    confirmDocumentation(instance, ALL_ITEMS);
    Task scheduling = claimAs("coord1", instance, "UserTask_ScheduleProcedure");

    HttpResponse<String> scheduled = submitForm(scheduling, outpatientToday());

    assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(204);
    assertThat(cases.get(instance.getBusinessKey()).status()).isEqualTo(CaseStatus.SCHEDULED);
  }

  @Test
  void aCleanRecordGoesThroughEngineRest() throws Exception {
    ProcessInstance instance = scheduledCase();
    Task recording = claimAs("coord1", instance, RECORD_TASK);

    HttpResponse<String> recorded = submitForm(recording, engineRecord());

    assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(204);
    assertThat(cases.get(instance.getBusinessKey()).status()).isEqualTo(CaseStatus.IN_FOLLOW_UP);
    assertThat(procedureDate(instance.getBusinessKey())).isEqualTo(java.sql.Date.valueOf(today()));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 6. an upload refreshes the form's document list

  @Test
  void anUploadDuringTheDocumentationReviewIsListedOnTheOpenForm() throws Exception {
    createUserWithoutRole();
    ProcessInstance instance = approvedCase();
    String caseId = instance.getBusinessKey();
    ProcessInstance phase = procedurePhase(instance);
    assertThat(phase).isWaitingAt("UserTask_ReviewDocumentation");
    assertThat(documentRows(phase)).isEmpty();

    HttpResponse<String> upload = upload(caseId, "OPERATIVE_NARRATIVE", "narrative.pdf", SampleDocuments.pdf(),
        NURSE);

    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
    String documentId = read(upload).get("documentId").asText();
    String url = "/api/cases/" + caseId + "/documents/" + documentId;
    List<Map<String, String>> rows = documentRows(phase);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0)).containsEntry("fileName", "narrative.pdf")
        .containsEntry("kind", "OPERATIVE_NARRATIVE")
        .containsEntry("kindLabel", "Detailed operative procedure narrative report")
        .containsEntry("url", url);
    assertThat(openTask(instance, "UserTask_ReviewDocumentation")).isNotNull();

    HttpResponse<byte[]> byNurse = download(url, NURSE);
    assertThat(byNurse.statusCode()).isEqualTo(200);
    assertThat(byNurse.body()).isEqualTo(SampleDocuments.pdf());
    assertThat(byNurse.headers().firstValue("Content-Type")).hasValue("application/pdf");
    HttpResponse<byte[]> byNoRole = download(url, basic(NO_ROLE_USER, NO_ROLE_PASSWORD));
    assertThat(byNoRole.statusCode()).isEqualTo(403);
    assertThat(new String(byNoRole.body(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("%PDF");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 7. a withdrawn case

  @Test
  void theViewOfACaseWithdrawnAtSchedulingShowsTheWithdrawal() throws Exception {
    ProcessInstance instance = approvedCase();
    String caseId = instance.getBusinessKey();
    confirmDocumentation(instance, ALL_ITEMS);
    Map<String, Object> withdraw = new HashMap<>();
    withdraw.put("scheduleDecision", "WITHDRAW");
    withdraw.put("withdrawalReason", "Patient declined the procedure.");
    completeAs("coord1", instance, "UserTask_ScheduleProcedure", withdraw);

    HttpResponse<String> response = http.get("/api/cases/" + caseId, "Authorization", NURSE);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode view = read(response);
    assertThat(view.get("status").asText()).isEqualTo("WITHDRAWN");
    assertThat(view.get("withdrawal").get("reason").asText()).isEqualTo("Patient declined the procedure.");
    assertThat(view.get("withdrawal").get("withdrawnBy").asText()).isEqualTo("coord1");
    assertThat(view.get("withdrawal").get("withdrawnAt").isNull()).isFalse();
    assertThat(view.has("procedure")).isFalse();
    assertThat(texts(view.get("documentation").get("confirmed"))).containsExactlyElementsOf(ALL_ITEMS);

    // nothing is recorded for a withdrawn case
    HttpResponse<String> late = putRecord(caseId, cleanRecord(), COORDINATOR);
    assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
    assertThat(read(late).get("type").asText()).endsWith("case-state-conflict");
    assertThat(cases.get(caseId).status()).isEqualTo(CaseStatus.WITHDRAWN);
    assertThat(procedureDate(caseId)).isNull();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // driving a case to its procedure phase, as the nurse and the coordinator would in Tasklist

  /** A case the nurse approved, its approval notice sent: waiting for its documentation review. */
  /**
   * What Tasklist sends for the documentation checklist (seen in Chromium): the type of the variable it showed,
   * which for the empty list of a first review Jackson names {@code ArrayList<Object>}.
   */
  @Test
  void theDocumentationChecklistIsAcceptedAsTasklistSendsIt() throws Exception {
    ProcessInstance instance = approvedCase();
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .taskDefinitionKey("UserTask_ReviewDocumentation").singleResult();
    taskService.claim(task.getId(), "nurse1");
    String body = "{\"variables\":{\"documentationConfirmed\":{\"type\":\"Object\",\"value\":"
        + json.writeValueAsString(json.writeValueAsString(List.of("PAIN_EVALUATION")))
        + ",\"valueInfo\":{\"objectTypeName\":\"java.util.ArrayList<java.lang.Object>\","
        + "\"serializationDataFormat\":\"application/json\"}}}}";
    String refusedBody = body.replace("PAIN_EVALUATION", "").replace("[\\\"\\\"]", "[1]");

    HttpResponse<String> completed = http.postJson("/engine-rest/task/" + task.getId() + "/submit-form", body,
        "Authorization", NURSE);

    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
    assertThat(jdbc.queryForObject("SELECT documentation_confirmed FROM va_procedure WHERE case_id = ?",
        String.class, instance.getBusinessKey())).isEqualTo("PAIN_EVALUATION");
    runAsyncJobs(instance); // the request to the provider; then the review waits for the documents
    Task again = taskService.createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .taskDefinitionKey("UserTask_ReviewDocumentation").singleResult();
    taskService.claim(again.getId(), "nurse1");
    HttpResponse<String> refused = http.postJson("/engine-rest/task/" + again.getId() + "/submit-form",
        refusedBody, "Authorization", NURSE);
    assertThat(refused.statusCode()).as(refusedBody + " -> " + refused.body()).isEqualTo(400);
  }

  private ProcessInstance approvedCase() {
    ProcessInstance instance = openCase(eligibleIntake());
    Map<String, Object> review = new HashMap<>();
    review.put("reviewDecision", "APPROVE");
    review.put("reviewConfirmedCriteria", new ArrayList<>(EligibilityCriterion.codes()));
    completeAs("nurse1", instance, "UserTask_ReviewCriteria", review);
    runAsyncJobs(instance);
    return instance;
  }

  private void confirmDocumentation(ProcessInstance instance, List<String> confirmed) {
    Map<String, Object> values = new HashMap<>();
    // in another order than the contract's: the case view shows the contract's
    List<String> reversed = new ArrayList<>(confirmed);
    java.util.Collections.reverse(reversed);
    values.put("documentationConfirmed", reversed);
    completeAs("nurse1", instance, "UserTask_ReviewDocumentation", values);
    runAsyncJobs(instance);
  }

  /** Documented and scheduled (outpatient, today): waiting for its procedure record. */
  private ProcessInstance scheduledCase() {
    ProcessInstance instance = approvedCase();
    confirmDocumentation(instance, ALL_ITEMS);
    completeAs("coord1", instance, "UserTask_ScheduleProcedure", outpatientToday());
    assertThat(cases.get(instance.getBusinessKey()).status()).isEqualTo(CaseStatus.SCHEDULED);
    return instance;
  }

  private Map<String, Object> outpatientToday() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("scheduleDecision", "SCHEDULE");
    values.put("facilityName", "Riverside Surgical Center");
    values.put("scheduledDate", today().toString());
    values.put("setting", "OUTPATIENT");
    return values;
  }

  private ProcessInstance procedurePhase(ProcessInstance caseInstance) {
    return runtimeService.createProcessInstanceQuery().superProcessInstanceId(caseInstance.getId())
        .processDefinitionKey(CaseVariables.PROCEDURE_PROCESS_KEY).singleResult();
  }

  /** The record of the API contract with nothing to find: today, the approved levels, CT guidance. */
  private Map<String, Object> cleanRecord() {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("procedureDate", today().toString());
    record.put("levelsTreated", List.of("T12", "L1"));
    record.put("imagingGuidance", "CT");
    record.put("trocarPlacementImagesRetained", true);
    record.put("finalVertebralBodyImagesRetained", true);
    record.put("operativeNarrativeReceived", true);
    record.put("openSpineProcedureSameSession", false);
    record.put("biopsyLevels", List.of());
    return record;
  }

  /** The clean record as the "Record procedure" form submits it. */
  private Map<String, Object> engineRecord() {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("recordDecision", "RECORD");
    record.putAll(cleanRecord());
    return record;
  }

  private void assertNothingRecorded(ProcessInstance instance) {
    String caseId = instance.getBusinessKey();
    assertThat(cases.get(caseId).status()).isEqualTo(CaseStatus.SCHEDULED);
    assertThat(procedureDate(caseId)).isNull();
    assertThat(jdbc.queryForObject("SELECT levels_treated FROM va_procedure WHERE case_id = ?", String.class,
        caseId)).isNull();
    assertThat(openTask(instance, RECORD_TASK)).isNotNull();
    assertThat(procedurePhase(instance)).isWaitingAt(RECORD_TASK);
  }

  private String assigneeOfRecordTask(ProcessInstance instance) {
    Task task = openTask(instance, RECORD_TASK);
    return task == null ? "(no open task)" : String.valueOf(task.getAssignee());
  }

  private java.sql.Date procedureDate(String caseId) {
    return jdbc.queryForObject("SELECT procedure_date FROM va_procedure WHERE case_id = ?", java.sql.Date.class,
        caseId);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, String>> documentRows(ProcessInstance phase) {
    // the providers' documents (the member's letters are listed too, by kind MEMBER_NOTICE)
    Object rows = runtimeService.getVariable(phase.getId(), CaseVariables.CASE_DOCUMENTS);
    return rows == null ? List.of() : ((List<Map<String, String>>) rows).stream()
        .filter(row -> !"MEMBER_NOTICE".equals(row.get("kind"))).toList();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // HTTP

  private HttpResponse<String> putRecord(String caseId, Map<String, Object> record, String authorization)
      throws Exception {
    return http.putJson("/api/cases/" + caseId + "/procedure", json.writeValueAsString(record),
        "Authorization", authorization);
  }

  private HttpResponse<String> submitForm(Task task, Map<String, Object> values) {
    return http.postJson("/engine-rest/task/" + task.getId() + "/submit-form", EngineRestVariables.of(values),
        "Authorization", COORDINATOR);
  }

  private JsonNode assertInvalidInput(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = read(response);
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("type").asText()).endsWith("invalid-case-input");
    assertThat(problem.get("title").asText()).isEqualTo("Invalid case input");
    return problem;
  }

  private JsonNode read(HttpResponse<String> response) throws Exception {
    return json.readTree(response.body());
  }

  private static List<String> fields(JsonNode problem) {
    return problem.path("errors").findValuesAsText("field");
  }

  private static String message(JsonNode problem, String field) {
    for (JsonNode error : problem.path("errors")) {
      if (error.get("field").asText().equals(field)) {
        return error.get("message").asText();
      }
    }
    throw new AssertionError("no error for " + field + " in " + problem);
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private HttpResponse<String> upload(String caseId, String kind, String fileName, byte[] content,
      String authorization) {
    MultipartBody body = new MultipartBody().file("file", fileName, "application/pdf", content).field("kind", kind);
    return call(HttpRequest.newBuilder(uri("/api/cases/" + caseId + "/documents"))
        .header("Content-Type", body.contentType()).header("Authorization", authorization)
        .POST(body.publisher()).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<byte[]> download(String path, String authorization) {
    return call(HttpRequest.newBuilder(uri(path)).header("Authorization", authorization).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private <T> HttpResponse<T> call(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return client.send(request, handler);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
