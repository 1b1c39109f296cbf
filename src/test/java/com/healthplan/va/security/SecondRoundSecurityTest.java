package com.healthplan.va.security;

import static com.healthplan.va.support.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.healthplan.va.documents.SampleDocuments;
import com.healthplan.va.support.CaseTestSupport;
import com.healthplan.va.support.Http;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The second hostile review's findings (issue 21), each a row that the application refuses or answers as
 * delivered, through the real filter chain and engine: cross-site writes, browser credential prompts, comments,
 * caching of patient data, document downloads, the webapps' login answers.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecondRoundSecurityTest extends CaseTestSupport {

  static final String NURSE = basic("nurse1", "nurse1");
  static final String EVIL = "https://evil.example";

  String caseId;
  ProcessInstance instance;

  @BeforeEach
  void openACase() {
    instance = openCase(eligibleIntake());
    caseId = instance.getBusinessKey();
    if (identityService.createUserQuery().userId("nurse2").count() == 0) {
      User nurse2 = identityService.newUser("nurse2");
      nurse2.setPassword("nurse2");
      nurse2.setFirstName("Second");
      nurse2.setLastName("Nurse");
      identityService.saveUser(nurse2);
      identityService.createMembership("nurse2", CaseRoles.NURSES);
    }
  }

  // --- Found 4: cross-site writes -------------------------------------------------------------------------------

  /** Every state-changing path, asked by a browser on behalf of another site, with the caller's credentials. */
  @ParameterizedTest(name = "{0} {1} with {2}: {3}")
  @CsvSource({
      "POST, /api/cases/{case}/documents,          Origin,         https://evil.example, nurse1",
      "POST, /api/cases/{case}/documents,          Sec-Fetch-Site, cross-site,           nurse1",
      "POST, /api/cases/{case}/documents,          Sec-Fetch-Site, same-site,            nurse1",
      "POST, /api/cases/{case}/documents,          Origin,         null,                 nurse1",
      "POST, /engine-rest/deployment/create,       Origin,         https://evil.example, demo",
      "POST, /engine-rest/deployment/create,       Sec-Fetch-Site, cross-site,           demo",
      "POST, /api/cases,                           Origin,         https://evil.example, nurse1",
      "PUT,  /api/cases/{case}/procedure,          Origin,         https://evil.example, nurse1",
      "POST, /engine-rest/process-definition/key/vertebralAugmentationCase/start, Origin, http://127.0.0.1.evil.example, nurse1",
  })
  void aBrowsersCrossSiteWriteIsRefusedOnEveryPath(String method, String path, String header, String value,
      String user) throws Exception {
    long documentsBefore = documentCount();
    long deploymentsBefore = processEngine.getRepositoryService().createDeploymentQuery().count();
    long casesBefore = caseCount();
    String body = "{}";
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri(path.replace("{case}", caseId)))
        .header("Authorization", basic(user, user)).header(header, value)
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body)).build());

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
        .startsWith("application/problem+json"));
    assertThat(json.readTree(answer.body()).get("title").asText()).isEqualTo("Cross-site request refused");
    assertThat(documentCount()).isEqualTo(documentsBefore);
    assertThat(processEngine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
    assertThat(caseCount()).isEqualTo(casesBefore);
  }

  @Test
  void aCrossSiteUploadIsRefusedAndTheSameUploadFromTheApplicationItselfIsStored() throws Exception {
    long before = documentCount();
    HttpResponse<String> crossSite = upload(EVIL, "cross-site");
    assertThat(crossSite.statusCode()).isEqualTo(403);
    assertThat(documentCount()).isEqualTo(before);

    HttpResponse<String> sameOrigin = upload("http://127.0.0.1:" + port, "same-origin");
    assertThat(sameOrigin.statusCode()).isEqualTo(201);
    assertThat(documentCount()).isEqualTo(before + 1);
  }

  @Test
  void tasklistsOwnApiRefusesACrossSiteWriteEvenWithTheSessionAndItsToken() {
    Http browser = new Http(port);
    assertThat(browser.loginToWebapp("tasklist", "nurse1", "nurse1")).isEqualTo(200);
    Task task = openTask(instance, "UserTask_ReviewCriteria");

    HttpResponse<String> claim = browser.postJson("/camunda/api/engine/engine/default/task/" + task.getId()
        + "/claim", "{\"userId\":\"nurse1\"}", "X-XSRF-TOKEN", browser.xsrfToken(), "Origin", EVIL);

    assertThat(claim.statusCode()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
  }

  /** Found 4: no Basic prompt for a browser (a link inside a Tasklist form), still the challenge for machines. */
  @Test
  void browsersAreNeverAskedForBasicCredentialsMachineClientsAre() {
    HttpResponse<String> browser = http.get("/api/cases/" + caseId, "Sec-Fetch-Mode", "navigate",
        "Sec-Fetch-Site", "same-origin", "Sec-Fetch-Dest", "document");
    HttpResponse<String> machine = http.get("/api/cases/" + caseId);

    assertThat(browser.statusCode()).isEqualTo(401);
    assertThat(browser.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(machine.statusCode()).isEqualTo(401);
    assertThat(machine.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
        .startsWith("Basic"));
  }

  /** A document link inside a Tasklist form opens with the session the webapps already have. */
  @Test
  void theCaseApiAnswersTheWebappSessionOfTheBrowser() {
    Http browser = new Http(port);
    assertThat(browser.get("/api/cases/" + caseId, "Sec-Fetch-Mode", "navigate").statusCode()).isEqualTo(401);
    assertThat(browser.loginToWebapp("tasklist", "nurse1", "nurse1")).isEqualTo(200);

    HttpResponse<String> page = browser.get("/api/cases/" + caseId, "Sec-Fetch-Mode", "navigate");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(caseId);
  }

  // --- Found 6: caching; documents opened in a tab --------------------------------------------------------------

  @Test
  void answersWithPatientDataAreNeverCachedNorSniffed() throws Exception {
    for (String path : List.of("/api/cases/" + caseId, "/api/cases/" + caseId + "/documents",
        "/engine-rest/task", "/api/cases/VA-1999-000001")) {
      HttpResponse<String> answer = http.get(path, "Authorization", NURSE);
      assertThat(answer.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
      assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
    }
  }

  @Test
  void aDownloadedDocumentIsSandboxed() throws Exception {
    HttpResponse<String> stored = upload(null, "sandbox");
    String download = "/api/cases/" + caseId + "/documents/" + json.readTree(stored.body()).get("documentId").asText();

    HttpResponse<String> answer = http.get(download, "Authorization", NURSE);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValue("sandbox");
    assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(answer.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v)
        .startsWith("attachment"));
  }

  // --- Found 5: comments ----------------------------------------------------------------------------------------

  @Test
  void onlyItsAuthorChangesOrDeletesAComment() throws Exception {
    Task task = reviewTask();
    String commentId = comment(task, "nurse1", "Called the office; images on the way.");

    HttpResponse<String> rewritten = http.putJson("/engine-rest/task/" + task.getId() + "/comment",
        "{\"id\":\"" + commentId + "\",\"message\":\"Nothing to see.\"}", "Authorization", basic("nurse2", "nurse2"));
    HttpResponse<String> deleted = http.send("DELETE", "/engine-rest/task/" + task.getId() + "/comment/" + commentId,
        "Authorization", basic("nurse2", "nurse2"));
    HttpResponse<String> allDeleted = http.send("DELETE", "/engine-rest/task/" + task.getId() + "/comment",
        "Authorization", basic("nurse2", "nurse2"));
    Http tasklist = new Http(port);
    assertThat(tasklist.loginToWebapp("tasklist", "nurse2", "nurse2")).isEqualTo(200);
    HttpResponse<String> asTasklist = tasklist.send("DELETE", "/camunda/api/engine/engine/default/task/"
        + task.getId() + "/comment/" + commentId, "X-XSRF-TOKEN", tasklist.xsrfToken());

    assertThat(List.of(rewritten.statusCode(), deleted.statusCode(), allDeleted.statusCode(),
        asTasklist.statusCode())).containsOnly(403);
    assertThat(taskService.getTaskComment(task.getId(), commentId).getFullMessage())
        .isEqualTo("Called the office; images on the way.");

    HttpResponse<String> ownChange = http.putJson("/engine-rest/task/" + task.getId() + "/comment",
        "{\"id\":\"" + commentId + "\",\"message\":\"Called the office twice.\"}", "Authorization", NURSE);
    assertThat(ownChange.statusCode()).isEqualTo(204);
    assertThat(taskService.getTaskComment(task.getId(), commentId).getFullMessage())
        .isEqualTo("Called the office twice.");
  }

  @Test
  void anAdministratorDoesNotRewriteSomeoneElsesCommentEither() {
    Task task = reviewTask();
    String commentId = comment(task, "nurse1", "Spoke with Dr. Reyes.");
    HttpResponse<String> rewritten = http.putJson("/engine-rest/task/" + task.getId() + "/comment",
        "{\"id\":\"" + commentId + "\",\"message\":\"x\"}", "Authorization", basic("demo", "demo"));
    assertThat(rewritten.statusCode()).isEqualTo(403);
    assertThat(taskService.getTaskComment(task.getId(), commentId).getFullMessage()).isEqualTo("Spoke with Dr. Reyes.");
  }

  @Test
  void onlySomeoneWhoCanSeeTheTaskCommentsOnIt() {
    Task task = reviewTask();
    assertThat(http.get("/engine-rest/task/" + task.getId(), "Authorization", basic("md1", "md1")).statusCode())
        .as("a physician does not see a nurse's review").isIn(403, 404);

    HttpResponse<String> onTask = http.postJson("/engine-rest/task/" + task.getId() + "/comment/create",
        "{\"message\":\"Approve it.\"}", "Authorization", basic("md1", "md1"));
    HttpResponse<String> onCase = http.postJson("/engine-rest/process-instance/" + task.getProcessInstanceId()
        + "/comment", "{\"message\":\"Approve it.\"}", "Authorization", basic("md1", "md1"));

    // engine REST answers a refused comment 400 ("Not enough parameters"), Tasklist's API the same
    assertThat(onTask.statusCode()).isIn(400, 403);
    assertThat(onCase.statusCode()).as("engine REST has no such write; the Java API is checked below")
        .isIn(400, 403, 405);
    identityService.setAuthentication("md1", List.of(CaseRoles.MEDICAL_DIRECTORS));
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService.createComment(null,
          task.getProcessInstanceId(), "Approve it.")).isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(taskService.getTaskComments(task.getId())).isEmpty();
    assertThat(taskService.getProcessInstanceComments(task.getProcessInstanceId())).isEmpty();
  }

  @Test
  void aCommentTooLongIsRefusedNamingTheFieldAndItsTextIsNeverLogged(CapturedOutput output) throws Exception {
    Task task = reviewTask();
    String commentId = comment(task, "nurse1", "Short.");
    String text = "Patient Jane Q. Example said: " + "z".repeat(5036);

    HttpResponse<String> changed = http.putJson("/engine-rest/task/" + task.getId() + "/comment",
        "{\"id\":\"" + commentId + "\",\"message\":\"" + text + "\"}", "Authorization", NURSE);
    HttpResponse<String> created = http.postJson("/engine-rest/task/" + task.getId() + "/comment/create",
        "{\"message\":\"" + text + "\"}", "Authorization", basic("demo", "demo"));

    for (HttpResponse<String> answer : List.of(changed, created)) {
      assertThat(answer.statusCode()).isEqualTo(400);
      JsonNode body = json.readTree(answer.body());
      assertThat(body.get("errors").get(0).get("field").asText()).isEqualTo("message");
      assertThat(body.get("message").asText()).contains("at most 4000 characters");
    }
    assertThat(taskService.getTaskComment(task.getId(), commentId).getFullMessage()).isEqualTo("Short.");
    assertThat(taskService.getTaskComments(task.getId())).hasSize(1);
    assertThat(output.getAll()).doesNotContain("Jane Q. Example").doesNotContain("zzzzzzzzzz");
  }

  // --- Found 6: minimum necessary through the engine's own APIs ----------------------------------------------

  @ParameterizedTest(name = "{0} as {1}")
  @CsvSource({
      "/engine-rest/history/variable-instance?variableName=patientName, nurse1",
      "/engine-rest/history/variable-instance?variableName=patientName, md1",
      "/engine-rest/history/variable-instance?variableName=patientName, coord1",
      "/engine-rest/history/variable-instance?variableName=patientBirthDate, coord1",
      "/engine-rest/history/detail?variableName=patientName, nurse1",
      "/engine-rest/variable-instance?variableName=patientName, nurse1",
      "/engine-rest/variable-instance?variableName=memberId, coord1",
      "/camunda/api/engine/engine/default/history/variable-instance?variableName=patientName, coord1",
  })
  void nobodyButAnAdministratorReadsEveryPatientsDataInOneCall(String path, String user) throws Exception {
    HttpResponse<String> answer;
    if (path.startsWith("/camunda")) {
      Http cockpit = new Http(port);
      assertThat(cockpit.loginToWebapp("cockpit", user, user)).isEqualTo(200);
      answer = cockpit.get(path);
    } else {
      answer = http.get(path, "Authorization", basic(user, user));
    }
    assertThat(answer.statusCode()).as(answer.body()).isIn(403, 400);
    assertThat(answer.body()).doesNotContain("Jane Q. Doe");
  }

  @Test
  void aNurseReadsTheVariablesOfACaseSheWorksACoordinatorSeesInitialsOnly() throws Exception {
    Task task = openTask(instance, "UserTask_ReviewCriteria");
    String path = "/engine-rest/history/variable-instance?processInstanceId=" + task.getProcessInstanceId();

    JsonNode asNurse = json.readTree(http.get(path, "Authorization", NURSE).body());
    JsonNode asCoordinator = json.readTree(http.get(path, "Authorization", basic("coord1", "coord1")).body());
    JsonNode asAdministrator = json.readTree(http.get("/engine-rest/history/variable-instance?variableName="
        + "patientName", "Authorization", basic("demo", "demo")).body());

    assertThat(asNurse.findValuesAsText("name")).contains("patientName", "patientInitials");
    assertThat(asCoordinator.findValuesAsText("name")).contains("patientInitials")
        .doesNotContain("patientName", "patientBirthDate", "memberId");
    assertThat(asAdministrator.size()).isPositive();
    assertThat(http.get("/engine-rest/process-instance/" + task.getProcessInstanceId() + "/variables",
        "Authorization", basic("coord1", "coord1")).body()).doesNotContain("patientName");
  }

  // --- Found 7: the same answer for an unknown user and a wrong password ---------------------------------------

  @Test
  void theWebappLoginAnswersACorrectPasswordWithoutTheAppLikeAWrongOne() {
    createUserWithoutRole();
    assertThat(new Http(port).loginToWebapp("tasklist", NO_ROLE_USER, NO_ROLE_PASSWORD)).isEqualTo(401);
    assertThat(new Http(port).loginToWebapp("tasklist", NO_ROLE_USER, "wrong")).isEqualTo(401);
    assertThat(new Http(port).loginToWebapp("tasklist", "nobody-here", "wrong")).isEqualTo(401);
    assertThat(new Http(port).loginToWebapp("tasklist", "nurse1", "nurse1")).isEqualTo(200);
  }

  // --- helpers --------------------------------------------------------------------------------------------------

  private Task reviewTask() {
    return claimAs("nurse1", instance, "UserTask_ReviewCriteria");
  }

  private String comment(Task task, String user, String message) {
    HttpResponse<String> created = http.postJson("/engine-rest/task/" + task.getId() + "/comment/create",
        "{\"message\":\"" + message + "\"}", "Authorization", basic(user, user));
    assertThat(created.statusCode()).isEqualTo(200);
    try {
      return json.readTree(created.body()).get("id").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> upload(String origin, String name) throws Exception {
    String boundary = "----va" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nOTHER\r\n--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + ".pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(SampleDocuments.pdf());
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/cases/" + caseId + "/documents"))
        .header("Authorization", NURSE).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (origin != null) {
      request.header("Origin", origin);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private long documentCount() {
    Long count = jdbc.queryForObject("select count(*) from va_document", Long.class);
    return count == null ? 0 : count;
  }
}
