package com.healthplan.va.caseapi;

import static com.healthplan.va.support.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.healthplan.va.support.CaseTestSupport;
import com.healthplan.va.support.EngineRestVariables;
import com.healthplan.va.support.Http;
import com.healthplan.va.support.Intakes;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The case page ({@code /cases/{caseId}}, read through {@code GET /api/cases/{caseId}/page}) and the case search
 * ({@code GET /api/cases?search=}): the case in words with people's names and labelled times, what each role may
 * read, documents and letters as links that open.
 */
class CasePageTest extends CaseTestSupport {

  private static final String NURSE = basic("nurse1", "nurse1");
  private static final String COORDINATOR = basic("coord1", "coord1");
  private static final String PHYSICIAN = basic("md1", "md1");
  /** A contract code (IN_REVIEW, DETERMINATION_APPROVED, ...) where words belong. */
  private static final Pattern CODE = Pattern.compile("\\b[A-Z]{2,}_[A-Z_]+\\b");

  /** A case approved by nurse1 through the engine's REST API, its notices and the member's letter sent. */
  private String approvedCase() throws Exception {
    Map<String, Object> intake = Intakes.with(Intakes.with(eligibleIntake(), "patientPhone", "555-0142"),
        "memberEmail", "jane.doe@example.org");
    String caseId = json.readTree(http.postJson("/api/cases", json.writeValueAsString(intake), "Authorization",
        NURSE).body()).get("caseId").asText();
    var task = taskService.createTaskQuery().processInstanceBusinessKey(caseId).singleResult();
    assertThat(http.postJson("/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"nurse1\"}",
        "Authorization", NURSE).statusCode()).isEqualTo(204);
    assertThat(http.postJson("/engine-rest/task/" + task.getId() + "/submit-form",
        EngineRestVariables.of(Map.of("reviewDecision", "APPROVE",
            "reviewConfirmedCriteria", com.healthplan.va.criteria.EligibilityCriterion.codes())),
        "Authorization", NURSE).statusCode()).isEqualTo(204);
    runAsyncJobs(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
        .processDefinitionKey("vertebralAugmentationCase").singleResult());
    return caseId;
  }

  private JsonNode page(String caseId, String authorization) throws Exception {
    HttpResponse<String> response = http.get("/api/cases/" + caseId + "/page", "Authorization", authorization);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private static List<String> lines(JsonNode lines) {
    List<String> text = new ArrayList<>();
    lines.forEach(line -> text.add(line.get("label").asText() + ": " + line.get("value").asText()));
    return text;
  }

  @Test
  void aNurseReadsTheWholeCaseInWordsWithNamesAndTheLetterOpens() throws Exception {
    String caseId = approvedCase();
    var file = cases.get(caseId);

    JsonNode page = page(caseId, NURSE);

    assertThat(page.get("statusText").asText()).isEqualTo(file.status().label());
    assertThat(page.get("nextStep").asText()).isEqualTo("Approved: the provider and the member are told. The "
        + "pre-procedure documentation is reviewed next.");
    assertThat(page.get("summary").asText()).contains("Kyphoplasty").contains("T12, L1").contains("standard request");
    assertThat(lines(page.get("patient"))).contains("Patient: Jane Q. Doe", "Born: " + calendar.day(
        java.time.LocalDate.parse("1948-03-14")), "Member id: M-100234", "Patient's telephone: 555-0142");
    // moments in the plan's zone, labelled with it, as the notices print them
    assertThat(lines(page.get("request"))).contains("Received: " + calendar.moment(file.receivedAt()));
    List<String> round = lines(page.get("determinations").get(0).get("lines"));
    assertThat(page.get("determinations").get(0).get("title").asText()).isEqualTo("Determination round 1");
    assertThat(round).contains("Decision: approved, by Nina Alvarez, "
        + calendar.moment(file.determination().decidedAt()));
    assertThat(round).anyMatch(line -> line.startsWith("Valid for a procedure on or before: "));
    assertThat(page.get("notices").findValuesAsText("what")).contains("Approval to the provider",
        "Letter to the member: approval");
    assertThat(page.get("timeline").findValuesAsText("who")).contains("Nina Alvarez", "the application")
        .doesNotContain("nurse1", "system");
    assertThat(page.get("actions").get("uploadKinds").findValuesAsText("label"))
        .contains("Images retained from the procedure (final trocar placement, vertebral body at the end)");
    // words, not codes, everywhere on the page (the upload kinds' codes are the form's values, not shown)
    ((com.fasterxml.jackson.databind.node.ObjectNode) page.get("actions")).remove("uploadKinds");
    ((com.fasterxml.jackson.databind.node.ObjectNode) page).remove("status");
    assertThat(CODE.matcher(page.toString()).results().map(r -> r.group()).toList()).isEmpty();

    // the member's letter opens in the browser to read and print; any document downloads
    JsonNode letter = null;
    for (JsonNode document : page.get("documents")) {
      if (document.get("kind").asText().equals("Notice to the member")) {
        letter = document;
      }
    }
    assertThat(letter).as(page.get("documents").toString()).isNotNull();
    HttpResponse<String> view = http.get(letter.get("view").asText(), "Authorization", NURSE);
    assertThat(view.statusCode()).isEqualTo(200);
    assertThat(view.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(view.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline; filename=");
    assertThat(view.headers().firstValue("Content-Security-Policy")).hasValue("frame-ancestors 'none'");
    HttpResponse<String> download = http.get(letter.get("download").asText(), "Authorization", NURSE);
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
    assertThat(download.headers().firstValue("Content-Security-Policy")).hasValue("sandbox");
  }

  @Test
  void eachRoleReadsWhatItMay() throws Exception {
    String caseId = approvedCase();

    JsonNode coordinator = page(caseId, COORDINATOR);
    assertThat(lines(coordinator.get("patient"))).containsExactly("Patient: J.Q.D.", "Member id: M-100234");
    assertThat(coordinator.toString()).doesNotContain("Jane").doesNotContain("1948").doesNotContain("555-0142");

    JsonNode physician = page(caseId, PHYSICIAN);
    assertThat(lines(physician.get("patient"))).contains("Patient: Jane Q. Doe").noneMatch(l -> l.contains("telephone"));
    assertThat(physician.get("actions").get("uploadKinds")).as("physicians read documents only").isEmpty();

    createUserWithoutRole();
    assertThat(http.get("/api/cases/" + caseId + "/page", "Authorization", basic(NO_ROLE_USER, NO_ROLE_PASSWORD))
        .statusCode()).isEqualTo(403);
    assertThat(http.get("/api/cases/" + caseId + "/page").statusCode()).isEqualTo(401);
    assertThat(http.get("/api/cases/VA-2000-000001/page", "Authorization", NURSE).statusCode()).isEqualTo(404);
  }

  @Test
  void theSearchFindsACaseByNameMemberIdBirthDateOrNumber() throws Exception {
    String caseId = approvedCase();
    String number = caseId.substring(caseId.length() - 6).replaceFirst("^0+", "");

    for (String search : List.of("doe jane", "M-100234", "1948-03-14", "3/14/1948", caseId.toLowerCase(), number)) {
      HttpResponse<String> found = http.get("/api/cases?search=" + java.net.URLEncoder.encode(search,
          java.nio.charset.StandardCharsets.UTF_8), "Authorization", NURSE);
      assertThat(found.statusCode()).as(search + ": " + found.body()).isEqualTo(200);
      JsonNode matches = json.readTree(found.body()).get("matches");
      assertThat(matches.findValuesAsText("caseId")).as(search).contains(caseId);
      assertThat(matches.findValuesAsText("page")).as(search).contains("/cases/" + caseId);
    }
    JsonNode forNurse = json.readTree(http.get("/api/cases?search=" + caseId, "Authorization", NURSE).body());
    assertThat(forNurse.get("matches").get(0).get("patient").asText()).isEqualTo("Jane Q. Doe");
    JsonNode forCoordinator = json.readTree(http.get("/api/cases?search=" + caseId, "Authorization", COORDINATOR)
        .body());
    assertThat(forCoordinator.get("matches").get(0).get("patient").asText()).isEqualTo("J.Q.D.");
    assertThat(forCoordinator.toString()).doesNotContain("Jane").doesNotContain("born");
    // a name's wildcard characters are letters to look for, not patterns
    assertThat(json.readTree(http.get("/api/cases?search=%25", "Authorization", NURSE).body()).get("matches"))
        .isEmpty();

    HttpResponse<String> blank = http.get("/api/cases?search=%20", "Authorization", NURSE);
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(json.readTree(blank.body()).get("errors").get(0).get("field").asText()).isEqualTo("search");
    assertThat(http.get("/api/cases?search=" + "x".repeat(101), "Authorization", NURSE).statusCode()).isEqualTo(400);
    assertThat(http.get("/api/cases?search=Doe").statusCode()).isEqualTo(401);
  }

  @Test
  void thePageIsServedAtTheCasesOwnAddress() {
    Http anonymous = new Http(port);
    // the page holds no patient data (its data needs a sign-in), so its shell is served to anyone
    HttpResponse<String> page = anonymous.get("/cases/VA-2026-000042", "Accept", "text/html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("/case-page/case-page.js").contains("Find a case");
    assertThat(anonymous.get("/cases").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/case-page/case-page.js").body()).contains("/api/cases/").contains("textContent");
  }
}
