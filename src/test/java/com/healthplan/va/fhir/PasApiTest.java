package com.healthplan.va.fhir;

import static com.healthplan.va.support.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseLifecycle;
import com.healthplan.va.criteria.EligibilityCriterion;
import com.healthplan.va.support.CaseTestSupport;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The FHIR Prior Authorization API over HTTP with the real security chain, from the example bundles of docs/fhir
 * (a Claim with the PAS profile, a {@code collection} bundle, {@code fullUrl} and {@code Type/id} references, the
 * facts as a QuestionnaireResponse or as Condition and Observation entries). Every response the application gives,
 * answers and refusals alike, is validated against FHIR R4 by HAPI's validator.
 */
class PasApiTest extends CaseTestSupport {

  static final String PROVIDER = basic("provider1", "provider1");
  private static final FhirContext FHIR = FhirContext.forR4Cached();

  @Autowired private CaseLifecycle lifecycle;

  /** Each test's requests have an identifier of their own: the database is shared by the tests of a run. */
  private final String requestId = "REQ-" + UUID.randomUUID();

  /** An example bundle with its dates moved to today (request), 5 weeks ago (fracture), 4 weeks ago (imaging). */
  String example(String file) throws Exception {
    return Files.readString(Path.of("docs/fhir/" + file))
        .replace("2026-12-01T09:30:00-05:00", today() + "T09:30:00-05:00")
        .replace("2026-10-27", today().minusWeeks(5).toString())
        .replace("2026-11-03", today().minusWeeks(4).toString())
        .replace("REQ-2026-0001", requestId).replace("CLM-0001", "CLM-" + requestId);
  }

  String example() throws Exception {
    return example("pas-request-bundle.json");
  }

  /** The example, changed as a client's system would build it otherwise. */
  String example(Consumer<Bundle> change) throws Exception {
    Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, example());
    change.accept(bundle);
    return FHIR.newJsonParser().encodeResourceToString(bundle);
  }

  HttpResponse<String> submit(String body, String... auth) {
    String[] headers = auth.length == 0 ? new String[0] : new String[] {"Authorization", auth[0]};
    return http.post("/fhir/Claim/$submit", "application/fhir+json", body, headers);
  }

  /** Submits as the provider system; the answer must be a valid PAS response. */
  JsonNode submitted(String body) throws Exception {
    HttpResponse<String> response = submit(body, PROVIDER);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    R4Validation.assertValid(response.body());
    JsonNode claimResponse = json.readTree(response.body()).at("/entry/0/resource");
    assertOneSubmittedAdjudicationPerItem(claimResponse);
    assertThat(json.readTree(response.body()).at("/entry/0/resource/requestor/reference").asText())
        .startsWith("urn:uuid:");
    return claimResponse;
  }

  JsonNode inquired(String body) throws Exception {
    HttpResponse<String> response = http.post("/fhir/Claim/$inquire", "application/fhir+json", body,
        "Authorization", PROVIDER);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    R4Validation.assertValid(response.body());
    JsonNode claimResponse = json.readTree(response.body()).at("/entry/0/resource");
    assertThat(json.readTree(response.body()).at("/meta/profile/0").asText())
        .endsWith("profile-pas-inquiry-response-bundle");
    assertThat(claimResponse.at("/meta/profile/0").asText()).endsWith("profile-claiminquiryresponse");
    assertOneSubmittedAdjudicationPerItem(claimResponse);
    return claimResponse;
  }

  /** The refusal of a bundle: 400 with a valid OperationOutcome; nothing is created. */
  OperationOutcome refused(String body) {
    long before = caseCount();
    HttpResponse<String> response = submit(body, PROVIDER);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    R4Validation.assertValid(response.body());
    assertThat(caseCount()).isEqualTo(before);
    return FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
  }

  static List<String> expressions(OperationOutcome outcome) {
    return outcome.getIssue().stream().flatMap(i -> i.getExpression().stream()).map(e -> e.getValue()).toList();
  }

  ProcessInstance caseInstance(String caseId) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
        .processDefinitionKey("vertebralAugmentationCase").singleResult();
  }

  /** The X12 306 review action of an item of the ClaimResponse. */
  static String reviewAction(JsonNode claimResponse, int item) {
    for (JsonNode extension : claimResponse.at("/item/" + item + "/adjudication/0/extension")) {
      if (extension.get("url").asText().endsWith("extension-reviewAction")) {
        for (JsonNode part : extension.get("extension")) {
          if (part.get("url").asText().endsWith("extension-reviewActionCode")) {
            return part.at("/valueCodeableConcept/coding/0/code").asText();
          }
        }
      }
    }
    return null;
  }

  /** The reasons an item gives (the plan's pas-item-reason extensions), by code. */
  static List<String> reasons(JsonNode claimResponse, int item) {
    List<String> codes = new ArrayList<>();
    for (JsonNode reason : reasonExtensions(claimResponse, item)) {
      codes.add(part(reason, "reason").at("/valueCodeableConcept/coding/0/code").asText());
    }
    return codes;
  }

  static List<JsonNode> reasonExtensions(JsonNode claimResponse, int item) {
    List<JsonNode> reasons = new ArrayList<>();
    for (JsonNode extension : claimResponse.at("/item/" + item + "/extension")) {
      if (extension.get("url").asText().endsWith("/StructureDefinition/pas-item-reason")) {
        reasons.add(extension);
      }
    }
    return reasons;
  }

  static JsonNode part(JsonNode extension, String url) {
    for (JsonNode part : extension.get("extension")) {
      if (url.equals(part.get("url").asText())) {
        return part;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  /** PAS: each item has exactly one adjudication, 'submitted', with the review action. */
  static void assertOneSubmittedAdjudicationPerItem(JsonNode claimResponse) {
    for (JsonNode item : claimResponse.get("item")) {
      assertThat(item.get("adjudication")).hasSize(1);
      assertThat(item.at("/adjudication/0/category/coding/0/code").asText()).isEqualTo("submitted");
    }
    assertThat(claimResponse.get("status").asText()).isEqualTo("active");
  }

  static String notes(JsonNode claimResponse) {
    StringBuilder text = new StringBuilder();
    claimResponse.path("processNote").forEach(note -> text.append(note.get("text").asText()).append('\n'));
    return text.toString();
  }

  private Map<String, Object> refer(List<String> confirmed) {
    Map<String, Object> refer = new HashMap<>();
    refer.put("reviewDecision", "REFER_TO_MEDICAL_DIRECTOR");
    refer.put("reviewConfirmedCriteria", new ArrayList<>(confirmed));
    return refer;
  }

  private static List<String> allBut(String... codes) {
    return EligibilityCriterion.codes().stream().filter(c -> !List.of(codes).contains(c)).toList();
  }

  @Test
  void aValidBundleOpensOneCaseAndAResubmissionAnswersTheSameCase() throws Exception {
    long before = caseCount();
    JsonNode first = submitted(example());
    assertThat(first.get("outcome").asText()).isEqualTo("complete");
    assertThat(reviewAction(first, 0)).isEqualTo("A4");
    assertThat(reviewAction(first, 1)).isEqualTo("A4");
    String caseId = first.get("preAuthRef").asText();
    assertThat(caseId).matches("VA-\\d{4}-\\d{6}");
    assertThat(notes(first)).contains("in clinical review by a utilization-management nurse")
        .contains("The determination is due by");

    assertThat(submitted(example()).get("preAuthRef").asText()).isEqualTo(caseId);
    assertThat(caseCount()).isEqualTo(before + 1);
    CaseFile file = cases.get(caseId);
    assertThat(file.intake().fractureLevels()).containsExactly("T12", "L1");
    assertThat(file.intake().memberId()).isEqualTo("M-100234");
    assertThat(file.intake().pcpName()).isNotBlank();
  }

  @Test
  void aPendedRequestIsReadBackByInquireOnceANurseApprovesIt() throws Exception {
    String caseId = submitted(example()).get("preAuthRef").asText();
    Map<String, Object> review = new HashMap<>();
    review.put("reviewDecision", "APPROVE");
    review.put("reviewConfirmedCriteria", new ArrayList<>(EligibilityCriterion.codes()));
    completeAs("nurse1", caseInstance(caseId), "UserTask_ReviewCriteria", review);

    JsonNode response = inquired(example());
    assertThat(response.get("outcome").asText()).isEqualTo("complete");
    assertThat(response.get("preAuthRef").asText()).isEqualTo(caseId);
    assertThat(reviewAction(response, 0)).isEqualTo("A1");
    assertThat(reviewAction(response, 1)).isEqualTo("A1");
    assertThat(reasons(response, 0)).isEmpty();
    assertThat(response.at("/preAuthPeriod/end").asText())
        .isEqualTo(cases.get(caseId).determination().validThrough().toString());
    assertThat(notes(response)).contains("Approved: levels T12, L1");
    // an inquiry that matches no request of this system's: an inquiry bundle with no ClaimResponse
    HttpResponse<String> none = http.post("/fhir/Claim/$inquire", "application/fhir+json",
        example().replace(requestId, "REQ-NOT-SENT"), "Authorization", PROVIDER);
    assertThat(none.statusCode()).isEqualTo(200);
    R4Validation.assertValid(none.body());
    assertThat(json.readTree(none.body()).path("entry").isEmpty()).isTrue();
    // another account sees nothing of it
    assertThat(http.post("/fhir/Claim/$inquire", "application/fhir+json", example(), "Authorization",
        basic("demo", "demo")).statusCode()).isEqualTo(403);
  }

  @Test
  void aDenialNamesEachUnmetCriterionInTheDenialNoticesWordsAndTheLastDayToAppeal() throws Exception {
    String caseId = submitted(example()).get("preAuthRef").asText();
    ProcessInstance instance = caseInstance(caseId);
    completeAs("nurse1", instance, "UserTask_ReviewCriteria",
        refer(allBut("NOT_REFRACTORY_TO_CONSERVATIVE_CARE", "PAIN_CRITERION_NOT_MET")));
    Map<String, Object> deny = new HashMap<>();
    deny.put("medicalDirectorDecision", "DENY");
    deny.put("reviewConfirmedCriteria",
        new ArrayList<>(allBut("NOT_REFRACTORY_TO_CONSERVATIVE_CARE", "PAIN_CRITERION_NOT_MET")));
    deny.put("medicalDirectorRationale", "Six weeks of bracing and NSAIDs is short of a trial of conservative care.");
    completeAs("md1", instance, "UserTask_ReviewAsMedicalDirector", deny);
    runAsyncJobs(instance);

    JsonNode response = inquired(example());
    assertThat(response.get("outcome").asText()).isEqualTo("complete");
    assertThat(response.get("disposition").asText()).isEqualTo("Not approved");
    assertThat(response.has("preAuthPeriod")).isFalse();
    for (int item = 0; item < 2; item++) {
      assertThat(reviewAction(response, item)).isEqualTo("A3");
      assertThat(reasons(response, item)).containsExactlyInAnyOrder("NOT_REFRACTORY_TO_CONSERVATIVE_CARE",
          "PAIN_CRITERION_NOT_MET", "denied-by-physician");
    }
    CaseFile file = cases.get(caseId);
    assertThat(response.toString()).doesNotContain("TODO");
    assertThat(notes(response)).contains("Denied by a physician reviewer")
        .contains("PAIN_CRITERION_NOT_MET: ").contains("Six weeks of bracing")
        .contains("may be appealed until " + java.time.format.DateTimeFormatter.ofPattern("MMMM d, yyyy",
            java.util.Locale.US).format(lifecycle.lastDayToAppeal(file.determination())));
  }

  @Test
  void aPartialApprovalCertifiesTheApprovedLevelsAndNamesTheReasonsForTheRest() throws Exception {
    String caseId = submitted(example()).get("preAuthRef").asText();
    ProcessInstance instance = caseInstance(caseId);
    completeAs("nurse1", instance, "UserTask_ReviewCriteria", refer(allBut("FRACTURE_NOT_CONFIRMED_BY_IMAGING")));
    Map<String, Object> approve = new HashMap<>();
    approve.put("medicalDirectorDecision", "APPROVE");
    approve.put("reviewConfirmedCriteria", new ArrayList<>(allBut("FRACTURE_NOT_CONFIRMED_BY_IMAGING")));
    approve.put("medicalDirectorRationale", "T12 is acute on MRI; L1 shows no edema.");
    approve.put("approvedLevels", new ArrayList<>(List.of("T12")));
    completeAs("md1", instance, "UserTask_ReviewAsMedicalDirector", approve);
    runAsyncJobs(instance);

    JsonNode response = inquired(example());
    assertThat(response.get("outcome").asText()).isEqualTo("complete");
    assertThat(response.get("disposition").asText()).isEqualTo("Approved in part");
    assertThat(reviewAction(response, 0)).isEqualTo("A1");
    assertThat(reviewAction(response, 1)).isEqualTo("A3");
    assertThat(reasons(response, 0)).isEmpty();
    assertThat(reasons(response, 1)).containsExactly("level-not-approved");
    assertThat(part(reasonExtensions(response, 1).get(0), "reason").at("/valueCodeableConcept/text").asText())
        .contains("L1 shows no edema");
    assertThat(response.at("/item/0/extension/0/url").asText()).endsWith("extension-itemPreAuthPeriod");
    assertThat(response.at("/item/1/extension").toString()).doesNotContain("extension-itemPreAuthPeriod");
    assertThat(notes(response)).contains("Approved in part: levels T12").contains("L1 shows no edema");
  }

  @Test
  void aLevelOutsideThePolicysRangeIsPendedForAPhysicianWithThePrescreensReason() throws Exception {
    // T3 is a vertebra, so the request is one the plan must decide; only a physician may deny it
    JsonNode response = submitted(example(bundle -> ((Claim) bundle.getEntryFirstRep().getResource())
        .getItem().get(0).setBodySite(new CodeableConcept().setText("T3"))));
    assertThat(response.get("outcome").asText()).isEqualTo("complete");
    assertThat(reviewAction(response, 0)).isEqualTo("A4");
    assertThat(reasons(response, 0)).contains("LEVEL_OUTSIDE_T5_L5");
    assertThat(part(reasonExtensions(response, 0).get(0), "kind").at("/valueCoding/code").asText())
        .isEqualTo("prescreen-finding");
    assertThat(notes(response)).contains("The prescreen found").contains("LEVEL_OUTSIDE_T5_L5: ")
        .contains("T5").contains("L5");
  }

  @Test
  void theFactsMaySubmitAsConditionAndObservationEntries() throws Exception {
    JsonNode response = submitted(example("pas-request-bundle-observations.json"));
    CaseFile file = cases.get(response.get("preAuthRef").asText());
    assertThat(file.intake().fractureDate()).isEqualTo(today().minusWeeks(5));
    assertThat(file.intake().imagingDate()).isEqualTo(today().minusWeeks(4));
    assertThat(file.intake().painScore()).isEqualTo(8);
    assertThat(file.intake().interventionsAttempted()).isEqualTo("NSAIDs for 6 weeks, thoracolumbar brace");
    assertThat(file.prescreen().unmetCriteria()).isEmpty();
    R4Validation.assertValid(example("pas-request-bundle-observations.json"));

    // an observation the intake's rules refuse is named by its element
    OperationOutcome outcome = refused(example("pas-request-bundle-observations.json")
        .replace("\"valueInteger\": 8", "\"valueInteger\": 11").replace(requestId, requestId + "-2"));
    assertThat(expressions(outcome))
        .contains("Bundle.entry.resource.ofType(Observation).where(code.coding.code='painScore').value");
  }

  @Test
  void theBundleMayComeAsTheOperationsResourceParameter() throws Exception {
    Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, example());
    org.hl7.fhir.r4.model.Parameters parameters = new org.hl7.fhir.r4.model.Parameters();
    parameters.addParameter().setName("resource").setResource(bundle);
    JsonNode response = submitted(FHIR.newJsonParser().encodeResourceToString(parameters));
    assertThat(response.get("preAuthRef").asText()).matches("VA-\\d{4}-\\d{6}");
  }

  @Test
  void xmlIsAnsweredInXml() throws Exception {
    Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, example());
    HttpResponse<String> response = http.post("/fhir/Claim/$submit", "application/fhir+xml",
        FHIR.newXmlParser().encodeResourceToString(bundle), "Authorization", PROVIDER, "Accept",
        "application/fhir+xml");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).startsWith("<Bundle");
    R4Validation.assertValid(response.body());
    ClaimResponse claimResponse = (ClaimResponse) FHIR.newXmlParser().parseResource(Bundle.class, response.body())
        .getEntryFirstRep().getResource();
    assertThat(claimResponse.getOutcome()).isEqualTo(ClaimResponse.RemittanceOutcome.COMPLETE);
  }

  @Test
  void badBundlesAreOperationOutcomesNamingTheElementAndNothingIsCreated() throws Exception {
    assertThat(expressions(refused(example().replace("\"valueInteger\": 8", "\"valueInteger\": 11")
        .replace("\"code\": \"22515\"", "\"code\": \"99213\""))))
        .contains("QuestionnaireResponse.repeat(item).where(linkId='painScore').answer.value",
            "Claim.item[1].productOrService");
    // no Claim first
    assertThat(expressions(refused(example(bundle -> bundle.getEntry().remove(0)))))
        .contains("Bundle.entry[0].resource");
    // a claim for payment, not a prior authorization request
    assertThat(expressions(refused(example(bundle -> ((Claim) bundle.getEntryFirstRep().getResource())
        .setUse(Claim.Use.CLAIM))))).contains("Claim.use");
    // a level that is no vertebra
    OperationOutcome l6 = refused(example(bundle -> ((Claim) bundle.getEntryFirstRep().getResource())
        .getItem().get(1).setBodySite(new CodeableConcept().setText("L6"))));
    assertThat(expressions(l6)).contains("Claim.item[1].bodySite");
    assertThat(l6.getIssueFirstRep().getDiagnostics()).contains("L6").contains("not a vertebral level");
    // a reference to no entry
    OperationOutcome dangling = refused(example(bundle -> ((Claim) bundle.getEntryFirstRep().getResource())
        .getPatient().setReference("urn:uuid:00000000-0000-0000-0000-000000000000")));
    assertThat(expressions(dangling)).contains("Claim.patient");
    // a patient without a member id, and a missing birth date: both named, in words
    OperationOutcome member = refused(example(bundle -> {
      Patient patient = (Patient) bundle.getEntry().get(1).getResource();
      patient.setBirthDate(null);
    }));
    assertThat(member.getIssue()).anySatisfy(issue -> assertThat(issue.getExpression().get(0).getValue())
        .isEqualTo("Claim.patient.resolve().birthDate"));
    // not a bundle at all
    assertThat(submit("{\"resourceType\": \"Bundle\", \"type\": \"collection\"", PROVIDER).statusCode())
        .isEqualTo(400);
    assertThat(expressions(refused("{\"resourceType\": \"Patient\"}"))).contains("Bundle");
  }

  @Test
  void aTenMegabyteBundleIsRefusedBeforeItIsRead() throws Exception {
    String padding = "x".repeat(10 * 1024 * 1024);
    String body = example(bundle -> ((Claim) bundle.getEntryFirstRep().getResource()).getExtension()
        .add(new Extension("https://healthplan.example/fhir/padding", new org.hl7.fhir.r4.model.StringType(padding))));
    long before = caseCount();
    HttpResponse<String> response = submit(body, PROVIDER);
    assertThat(response.statusCode()).isEqualTo(413);
    R4Validation.assertValid(response.body());
    assertThat(response.body()).contains("OperationOutcome").contains("larger than 5 MB");
    assertThat(caseCount()).isEqualTo(before);
  }

  @Test
  void onlyAuthenticatedProviderSystemsMaySubmit() throws Exception {
    assertThat(submit(example()).statusCode()).isEqualTo(401);
    HttpResponse<String> nurse = submit(example(), basic("nurse1", "nurse1"));
    assertThat(nurse.statusCode()).isEqualTo(403);
    R4Validation.assertValid(nurse.body());
  }

  @Test
  void theQuestionnaireStatesThePolicyNumbersAndMetadataAnswers() throws Exception {
    HttpResponse<String> questionnaire = http.get("/fhir/Questionnaire/vertebral-augmentation-criteria",
        "Authorization", PROVIDER);
    assertThat(questionnaire.statusCode()).isEqualTo(200);
    R4Validation.assertValid(questionnaire.body());
    R4Validation.assertValid(example());
    assertThat(questionnaire.body()).contains("\"linkId\": \"painScore\"").contains("4 months")
        .contains("\"code\": \"72514-3\"");
    HttpResponse<String> metadata = http.get("/fhir/metadata", "Authorization", PROVIDER);
    assertThat(metadata.body()).contains("CapabilityStatement").contains("$submit").contains("$inquire");
    R4Validation.assertValid(metadata.body());
  }

}
