package com.healthplan.va.caseapi;

import static com.healthplan.va.support.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.healthplan.va.casefile.CaseStatus;
import com.healthplan.va.casefile.FollowUpMilestone;
import com.healthplan.va.followup.FollowUp;
import com.healthplan.va.followup.FollowUpRepository;
import com.healthplan.va.followup.FollowUpStatus;
import com.healthplan.va.procedure.ProcedureTestSupport;
import com.healthplan.va.support.TestMailServer;
import jakarta.mail.MessagingException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The follow-ups in the case API: deferring a milestone to the PCP ({@code PUT /api/cases/{caseId}/follow-ups/
 * {milestone}/deferral}), recording a report received by fax or phone ({@code POST /api/cases/{caseId}/follow-ups/
 * {milestone}}), and the case view's {@code followUps}.
 */
class FollowUpApiTest extends ProcedureTestSupport {

  static final String NURSE = basic("nurse1", "nurse1");
  static final String COORDINATOR = basic("coord1", "coord1");
  static final String MEDICAL_DIRECTOR = basic("md1", "md1");
  static final String ADMINISTRATOR = basic("demo", "demo");
  static final List<String> CONTRACT_ORDER = List.of("ONE_WEEK", "ONE_MONTH", "THREE_MONTHS", "ONE_YEAR");
  static final List<String> CONTRACT_FIELDS = List.of("milestone", "dueDate", "status", "deferredToPcp",
      "completedAt", "contactMethod", "painScore", "comfortScore", "activityScore");

  @Autowired FollowUpRepository followUps;

  @AfterEach
  void resetEngineClock() {
    ClockUtil.reset();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // driving a case

  /** Documented, scheduled for today with these milestones deferred, and recorded as performed today. */
  private ProcessInstance recordedCase(List<String> deferredToPcp) {
    ProcessInstance instance = approvedCase();
    confirmDocumentation(instance, ALL_ITEMS);
    Map<String, Object> schedule = schedule(today(), "OUTPATIENT", null);
    schedule.put("deferredToPcp", new ArrayList<>(deferredToPcp));
    completeAs("coord1", instance, "UserTask_ScheduleProcedure", schedule);
    recordToday(instance);
    assertThat(cases.get(instance.getBusinessKey()).status()).isEqualTo(CaseStatus.IN_FOLLOW_UP);
    return instance;
  }

  private void recordToday(ProcessInstance instance) {
    completeAs("coord1", instance, "UserTask_RecordProcedure", cleanRecord());
  }

  /** Moves the engine's clock to the start of the milestone's due day and runs what is then due. */
  private void moveClockToDueDay(ProcessInstance instance, FollowUpMilestone milestone) {
    LocalDate due = followUp(instance, milestone).dueDate();
    ClockUtil.setCurrentTime(Date.from(due.atStartOfDay(calendar.zone()).toInstant()));
    for (Job timer : jobsOf(instance, query -> query.timers().executable())) {
      managementService.executeJob(timer.getId());
    }
    runAsyncJobs(instance);
  }

  private FollowUp followUp(ProcessInstance instance, FollowUpMilestone milestone) {
    return followUps.find(instance.getBusinessKey(), milestone).orElseThrow();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // HTTP

  private HttpResponse<String> defer(String caseId, String milestone, String... authorization) {
    String path = "/api/cases/" + caseId + "/follow-ups/" + milestone + "/deferral";
    return authorization.length == 0 ? http.send("PUT", path) : http.send("PUT", path, "Authorization",
        authorization[0]);
  }

  private HttpResponse<String> report(String caseId, String milestone, Map<String, Object> values,
      String... authorization) throws Exception {
    String path = "/api/cases/" + caseId + "/follow-ups/" + milestone;
    String body = json.writeValueAsString(values);
    return authorization.length == 0 ? http.postJson(path, body) : http.postJson(path, body, "Authorization",
        authorization[0]);
  }

  private static Map<String, Object> faxedReport() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("contactMethod", "TELEPHONE");
    values.put("painScore", 3);
    values.put("comfortScore", 8);
    values.put("activityScore", 7);
    values.put("followUpNote", "Faxed by PCP");
    return values;
  }

  private JsonNode view(String caseId) throws Exception {
    HttpResponse<String> response = http.get("/api/cases/" + caseId, "Authorization", COORDINATOR);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private static JsonNode followUpIn(JsonNode view, String milestone) {
    for (JsonNode followUp : view.path("followUps")) {
      if (followUp.path("milestone").asText().equals(milestone)) {
        return followUp;
      }
    }
    throw new AssertionError("no follow-up " + milestone + " in " + view.path("followUps"));
  }

  private JsonNode assertProblem(HttpResponse<String> response, int status, String typeEnd) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("type").asText()).endsWith(typeEnd);
    return problem;
  }

  private static List<String> fields(JsonNode problem) {
    return problem.path("errors").findValuesAsText("field");
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static List<String> subjects() {
    return TestMailServer.received().stream().map(mail -> {
      try {
        return mail.getSubject();
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 1. deferral

  @Test
  void aCoordinatorDefersTheThreeMonthFollowUpOfARecordedCase() throws Exception {
    ProcessInstance instance = recordedCase(List.of());
    String caseId = instance.getBusinessKey();
    assertThat(followUpIn(view(caseId), "THREE_MONTHS").get("deferredToPcp").asBoolean()).isFalse();

    HttpResponse<String> deferred = defer(caseId, "THREE_MONTHS", COORDINATOR);

    assertThat(deferred.statusCode()).as(deferred.body()).isEqualTo(204);
    assertThat(deferred.body()).isEmpty();
    JsonNode threeMonths = followUpIn(view(caseId), "THREE_MONTHS");
    assertThat(threeMonths.get("deferredToPcp").asBoolean()).isTrue();
    assertThat(threeMonths.get("status").asText()).isEqualTo("DEFERRED_TO_PCP");
    assertThat(followUpIn(view(caseId), "ONE_YEAR").get("deferredToPcp").asBoolean()).isFalse();
    // deferring again changes nothing
    assertThat(defer(caseId, "THREE_MONTHS", COORDINATOR).statusCode()).isEqualTo(204);
    // administrators may defer too
    HttpResponse<String> byAdministrator = defer(caseId, "ONE_YEAR", ADMINISTRATOR);
    assertThat(byAdministrator.statusCode()).as(byAdministrator.body()).isEqualTo(204);
    assertThat(followUpIn(view(caseId), "ONE_YEAR").get("status").asText()).isEqualTo("DEFERRED_TO_PCP");

    // on its due day the PCP is asked, no nurse task opens
    TestMailServer.purge();
    moveClockToDueDay(instance, FollowUpMilestone.THREE_MONTHS);
    assertThat(openTask(instance, "UserTask_FollowUp", "THREE_MONTHS")).isNull();
    assertThat(subjects()).contains("Follow-up report requested for case " + caseId + " (3-month follow-up)");
  }

  @Test
  void aDeferralOfAMilestoneThatCannotBeDeferredOrOfNoCaseIsRefused() throws Exception {
    ProcessInstance instance = recordedCase(List.of());
    String caseId = instance.getBusinessKey();

    JsonNode oneWeek = assertProblem(defer(caseId, "ONE_WEEK", COORDINATOR), 409, "case-state-conflict");
    assertThat(oneWeek.get("detail").asText()).contains("3-month and 1-year");
    assertProblem(defer(caseId, "ONE_MONTH", COORDINATOR), 409, "case-state-conflict");
    assertProblem(defer(caseId, "NEXT_WEEK", COORDINATOR), 404, "case-not-found");
    assertProblem(defer(caseId, "three_months", COORDINATOR), 404, "case-not-found");
    assertProblem(defer("VA-2026-999999", "THREE_MONTHS", COORDINATOR), 404, "case-not-found");
    assertProblem(defer("not-a-case-id", "THREE_MONTHS", COORDINATOR), 404, "case-not-found");

    assertThat(followUps.of(caseId)).extracting(FollowUp::deferredToPcp).containsOnly(false);
    assertThat(followUps.of(caseId)).extracting(FollowUp::status).containsOnly(FollowUpStatus.SCHEDULED);
  }

  @Test
  void onlyCoordinatorsAndAdministratorsDeferAndNobodyWithoutCredentials() throws Exception {
    ProcessInstance instance = recordedCase(List.of());
    String caseId = instance.getBusinessKey();

    for (String authorization : List.of(NURSE, MEDICAL_DIRECTOR)) {
      JsonNode problem = assertProblem(defer(caseId, "THREE_MONTHS", authorization), 403, "forbidden");
      assertThat(problem.get("title").asText()).isEqualTo("Forbidden");
    }
    HttpResponse<String> anonymous = defer(caseId, "THREE_MONTHS");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
    assertThat(defer(caseId, "THREE_MONTHS", basic("coord1", "wrong")).statusCode()).isEqualTo(401);

    assertThat(followUp(instance, FollowUpMilestone.THREE_MONTHS).deferredToPcp()).isFalse();
    assertThat(followUp(instance, FollowUpMilestone.THREE_MONTHS).status()).isEqualTo(FollowUpStatus.SCHEDULED);
  }

  @Test
  void aDeferralBeforeTheProcedureIsRecordedIsListedInTheScheduleAndCarriedIntoTheFollowUps() throws Exception {
    ProcessInstance instance = scheduledCase();
    String caseId = instance.getBusinessKey();
    assertThat(cases.get(caseId).status()).isEqualTo(CaseStatus.SCHEDULED);

    HttpResponse<String> deferred = defer(caseId, "THREE_MONTHS", COORDINATOR);

    assertThat(deferred.statusCode()).as(deferred.body()).isEqualTo(204);
    JsonNode view = view(caseId);
    assertThat(texts(view.get("schedule").get("deferredToPcp"))).containsExactly("THREE_MONTHS");
    assertThat(view.has("followUps")).isFalse();
    // a second one keeps the contract's order
    assertThat(defer(caseId, "ONE_YEAR", COORDINATOR).statusCode()).isEqualTo(204);
    assertThat(texts(view(caseId).get("schedule").get("deferredToPcp"))).containsExactly("THREE_MONTHS", "ONE_YEAR");

    recordToday(instance);

    JsonNode recorded = view(caseId);
    assertThat(followUpIn(recorded, "THREE_MONTHS").get("deferredToPcp").asBoolean()).isTrue();
    assertThat(followUpIn(recorded, "THREE_MONTHS").get("status").asText()).isEqualTo("DEFERRED_TO_PCP");
    assertThat(followUpIn(recorded, "ONE_YEAR").get("status").asText()).isEqualTo("DEFERRED_TO_PCP");
    assertThat(followUpIn(recorded, "ONE_WEEK").get("deferredToPcp").asBoolean()).isFalse();

    // a case still in review has nothing to defer yet
    String inReview = intakeService.open(eligibleIntake());
    assertProblem(defer(inReview, "THREE_MONTHS", COORDINATOR), 409, "case-state-conflict");
  }

  @Test
  void aDeferralOnceTheMilestoneIsDueIsAConflict() throws Exception {
    ProcessInstance instance = recordedCase(List.of());
    String caseId = instance.getBusinessKey();
    moveClockToDueDay(instance, FollowUpMilestone.THREE_MONTHS);
    assertThat(openTask(instance, "UserTask_FollowUp", "THREE_MONTHS")).isNotNull();

    JsonNode problem = assertProblem(defer(caseId, "THREE_MONTHS", COORDINATOR), 409, "case-state-conflict");

    assertThat(problem.get("detail").asText()).contains("already due");
    JsonNode threeMonths = followUpIn(view(caseId), "THREE_MONTHS");
    assertThat(threeMonths.get("deferredToPcp").asBoolean()).isFalse();
    assertThat(threeMonths.get("status").asText()).isEqualTo("DUE");
    assertThat(openTask(instance, "UserTask_FollowUp", "THREE_MONTHS")).isNotNull();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 2. a report received by fax or phone

  @Test
  void aCoordinatorRecordsAReportReceivedByFaxForADeferredFollowUp() throws Exception {
    ProcessInstance instance = recordedCase(List.of("THREE_MONTHS"));
    String caseId = instance.getBusinessKey();
    moveClockToDueDay(instance, FollowUpMilestone.THREE_MONTHS);
    assertThat(timer(instance, "Timer_PcpReminderDue", "THREE_MONTHS")).as("waiting for the PCP").isNotNull();

    HttpResponse<String> response = report(caseId, "THREE_MONTHS", faxedReport(), COORDINATOR);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    JsonNode view = json.readTree(response.body());
    assertThat(view.get("caseId").asText()).isEqualTo(caseId);
    JsonNode threeMonths = followUpIn(view, "THREE_MONTHS");
    assertThat(threeMonths.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(threeMonths.get("deferredToPcp").asBoolean()).isTrue();
    assertThat(threeMonths.get("contactMethod").asText()).isEqualTo("TELEPHONE");
    assertThat(threeMonths.get("painScore").asInt()).isEqualTo(3);
    assertThat(threeMonths.get("comfortScore").asInt()).isEqualTo(8);
    assertThat(threeMonths.get("activityScore").asInt()).isEqualTo(7);
    assertThat(threeMonths.get("completedAt").isNull()).isFalse();
    FollowUp stored = followUp(instance, FollowUpMilestone.THREE_MONTHS);
    assertThat(stored.recordedBy()).isEqualTo("coord1");
    assertThat(stored.scores().note()).isEqualTo("Faxed by PCP");
    // the follow-up phase no longer waits for the PCP
    assertThat(timer(instance, "Timer_PcpReminderDue", "THREE_MONTHS")).isNull();
    assertThat(view(caseId)).isEqualTo(view);

    // once is enough
    Map<String, Object> again = faxedReport();
    again.put("painScore", 9);
    JsonNode twice = assertProblem(report(caseId, "THREE_MONTHS", again, COORDINATOR), 409, "case-state-conflict");
    assertThat(twice.get("detail").asText()).contains("already completed");
    assertThat(followUp(instance, FollowUpMilestone.THREE_MONTHS).scores()).isEqualTo(stored.scores());
  }

  /** The contract's report "received by fax or phone" is for any due milestone, not only a deferred one. */
  @Test
  void aReportReceivedByPhoneForADueNurseFollowUpEndsTheNursesTask() throws Exception {
    ProcessInstance instance = recordedCase(List.of());
    String caseId = instance.getBusinessKey();
    moveClockToDueDay(instance, FollowUpMilestone.ONE_WEEK);
    assertThat(openTask(instance, "UserTask_FollowUp", "ONE_WEEK")).as("the nurse's task").isNotNull();

    HttpResponse<String> response = report(caseId, "ONE_WEEK", faxedReport(), NURSE);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode week = followUpIn(json.readTree(response.body()), "ONE_WEEK");
    assertThat(week.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(week.get("deferredToPcp").asBoolean()).isFalse();
    assertThat(followUp(instance, FollowUpMilestone.ONE_WEEK).recordedBy()).isEqualTo("nurse1");
    assertThat(openTask(instance, "UserTask_FollowUp", "ONE_WEEK")).as("nobody is asked to call again").isNull();
    assertThat(followUp(instance, FollowUpMilestone.ONE_MONTH).status()).isEqualTo(FollowUpStatus.SCHEDULED);
  }

  @Test
  void anInvalidReportIsRefusedNamingExactlyTheInvalidFieldsAndNothingIsSaved() throws Exception {
    ProcessInstance instance = recordedCase(List.of("THREE_MONTHS"));
    String caseId = instance.getBusinessKey();
    Map<String, Object> bad = faxedReport();
    bad.put("painScore", 11);
    bad.put("comfortScore", 7.5);
    bad.put("contactMethod", "FAX");
    bad.put("activityScore", "seven");

    JsonNode problem = assertProblem(report(caseId, "THREE_MONTHS", bad, COORDINATOR), 400, "invalid-case-input");

    assertThat(fields(problem)).containsExactlyInAnyOrder("painScore", "comfortScore", "contactMethod",
        "activityScore");
    assertThat(problem.get("title").asText()).isEqualTo("Invalid case input");
    FollowUp unchanged = followUp(instance, FollowUpMilestone.THREE_MONTHS);
    assertThat(unchanged.status()).isEqualTo(FollowUpStatus.DEFERRED_TO_PCP);
    assertThat(unchanged.scores()).isNull();
    assertThat(unchanged.completedAt()).isNull();

    // the same report, valid, from a nurse (nurses record reports too)
    HttpResponse<String> valid = report(caseId, "THREE_MONTHS", faxedReport(), NURSE);
    assertThat(valid.statusCode()).as(valid.body()).isEqualTo(200);
    assertThat(followUp(instance, FollowUpMilestone.THREE_MONTHS).recordedBy()).isEqualTo("nurse1");
  }

  @Test
  void aReportForAFollowUpNotYetDueOrByAnotherRoleIsRefused() throws Exception {
    ProcessInstance instance = recordedCase(List.of("THREE_MONTHS"));
    String caseId = instance.getBusinessKey();

    JsonNode notDue = assertProblem(report(caseId, "ONE_WEEK", faxedReport(), COORDINATOR), 409,
        "case-state-conflict");
    assertThat(notDue.get("detail").asText()).contains("The 1-week follow-up is not due until");
    assertThat(followUp(instance, FollowUpMilestone.ONE_WEEK).status()).isEqualTo(FollowUpStatus.SCHEDULED);

    for (String authorization : List.of(MEDICAL_DIRECTOR, ADMINISTRATOR)) {
      assertProblem(report(caseId, "THREE_MONTHS", faxedReport(), authorization), 403, "forbidden");
    }
    HttpResponse<String> anonymous = report(caseId, "THREE_MONTHS", faxedReport());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertProblem(report(caseId, "NEXT_WEEK", faxedReport(), COORDINATOR), 404, "case-not-found");
    assertProblem(report("VA-2026-999999", "THREE_MONTHS", faxedReport(), COORDINATOR), 404, "case-not-found");
    assertThat(followUp(instance, FollowUpMilestone.THREE_MONTHS).status()).isEqualTo(FollowUpStatus.DEFERRED_TO_PCP);
    assertThat(followUp(instance, FollowUpMilestone.THREE_MONTHS).scores()).isNull();

    // a report faxed before the due day: on the due day the PCP is not asked for it any more
    assertThat(report(caseId, "THREE_MONTHS", faxedReport(), COORDINATOR).statusCode()).isEqualTo(200);
    TestMailServer.purge();
    moveClockToDueDay(instance, FollowUpMilestone.THREE_MONTHS);
    assertThat(subjects()).noneMatch(subject -> subject.startsWith("Follow-up report requested"));
    assertThat(openTask(instance, "UserTask_FollowUp", "THREE_MONTHS")).isNull();
    assertThat(timer(instance, "Timer_PcpReminderDue", "THREE_MONTHS")).isNull();
    assertThat(followUp(instance, FollowUpMilestone.THREE_MONTHS).status()).isEqualTo(FollowUpStatus.COMPLETED);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 3. the case view's follow-ups

  @Test
  void theCaseViewListsTheFourFollowUpsInContractOrderWithTheContractFields() throws Exception {
    ProcessInstance instance = scheduledCase();
    String caseId = instance.getBusinessKey();
    assertThat(view(caseId).has("followUps")).as("none before the procedure is recorded").isFalse();
    recordToday(instance);
    LocalDate performed = today();

    JsonNode followUpsView = view(caseId).get("followUps");

    assertThat(followUpsView.isArray()).isTrue();
    assertThat(followUpsView).hasSize(4);
    assertThat(followUpsView.findValuesAsText("milestone")).containsExactlyElementsOf(CONTRACT_ORDER);
    List<LocalDate> due = List.of(performed.plusDays(7), performed.plusMonths(1), performed.plusMonths(3),
        performed.plusYears(1));
    for (int i = 0; i < 4; i++) {
      JsonNode followUp = followUpsView.get(i);
      List<String> names = new ArrayList<>();
      for (Iterator<String> it = followUp.fieldNames(); it.hasNext(); ) {
        names.add(it.next());
      }
      assertThat(names).as(followUp.toString()).containsSubsequence(CONTRACT_FIELDS);
      assertThat(names.subList(0, CONTRACT_FIELDS.size())).isEqualTo(CONTRACT_FIELDS);
      assertThat(followUp.get("dueDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}")
          .isEqualTo(due.get(i).toString());
      assertThat(followUp.get("status").asText()).isEqualTo("SCHEDULED");
      assertThat(followUp.get("deferredToPcp").isBoolean()).isTrue();
      assertThat(followUp.get("deferredToPcp").asBoolean()).isFalse();
      for (String notYet : List.of("completedAt", "contactMethod", "painScore", "comfortScore", "activityScore")) {
        assertThat(followUp.get(notYet).isNull()).as(notYet).isTrue();
      }
    }
  }
}
