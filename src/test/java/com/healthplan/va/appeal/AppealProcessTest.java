package com.healthplan.va.appeal;

import static com.healthplan.va.support.Http.basic;
import static com.healthplan.va.support.Refusals.refusedFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.healthplan.va.casefile.Appeal;
import com.healthplan.va.casefile.AppealOutcome;
import com.healthplan.va.casefile.CaseStatus;
import com.healthplan.va.criteria.EligibilityCriterion;
import com.healthplan.va.input.FieldError;
import com.healthplan.va.support.CaseTestSupport;
import com.healthplan.va.support.Intakes;
import com.healthplan.va.support.TestMailServer;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Appeals of a denial: recorded from Tasklist or {@code POST /api/cases/{caseId}/appeals} within 65 days, decided by
 * a physician other than the one who denied within 30 days or 72 hours, with the due-soon alert; overturned, the
 * case continues to its documentation; upheld, it stays denied.
 */
class AppealProcessTest extends CaseTestSupport {

  private static final String NURSE = basic("nurse1", "nurse1");

  @AfterEach
  void resetEngineClock() {
    ClockUtil.reset();
  }

  /** A case md1 denied (an active infection), its denial notice sent: waiting for an appeal. */
  private ProcessInstance deniedCase() {
    ProcessInstance instance = openCase(Intakes.with(eligibleIntake(), "activeInfection", true));
    Map<String, Object> refer = new HashMap<>();
    refer.put("reviewDecision", "REFER_TO_MEDICAL_DIRECTOR");
    refer.put("reviewConfirmedCriteria", new ArrayList<>(allBut("ACTIVE_INFECTION")));
    completeAs("nurse1", instance, "UserTask_ReviewCriteria", refer);
    Map<String, Object> deny = new HashMap<>();
    deny.put("medicalDirectorDecision", "DENY");
    deny.put("reviewConfirmedCriteria", new ArrayList<>(allBut("ACTIVE_INFECTION")));
    deny.put("medicalDirectorRationale", "Active urinary tract infection on the latest labs.");
    completeAs("md1", instance, "UserTask_ReviewAsMedicalDirector", deny);
    runAsyncJobs(instance);
    TestMailServer.purge();
    return instance;
  }

  private static List<String> allBut(String code) {
    return EligibilityCriterion.codes().stream().filter(c -> !c.equals(code)).toList();
  }

  private HttpResponse<String> appeal(String caseId, String json, String authorization) {
    return http.postJson("/api/cases/" + caseId + "/appeals", json, "Authorization", authorization);
  }

  private static Map<String, Object> decision(String decision, String rationale) {
    Map<String, Object> values = new HashMap<>();
    values.put("appealDecision", decision);
    values.put("appealRationale", rationale);
    return values;
  }

  @Test
  void aDeniedCaseWaitsSixtyFiveDaysForAnAppeal() throws Exception {
    ProcessInstance instance = deniedCase();

    assertThat(instance).isWaitingAt("CallActivity_HandleAppeal");
    assertThat(phase(instance, "vertebralAugmentationAppeal")).isWaitingAt("UserTask_RecordAppeal");
    Task task = openTask(instance, "UserTask_RecordAppeal");
    assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
        .containsExactlyInAnyOrder("um-nurses", "follow-up-coordinators");
    // the end of the day the notices print: the denial's day plus 65 days
    Instant closes = caseFile(instance).determination().decidedAt().atZone(calendar.zone()).toLocalDate()
        .plusDays(66).atStartOfDay(calendar.zone()).toInstant();
    assertThat(task.getDueDate().toInstant()).isEqualTo(closes);
    Job window = timer(instance, "Timer_AppealWindowClosed");
    assertThat(window.getDuedate().toInstant()).isEqualTo(closes);

    ClockUtil.setCurrentTime(Date.from(closes.plusSeconds(1)));
    managementService.executeJob(window.getId());

    assertEnded(instance, "EndEvent_RequestNotApproved");
    assertThat(caseFile(instance).status()).isEqualTo(CaseStatus.DENIED);
    HttpResponse<String> late = appeal(instance.getBusinessKey(),
        "{\"requestedBy\":\"MEMBER\",\"reason\":\"I disagree.\",\"urgency\":\"STANDARD\"}", NURSE);
    assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
    assertThat(json.readTree(late.body()).get("detail").asText()).contains("The time to appeal this determination "
        + "ended on " + calendar.day(closes.atZone(calendar.zone()).toLocalDate().minusDays(1)));
  }

  @Test
  void anAppealThroughTheApiIsOverturnedByAnotherPhysicianAndTheCaseContinues() throws Exception {
    ProcessInstance instance = deniedCase();
    String caseId = instance.getBusinessKey();

    HttpResponse<String> filed = appeal(caseId, "{\"requestedBy\":\"PROVIDER\",\"reason\":\"The infection was treated;"
        + " clean urine culture attached.\",\"urgency\":\"STANDARD\"}", NURSE);

    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    assertThat(filed.headers().firstValue("Location")).contains("/api/cases/" + caseId);
    JsonNode view = json.readTree(filed.body());
    assertThat(view.get("status").asText()).isEqualTo("APPEAL_IN_REVIEW");
    Instant received = Instant.parse(view.at("/appeal/receivedAt").asText().replaceAll("([+-]\\d\\d:\\d\\d)$", "$1"));
    assertThat(Duration.between(received, Instant.parse(view.at("/appeal/dueAt").asText()
        .replaceAll("([+-]\\d\\d:\\d\\d)$", "$1")))).isBetween(Duration.ofHours(30 * 24 - 1), Duration.ofHours(30 * 24 + 1));
    assertThat(view.at("/appeal/outcome").isNull()).isTrue();
    assertThat(view.at("/appeal/requestedBy").asText()).isEqualTo("PROVIDER");
    assertThat(phase(instance, "vertebralAugmentationAppeal")).isWaitingAt("UserTask_ReviewAppeal");

    // a second appeal while this one is open
    HttpResponse<String> again = appeal(caseId, "{\"requestedBy\":\"MEMBER\",\"reason\":\"Me too.\","
        + "\"urgency\":\"STANDARD\"}", NURSE);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(json.readTree(again.body()).get("detail").asText()).contains("already open");

    // the physician who denied may not decide the appeal, whatever API
    Task review = openTask(instance, "UserTask_ReviewAppeal");
    assertThat(taskService.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("medical-directors");
    taskService.claim(review.getId(), "md1");
    assertThat(refusedFields(() -> taskService.complete(review.getId(), decision("OVERTURN", "Looks fine now."))))
        .extracting(FieldError::field).containsExactly("appealDecision");
    taskService.setAssignee(review.getId(), null);
    HttpResponse<String> byRest = http.postJson("/engine-rest/task/" + review.getId() + "/submit-form",
        "{\"variables\":{\"appealDecision\":{\"value\":\"OVERTURN\"},\"appealRationale\":{\"value\":\"x\"}}}",
        "Authorization", basic("md1", "md1"));
    assertThat(byRest.statusCode()).as(byRest.body()).isEqualTo(400);
    assertThat(caseFile(instance).status()).isEqualTo(CaseStatus.APPEAL_IN_REVIEW);

    completeAs("md2", instance, "UserTask_ReviewAppeal",
        decision("OVERTURN", "Infection treated, culture clean: every criterion is met now."));
    runAsyncJobs(instance);

    assertThat(caseFile(instance).status()).isEqualTo(CaseStatus.AWAITING_DOCUMENTATION);
    assertThat(instance).isWaitingAt("CallActivity_PrepareProcedure");
    JsonNode decided = json.readTree(http.get("/api/cases/" + caseId, "Authorization", NURSE).body());
    assertThat(decided.at("/appeal/outcome").asText()).isEqualTo("OVERTURNED");
    assertThat(decided.at("/appeal/decidedBy").asText()).isEqualTo("md2");
    assertThat(decided.at("/appeal/rationale").asText()).contains("culture clean");
    assertThat(decided.at("/determination/outcome").asText()).isEqualTo("DENIED");
    List<MimeMessage> mails = TestMailServer.received();
    assertThat(mails).extracting(MimeMessage::getSubject)
        .containsExactly("Prior authorization " + caseId + ": appeal approved, the denial is overturned");
    assertThat(mails.get(0).getAllRecipients()[0].toString()).isEqualTo("spine@clinic.example");
    assertThat(GreenMailUtil.getBody(mails.get(0))).contains("culture clean").doesNotContain("Jane");
    JsonNode report = json.readTree(http.get("/api/reports/prior-authorization?year=" + today().getYear(),
        "Authorization", basic("coord1", "coord1")).body());
    assertThat(report.findValues("percentApprovedAfterAppeal")).anySatisfy(
        percent -> assertThat(percent.decimalValue()).isPositive());
  }

  @Test
  void anExpeditedAppealRecordedInTasklistIsDueIn72HoursAndCanBeUpheld() throws Exception {
    ProcessInstance instance = deniedCase();
    Map<String, Object> recorded = new HashMap<>();
    recorded.put("requestedBy", "MEMBER");
    recorded.put("reason", "Called in: the pain is unbearable, please reconsider.");
    recorded.put("urgency", "EXPEDITED");

    completeAs("coord1", instance, "UserTask_RecordAppeal", recorded);

    Task review = openTask(instance, "UserTask_ReviewAppeal");
    Appeal appeal = appealOf(instance);
    assertThat(appeal.urgency().name()).isEqualTo("EXPEDITED");
    assertThat(appeal.receivedBy()).isEqualTo("coord1");
    assertThat(appeal.deniedBy()).isEqualTo("md1");
    assertThat(appeal.dueAt()).isEqualTo(appeal.receivedAt().plus(Duration.ofHours(72)));
    assertThat(review.getDueDate().toInstant()).isEqualTo(appeal.dueAt());
    // the intake's urgency is the request's, untouched by the appeal's
    assertThat(caseFile(instance).intake().urgency().name()).isEqualTo("STANDARD");

    // the due-soon alert, 12 hours before an expedited appeal falls due
    Job dueSoon = timer(instance, "Timer_AppealDueSoon");
    assertThat(dueSoon.getDuedate().toInstant()).isEqualTo(appeal.dueAt().minus(Duration.ofHours(12)));
    ClockUtil.setCurrentTime(dueSoon.getDuedate());
    managementService.executeJob(dueSoon.getId());
    runAsyncJobs(instance);
    assertThat(openTask(instance, "UserTask_ReviewAppeal").getPriority()).isEqualTo(90);
    assertThat(TestMailServer.received()).extracting(MimeMessage::getSubject)
        .containsExactly("Appeal due soon: " + instance.getBusinessKey());
    TestMailServer.purge();

    completeAs("md2", instance, "UserTask_ReviewAppeal", decision("UPHOLD", "The infection is still active."));
    runAsyncJobs(instance);

    assertEnded(instance, "EndEvent_RequestNotApproved");
    assertThat(caseFile(instance).status()).isEqualTo(CaseStatus.DENIED);
    assertThat(appealOf(instance).outcome()).isEqualTo(AppealOutcome.UPHELD);
    assertThat(TestMailServer.received()).extracting(MimeMessage::getSubject)
        .containsExactly("Prior authorization " + instance.getBusinessKey() + ": appeal decided, the denial is upheld");
    HttpResponse<String> again = appeal(instance.getBusinessKey(), "{\"requestedBy\":\"MEMBER\",\"reason\":\"Again.\","
        + "\"urgency\":\"STANDARD\"}", NURSE);
    assertThat(again.statusCode()).isEqualTo(409);
  }

  @Test
  void anAppealIsRefusedWithEveryFieldNamedOrWhenTheCaseIsNotDenied() throws Exception {
    ProcessInstance denied = deniedCase();
    HttpResponse<String> invalid = appeal(denied.getBusinessKey(),
        "{\"requestedBy\":\"LAWYER\",\"urgency\":\"SOON\",\"extra\":1}", NURSE);
    assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(400);
    assertThat(json.readTree(invalid.body()).path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("requestedBy", "reason", "urgency", "extra");
    assertThat(caseFile(denied).status()).isEqualTo(CaseStatus.DENIED);
    assertThat(appeal(denied.getBusinessKey(), "{\"requestedBy\":\"MEMBER\",\"reason\":\"x\",\"urgency\":\"STANDARD\"}",
        basic("md1", "md1")).statusCode()).isEqualTo(403);
    assertThat(appeal("VA-2026-999999", "{\"requestedBy\":\"MEMBER\",\"reason\":\"x\",\"urgency\":\"STANDARD\"}", NURSE)
        .statusCode()).isEqualTo(404);

    ProcessInstance inReview = openCase(eligibleIntake());
    HttpResponse<String> notDenied = appeal(inReview.getBusinessKey(),
        "{\"requestedBy\":\"MEMBER\",\"reason\":\"x\",\"urgency\":\"STANDARD\"}", NURSE);
    assertThat(notDenied.statusCode()).isEqualTo(409);
    assertThat(json.readTree(notDenied.body()).get("detail").asText())
        .contains("Only an adverse determination, in whole or in part, can be appealed");
  }

  /**
   * When every physician of the group denied this request, nobody may decide its appeal: an administrator is told
   * at once by an incident naming the case, and a physician added to the group may take the task immediately.
   */
  @Test
  void anAppealNobodyMayDecideRaisesAnIncidentForAnAdministrator() throws Exception {
    identityService.deleteMembership("md2", "medical-directors");
    try {
      ProcessInstance instance = deniedCase();
      String caseId = instance.getBusinessKey();

      assertThat(appeal(caseId, "{\"requestedBy\":\"MEMBER\",\"reason\":\"I disagree.\",\"urgency\":\"STANDARD\"}",
          NURSE).statusCode()).isEqualTo(201);

      ProcessInstance appealPhase = phase(instance, "vertebralAugmentationAppeal");
      assertThat(appealPhase).isWaitingAt("UserTask_ReviewAppeal");
      var incident = runtimeService.createIncidentQuery().processInstanceId(appealPhase.getId())
          .incidentType("noPhysicianMayDecide").singleResult();
      assertThat(incident).isNotNull();
      assertThat(incident.getIncidentMessage()).contains(caseId).contains("md1").contains("Add another physician");

      identityService.createMembership("md2", "medical-directors");
      Task review = openTask(instance, "UserTask_ReviewAppeal");
      assertThat(taskService.createTaskQuery().taskId(review.getId()).taskCandidateUser("md2").count()).isEqualTo(1);
    } finally {
      if (identityService.createUserQuery().userId("md2").memberOfGroup("medical-directors").count() == 0) {
        identityService.createMembership("md2", "medical-directors");
      }
    }
  }

  /** A physician remains who may decide: no incident. */
  @Test
  void anAppealAnotherPhysicianMayDecideRaisesNoIncident() throws Exception {
    ProcessInstance instance = deniedCase();
    assertThat(appeal(instance.getBusinessKey(), "{\"requestedBy\":\"MEMBER\",\"reason\":\"I disagree.\","
        + "\"urgency\":\"STANDARD\"}", NURSE).statusCode()).isEqualTo(201);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(
        phase(instance, "vertebralAugmentationAppeal").getId()).count()).isZero();
  }

  private Appeal appealOf(ProcessInstance instance) {
    return caseFile(instance).appeal().orElseThrow();
  }
}
