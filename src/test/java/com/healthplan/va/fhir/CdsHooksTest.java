package com.healthplan.va.fhir;

import static com.healthplan.va.support.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.healthplan.va.support.CaseTestSupport;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Coverage Requirements Discovery over CDS Hooks 2.0 with the real security chain: the discovery document, and
 * order-select and order-sign calls as an ordering system makes them (draft orders as a FHIR Bundle, the coverage
 * prefetched). The order the answer updates is validated against FHIR R4.
 */
class CdsHooksTest extends CaseTestSupport {

  private static final String PROVIDER = basic("provider1", "provider1");

  private static final String KYPHOPLASTY = """
      {"resourceType": "ServiceRequest", "id": "kypho-1", "status": "draft", "intent": "order",
       "code": {"coding": [{"system": "http://www.ama-assn.org/go/cpt", "code": "22513",
         "display": "Percutaneous vertebral augmentation, kyphoplasty, thoracic"}]},
       "subject": {"reference": "Patient/pat-1"}, "bodySite": [{"text": "T12"}]}""";
  private static final String MRI = """
      {"resourceType": "ServiceRequest", "id": "mri-1", "status": "draft", "intent": "order",
       "code": {"coding": [{"system": "http://www.ama-assn.org/go/cpt", "code": "72148"}]},
       "subject": {"reference": "Patient/pat-1"}}""";

  private String call(String hook, List<String> orders, List<String> selections, boolean prefetchCoverage)
      throws Exception {
    ObjectNode request = json.createObjectNode();
    request.put("hook", hook);
    request.put("hookInstance", UUID.randomUUID().toString());
    ObjectNode context = request.putObject("context");
    context.put("userId", "Practitioner/ordering-1");
    context.put("patientId", "pat-1");
    ObjectNode bundle = context.putObject("draftOrders");
    bundle.put("resourceType", "Bundle");
    bundle.put("type", "collection");
    for (String order : orders) {
      bundle.withArray("entry").addObject().set("resource", json.readTree(order));
    }
    if (selections != null) {
      selections.forEach(context.withArray("selections")::add);
    }
    if (prefetchCoverage) {
      request.putObject("prefetch").set("coverage", json.readTree("""
          {"resourceType": "Bundle", "type": "searchset", "entry": [{"resource": {"resourceType": "Coverage",
           "id": "cov-1", "status": "active", "subscriberId": "M-100234",
           "beneficiary": {"reference": "Patient/pat-1"}, "payor": [{"display": "Health plan"}]}}]}"""));
    }
    return request.toString();
  }

  private HttpResponse<String> post(String service, String body, String auth) {
    return http.postJson("/cds-services/" + service, body, "Authorization", auth);
  }

  @Test
  void discoveryListsTheOrderSelectAndOrderSignServicesToProviderSystemsOnly() throws Exception {
    HttpResponse<String> discovery = http.get("/cds-services", "Authorization", PROVIDER);
    assertThat(discovery.statusCode()).isEqualTo(200);
    List<String> hooks = new ArrayList<>();
    for (JsonNode service : json.readTree(discovery.body()).get("services")) {
      hooks.add(service.get("hook").asText() + " " + service.get("id").asText());
      assertThat(service.get("description").asText()).contains("CPT 22510-22515");
      assertThat(service.at("/prefetch/coverage").asText()).startsWith("Coverage?patient={{context.patientId}}");
    }
    assertThat(hooks).containsExactlyInAnyOrder("order-select vertebral-augmentation-order-select",
        "order-sign vertebral-augmentation-order-sign");
    assertThat(discovery.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(http.get("/cds-services").statusCode()).isEqualTo(401);
    assertThat(http.get("/cds-services", "Authorization", basic("nurse1", "nurse1")).statusCode()).isEqualTo(403);
    assertThat(post("vertebral-augmentation-order-sign", call("order-sign", List.of(KYPHOPLASTY), null, false),
        basic("coord1", "coord1")).statusCode()).isEqualTo(403);
  }

  @Test
  void signingAKyphoplastyOrderSaysPriorAuthorizationIsNeededAndWhatTheQuestionnaireAsks() throws Exception {
    HttpResponse<String> response = post("vertebral-augmentation-order-sign",
        call("order-sign", List.of(KYPHOPLASTY, MRI), null, true), PROVIDER);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode answer = json.readTree(response.body());

    assertThat(answer.get("cards")).hasSize(1);
    JsonNode card = answer.at("/cards/0");
    assertThat(card.get("summary").asText()).isEqualTo("Prior authorization needed: kyphoplasty").hasSizeLessThan(140);
    assertThat(card.get("indicator").asText()).isEqualTo("info");
    assertThat(card.at("/source/label").asText()).isNotBlank();
    assertThat(card.at("/source/topic/code").asText()).isEqualTo("coverage-info");
    assertThat(card.get("detail").asText()).contains("4 months").contains("T5").contains("L5")
        .contains("Claim/$submit");
    assertThat(card.at("/links/0/url").asText()).endsWith("/fhir/Questionnaire/vertebral-augmentation-criteria");
    assertThat(card.at("/links/0/type").asText()).isEqualTo("absolute");

    // the kyphoplasty order only, updated with its coverage information
    assertThat(answer.get("systemActions")).hasSize(1);
    JsonNode action = answer.at("/systemActions/0");
    assertThat(action.get("type").asText()).isEqualTo("update");
    JsonNode order = action.get("resource");
    assertThat(order.get("id").asText()).isEqualTo("kypho-1");
    R4Validation.assertValid(order.toString());
    JsonNode information = order.at("/extension/0");
    assertThat(information.get("url").asText())
        .isEqualTo("http://hl7.org/fhir/us/davinci-crd/StructureDefinition/ext-coverage-information");
    java.util.Map<String, String> parts = new java.util.HashMap<>();
    for (JsonNode part : information.get("extension")) {
      JsonNode value = part.has("valueCode") ? part.get("valueCode") : part.has("valueCanonical")
          ? part.get("valueCanonical") : part.has("valueReference") ? part.at("/valueReference/reference")
          : part.has("valueDate") ? part.get("valueDate") : part.has("valueCodeableConcept")
          ? part.at("/valueCodeableConcept/text") : part.get("valueString");
      parts.put(part.get("url").asText(), value.asText());
    }
    assertThat(parts).containsEntry("coverage", "Coverage/cov-1").containsEntry("covered", "covered")
        .containsEntry("pa-needed", "auth-needed").containsEntry("doc-needed", "clinical")
        .containsEntry("doc-purpose", "withpa").containsEntry("date", calendar.today().toString())
        .containsKey("coverage-assertion-id").containsKey("reason");
    assertThat(parts.get("questionnaire"))
        .startsWith("https://healthplan.example/fhir/Questionnaire/vertebral-augmentation-criteria|");
  }

  @Test
  void theExampleOfTheDocsIsAnswered() throws Exception {
    HttpResponse<String> response = post("vertebral-augmentation-order-sign",
        java.nio.file.Files.readString(java.nio.file.Path.of("docs/fhir/cds-order-sign.json")), PROVIDER);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode answer = json.readTree(response.body());
    assertThat(answer.at("/cards/0/summary").asText()).isEqualTo("Prior authorization needed: kyphoplasty");
    R4Validation.assertValid(answer.at("/systemActions/0/resource").toString());
  }

  @Test
  void anOrderOutsideThePolicyGetsNoCardAndOrderSelectReadsTheSelectionOnly() throws Exception {
    HttpResponse<String> mriOnly = post("vertebral-augmentation-order-select",
        call("order-select", List.of(KYPHOPLASTY, MRI), List.of("ServiceRequest/mri-1"), false), PROVIDER);
    assertThat(mriOnly.statusCode()).as(mriOnly.body()).isEqualTo(200);
    assertThat(json.readTree(mriOnly.body()).get("cards")).isEmpty();

    HttpResponse<String> kyphoplasty = post("vertebral-augmentation-order-select",
        call("order-select", List.of(KYPHOPLASTY, MRI), List.of("ServiceRequest/kypho-1"), false), PROVIDER);
    JsonNode answer = json.readTree(kyphoplasty.body());
    assertThat(answer.get("cards")).hasSize(1);
    // without a Coverage (not prefetched, none on the order) there is the card but no coverage information
    assertThat(answer.get("systemActions")).isEmpty();
  }

  @Test
  void aBadCallIsRefusedNamingEachField() throws Exception {
    String wrong = call("order-select", List.of(KYPHOPLASTY), null, false).replace("\"hookInstance\"", "\"x\"");
    HttpResponse<String> response = post("vertebral-augmentation-order-sign", wrong, PROVIDER);
    assertThat(response.statusCode()).isEqualTo(400);
    List<String> fields = new ArrayList<>();
    json.readTree(response.body()).get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertThat(fields).containsExactlyInAnyOrder("hook", "hookInstance");

    String notABundle = call("order-sign", List.of(KYPHOPLASTY), null, false)
        .replace("\"resourceType\":\"Bundle\"", "\"resourceType\":\"Patient\"");
    HttpResponse<String> patient = post("vertebral-augmentation-order-sign", notABundle, PROVIDER);
    assertThat(patient.statusCode()).isEqualTo(400);
    assertThat(patient.body()).contains("context.draftOrders");

    assertThat(post("vertebral-augmentation-order-sign", "[1, 2", PROVIDER).statusCode()).isEqualTo(400);
    assertThat(post("no-such-service", call("order-sign", List.of(KYPHOPLASTY), null, false), PROVIDER)
        .statusCode()).isEqualTo(404);
  }
}
