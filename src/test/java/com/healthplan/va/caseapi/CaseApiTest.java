package com.healthplan.va.caseapi;

import static com.healthplan.va.support.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.healthplan.va.intake.IntakeValidator;
import com.healthplan.va.support.CaseTestSupport;
import com.healthplan.va.support.Intakes;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The case API of the contract over HTTP: 201, 400 problem details, 401, 403, 404. */
class CaseApiTest extends CaseTestSupport {

  static final String NURSE = basic("nurse1", "nurse1");

  @BeforeEach
  void userWithoutRole() {
    createUserWithoutRole();
  }

  String body(Map<String, Object> intake) throws Exception {
    return json.writeValueAsString(intake);
  }

  JsonNode read(HttpResponse<String> response) throws Exception {
    return json.readTree(response.body());
  }

  @Test
  void postOpensACaseAndAnswersWithItsView() throws Exception {
    HttpResponse<String> response = http.postJson("/api/cases", body(eligibleIntake()), "Authorization", NURSE);

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode view = read(response);
    String caseId = view.get("caseId").asText();
    assertThat(caseId).matches("VA-\\d{4}-\\d{6}");
    assertThat(response.headers().firstValue("Location")).hasValue("/api/cases/" + caseId);
    assertThat(view.get("status").asText()).isEqualTo("IN_REVIEW");
    for (String field : IntakeValidator.FIELDS) {
      assertThat(view.has(field)).as(field).isTrue();
    }
    assertThat(view.get("patientBirthDate").asText()).isEqualTo("1948-03-14");
    assertThat(view.get("fractureLevels")).hasSize(2);
    assertThat(view.get("painScore").asInt()).isEqualTo(8);
    assertThat(view.get("urgency").asText()).isEqualTo("STANDARD");
    OffsetDateTime receivedAt = OffsetDateTime.parse(view.get("receivedAt").asText());
    OffsetDateTime dueAt = OffsetDateTime.parse(view.get("determinationDueAt").asText());
    assertThat(Duration.between(receivedAt, dueAt).toDays()).isEqualTo(7);
    assertThat(view.get("prescreen").get("meetsCriteria").asBoolean()).isTrue();
    assertThat(view.get("prescreen").get("unmetCriteria")).isEmpty();
    assertThat(view.has("determination")).isFalse();

    for (String user : List.of("nurse1", "coord1", "md1", "demo")) {
      HttpResponse<String> get = http.get("/api/cases/" + caseId, "Authorization", basic(user, user));
      assertThat(get.statusCode()).as(user).isEqualTo(200);
      assertThat(read(get)).isEqualTo(view);
    }
  }

  @Test
  void thePrescreenListsUnmetCriteriaInContractOrder() throws Exception {
    Map<String, Object> intake = Intakes.with(eligibleIntake(), "otherSpinalPainGenerators", true);
    intake.put("fractureDate", today().minusMonths(4).minusDays(1).toString());
    intake.put("imagingDate", today().minusMonths(4).toString());
    intake.put("fractureLevels", List.of("T4", "T5", "T6", "T7"));

    JsonNode view = read(http.postJson("/api/cases", body(intake), "Authorization", NURSE));

    assertThat(view.get("prescreen").get("meetsCriteria").asBoolean()).isFalse();
    assertThat(StreamSupport.stream(view.get("prescreen").get("unmetCriteria").spliterator(), false)
        .map(JsonNode::asText)).containsExactly("FRACTURE_OLDER_THAN_4_MONTHS", "LEVEL_OUTSIDE_T5_L5",
        "MORE_THAN_3_LEVELS", "OTHER_SPINAL_PAIN_GENERATORS");
  }

  @Test
  void invalidInputIsRefusedWithProblemDetailsNamingEachFieldAndNothingIsCreated() throws Exception {
    long before = caseCount();
    Map<String, Object> intake = Intakes.with(eligibleIntake(), "painScore", 11);
    intake.put("fractureLevels", List.of("T12", "X1"));
    intake.remove("pcpEmail");

    HttpResponse<String> response = http.postJson("/api/cases", body(intake), "Authorization", NURSE);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = read(response);
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("title").asText()).isEqualTo("Invalid case input");
    assertThat(problem.get("errors")).extracting(e -> e.get("field").asText())
        .containsExactly("pcpEmail", "fractureLevels", "painScore");
    assertThat(problem.get("errors").get(2).get("message").asText())
        .isEqualTo("Pain score (VAS) must be a whole number from 0 to 10.");
    assertThat(caseCount()).isEqualTo(before);
  }

  @Test
  void fieldsOutsideTheContractAreRefused() throws Exception {
    HttpResponse<String> response = http.postJson("/api/cases",
        body(Intakes.with(eligibleIntake(), "caseStatus", "APPROVED")), "Authorization", NURSE);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(read(response).get("errors").get(0).get("field").asText()).isEqualTo("caseStatus");
  }

  @Test
  void aBodyThatIsNotAJsonObjectIsRefused() throws Exception {
    long before = caseCount();
    for (String body : List.of("{\"memberId\": ", "[1,2]", "\"text\"", "")) {
      HttpResponse<String> response = http.postJson("/api/cases", body, "Authorization", NURSE);
      assertThat(response.statusCode()).as(body).isEqualTo(400);
      assertThat(read(response).get("errors").get(0).get("field").asText()).isEqualTo("body");
    }
    assertThat(caseCount()).isEqualTo(before);
  }

  @Test
  void anUnknownCaseIsNotFound() throws Exception {
    for (String id : List.of("VA-1999-000001", "not-a-case-id")) {
      HttpResponse<String> response = http.get("/api/cases/" + id, "Authorization", NURSE);
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(read(response).get("title").asText()).isEqualTo("Case not found");
    }
  }

  @Test
  void callersWithoutCredentialsOrWithWrongOnesAreUnauthorized() throws Exception {
    long before = caseCount();
    assertThat(http.postJson("/api/cases", body(eligibleIntake())).statusCode()).isEqualTo(401);
    assertThat(http.get("/api/cases/VA-2026-000001").statusCode()).isEqualTo(401);
    HttpResponse<String> wrong = http.get("/api/cases/VA-2026-000001", "Authorization", basic("nobody", "guess"));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    assertThat(caseCount()).isEqualTo(before);
  }

  @Test
  void usersWithoutACaseRoleAreForbidden() throws Exception {
    String noRole = basic(NO_ROLE_USER, NO_ROLE_PASSWORD);
    assertThat(http.get("/api/cases/VA-2026-000001", "Authorization", noRole).statusCode()).isEqualTo(403);
    assertThat(http.postJson("/api/cases", body(eligibleIntake()), "Authorization", noRole).statusCode())
        .isEqualTo(403);
  }

  @Test
  void onlyNursesAndAdministratorsOpenCases() throws Exception {
    long before = caseCount();
    for (String user : List.of("coord1", "md1")) {
      HttpResponse<String> response = http.postJson("/api/cases", body(eligibleIntake()),
          "Authorization", basic(user, user));
      assertThat(response.statusCode()).as(user).isEqualTo(403);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
    assertThat(caseCount()).isEqualTo(before);
    assertThat(http.postJson("/api/cases", body(eligibleIntake()), "Authorization", basic("demo", "demo"))
        .statusCode()).isEqualTo(201);
  }

  @Test
  void ambiguousOrDeceptiveInputIsRefused() throws Exception {
    long before = caseCount();
    String duplicate = body(eligibleIntake()).replaceFirst("\\{", "{\"painScore\":2,");
    String almostSeven = body(eligibleIntake()).replace("\"painScore\":8", "\"painScore\":7.0000000000000000001");
    Map<String, Object> bidi = Intakes.with(eligibleIntake(), "patientName", "Jane \u202Eeod");
    // a lone surrogate can only arrive escaped in the JSON text (UTF-8 cannot carry one)
    String loneSurrogate = body(eligibleIntake()).replace("Jane Q. Doe", "Jane \\ud800x");

    assertThat(http.postJson("/api/cases", duplicate, "Authorization", NURSE).statusCode()).isEqualTo(400);
    HttpResponse<String> decimal = http.postJson("/api/cases", almostSeven, "Authorization", NURSE);
    assertThat(decimal.statusCode()).isEqualTo(400);
    assertThat(read(decimal).get("errors").get(0).get("field").asText()).isEqualTo("painScore");
    for (String intake : List.of(body(bidi), loneSurrogate)) {
      HttpResponse<String> refused = http.postJson("/api/cases", intake, "Authorization", NURSE);
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(read(refused).get("errors").get(0).get("field").asText()).isEqualTo("patientName");
    }
    assertThat(caseCount()).isEqualTo(before);
  }

  @Test
  void theTimelineSaysWhoDidWhatOldestFirst() throws Exception {
    String caseId = read(http.postJson("/api/cases", body(eligibleIntake()), "Authorization", NURSE)).get("caseId")
        .asText();
    var task = taskService.createTaskQuery().processInstanceBusinessKey(caseId).singleResult();
    assertThat(http.postJson("/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"nurse1\"}",
        "Authorization", NURSE).statusCode()).isEqualTo(204);
    assertThat(http.postJson("/engine-rest/task/" + task.getId() + "/submit-form",
        com.healthplan.va.support.EngineRestVariables.of(Map.of("reviewDecision", "APPROVE",
            "reviewConfirmedCriteria", com.healthplan.va.criteria.EligibilityCriterion.codes())),
        "Authorization", NURSE).statusCode()).isEqualTo(204);
    runAsyncJobs(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
        .processDefinitionKey("vertebralAugmentationCase").singleResult());

    HttpResponse<String> response = http.get("/api/cases/" + caseId + "/timeline", "Authorization",
        basic("coord1", "coord1"));

    assertThat(response.statusCode()).isEqualTo(200);
    List<String> events = new java.util.ArrayList<>();
    List<String> times = new java.util.ArrayList<>();
    for (JsonNode entry : read(response)) {
      events.add(entry.get("event").asText() + " | " + entry.get("actor").asText() + " | " + entry.get("detail").asText());
      times.add(entry.get("at").asText());
    }
    assertThat(events).containsSubsequence(
        "Case received | nurse1 | standard request; determination due "
            + calendar.moment(cases.get(caseId).rounds().get(0).dueAt()),
        "Task opened | system | Review criteria",
        "Task claimed | nurse1 | Review criteria",
        "Task completed | nurse1 | Review criteria");
    assertThat(events).anyMatch(e -> e.startsWith("Criteria prescreened | system"));
    assertThat(events).anyMatch(e -> e.equals("Determination made | nurse1 | approved"));
    assertThat(events).anyMatch(e -> e.equals("Notice sent | system | Approval to the provider to spine@clinic.example"));
    // people by name beside their user ids: the nurse who decided, the application for its own steps
    List<String> names = new java.util.ArrayList<>();
    read(response).forEach(entry -> names.add(entry.get("actor").asText() + "=" + entry.get("actorName").asText()));
    assertThat(names).contains("nurse1=Nina Alvarez", "system=the application");
    assertThat(times).isSortedAccordingTo(java.util.Comparator.comparing(java.time.OffsetDateTime::parse));
    assertThat(http.get("/api/cases/VA-2000-000001/timeline", "Authorization", NURSE).statusCode()).isEqualTo(404);
    assertThat(http.get("/api/cases/" + caseId + "/timeline", "Authorization",
        basic(NO_ROLE_USER, NO_ROLE_PASSWORD)).statusCode()).isEqualTo(403);
  }
}
