package com.healthplan.va.fhir;

import static com.healthplan.va.support.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.healthplan.va.support.CaseTestSupport;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The FHIR Prior Authorization API over HTTP with the real security chain, from the example bundle of docs/fhir. */
class PasApiTest extends CaseTestSupport {

  static final String PROVIDER = basic("provider1", "provider1");

  /** The example bundle with its dates moved to today (request), 5 weeks ago (fracture), 4 weeks ago (imaging). */
  /** Each test's requests have an identifier of their own: the database is shared by the tests of a run. */
  private final String requestId = "REQ-" + java.util.UUID.randomUUID();

  String example() throws Exception {
    return Files.readString(Path.of("docs/fhir/pas-request-bundle.json"))
        .replace("2026-12-01T09:30:00-05:00", today() + "T09:30:00-05:00")
        .replace("2026-10-27", today().minusWeeks(5).toString())
        .replace("2026-11-03", today().minusWeeks(4).toString())
        .replace("REQ-2026-0001", requestId).replace("CLM-0001", "CLM-" + requestId);
  }

  HttpResponse<String> submit(String body, String... auth) {
    String[] headers = auth.length == 0 ? new String[0] : new String[] {"Authorization", auth[0]};
    return http.postJson("/fhir/Claim/$submit", body, headers);
  }

  @Test
  void aValidBundleOpensOneCaseAndAResubmissionAnswersTheSameCase() throws Exception {
    long before = caseCount();
    HttpResponse<String> first = submit(example(), PROVIDER);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(first.body()).contains("\"resourceType\": \"ClaimResponse\"").contains("\"outcome\": \"queued\"")
        .contains("\"code\": \"A4\"");
    String caseId = json.readTree(first.body()).at("/entry/0/resource/preAuthRef").asText();
    assertThat(caseId).matches("VA-\\d{4}-\\d{6}");

    HttpResponse<String> again = submit(example(), PROVIDER);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json.readTree(again.body()).at("/entry/0/resource/preAuthRef").asText()).isEqualTo(caseId);
    assertThat(caseCount()).isEqualTo(before + 1);
  }

  @Test
  void inquireReturnsTheDecisionOnceANurseApproves() throws Exception {
    String caseId = json.readTree(submit(example(), PROVIDER).body()).at("/entry/0/resource/preAuthRef").asText();
    var instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
        .processDefinitionKey("vertebralAugmentationCase").singleResult();
    java.util.Map<String, Object> review = new java.util.HashMap<>();
    review.put("reviewDecision", "APPROVE");
    review.put("reviewConfirmedCriteria",
        new java.util.ArrayList<>(com.healthplan.va.criteria.EligibilityCriterion.codes()));
    completeAs("nurse1", instance, "UserTask_ReviewCriteria", review);

    String inquiry = example().replace("\"use\": \"preauthorization\"", "\"use\": \"preauthorization\"");
    HttpResponse<String> answer = http.postJson("/fhir/Claim/$inquire", inquiry, "Authorization", PROVIDER);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    var response = json.readTree(answer.body()).at("/entry/0/resource");
    assertThat(response.get("outcome").asText()).isEqualTo("complete");
    assertThat(answer.body()).contains("\"code\": \"A1\"");
    assertThat(response.at("/preAuthPeriod/end").asText())
        .isEqualTo(cases.get(caseId).determination().validThrough().toString());
    // another provider system sees nothing of it
    assertThat(http.postJson("/fhir/Claim/$inquire", inquiry, "Authorization", basic("demo", "demo")).statusCode())
        .isEqualTo(403);
  }

  @Test
  void badInputIsAnOperationOutcomeNamingTheElementAndNothingIsCreated() throws Exception {
    long before = caseCount();
    HttpResponse<String> response = submit(example().replace("\"valueInteger\": 8", "\"valueInteger\": 11")
        .replace("\"code\": \"22515\"", "\"code\": \"99213\""), PROVIDER);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("OperationOutcome")
        .contains("QuestionnaireResponse.repeat(item).where(linkId='painScore').answer.value")
        .contains("Claim.item[1].productOrService");
    assertThat(submit("{\"resourceType\": \"Bundle\", \"type\": \"collection\"", PROVIDER).statusCode())
        .isEqualTo(400);
    assertThat(caseCount()).isEqualTo(before);
  }

  @Test
  void onlyAuthenticatedProviderSystemsMaySubmit() throws Exception {
    assertThat(submit(example()).statusCode()).isEqualTo(401);
    assertThat(submit(example(), basic("nurse1", "nurse1")).statusCode()).isEqualTo(403);
  }

  @Test
  void theQuestionnaireStatesThePolicyNumbersAndMetadataAnswers() throws Exception {
    HttpResponse<String> questionnaire = http.get("/fhir/Questionnaire/vertebral-augmentation-criteria",
        "Authorization", PROVIDER);
    assertThat(questionnaire.statusCode()).isEqualTo(200);
    assertThat(questionnaire.body()).contains("\"linkId\": \"painScore\"").contains("4 months");
    assertThat(http.get("/fhir/metadata", "Authorization", PROVIDER).body()).contains("CapabilityStatement");
  }
}
