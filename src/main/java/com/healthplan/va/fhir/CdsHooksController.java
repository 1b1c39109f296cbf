package com.healthplan.va.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.healthplan.va.security.CaseRoles;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * CDS Hooks 2.0 for Coverage Requirements Discovery: the discovery document at {@code GET /cds-services} and the
 * {@code order-select} and {@code order-sign} services, for providers' systems (group {@code provider-systems},
 * HTTP Basic as the rest of the API). The draft orders are a FHIR Bundle, read by HAPI; the answer holds the card
 * and, per covered order, a {@code systemAction} updating the order with its coverage information.
 */
@RestController
@RequestMapping(path = "/cds-services", produces = MediaType.APPLICATION_JSON_VALUE)
class CdsHooksController {

  static final String ORDER_SELECT = "vertebral-augmentation-order-select";
  static final String ORDER_SIGN = "vertebral-augmentation-order-sign";
  private static final Map<String, String> HOOKS = Map.of(ORDER_SELECT, "order-select", ORDER_SIGN, "order-sign");
  /** What the service asks the ordering system to send along: the patient and the active coverage. */
  private static final Map<String, String> PREFETCH = Map.of("patient", "Patient/{{context.patientId}}",
      "coverage", "Coverage?patient={{context.patientId}}&status=active");

  private final CoverageRequirements requirements;
  private final FhirContext fhir;
  private final ObjectMapper json;
  private final IdentityService identity;
  private final long maxRequestBytes;

  CdsHooksController(CoverageRequirements requirements, FhirContext fhir, ObjectMapper json,
      IdentityService identity, @Value("${va.fhir.max-request-size}") DataSize maxRequestSize) {
    this.requirements = requirements;
    this.fhir = fhir;
    this.json = json;
    this.identity = identity;
    this.maxRequestBytes = maxRequestSize.toBytes();
  }

  @GetMapping
  Map<String, Object> discovery() {
    requireProviderSystem();
    List<Map<String, Object>> services = new ArrayList<>();
    services.add(service(ORDER_SELECT, "order-select", "Vertebral augmentation: is prior authorization needed?",
        "When vertebroplasty or kyphoplasty (CPT 22510-22515) is selected: prior authorization is needed, and the "
            + "documentation the plan's questionnaire (DTR) asks for."));
    services.add(service(ORDER_SIGN, "order-sign", "Vertebral augmentation: prior authorization before signing",
        "When an order for vertebroplasty or kyphoplasty (CPT 22510-22515) is signed: the coverage information to "
            + "keep with the order, and the documentation the plan's questionnaire (DTR) asks for."));
    return Map.of("services", services);
  }

  private static Map<String, Object> service(String id, String hook, String title, String description) {
    return Map.of("id", id, "hook", hook, "title", title, "description", description, "prefetch", PREFETCH);
  }

  @PostMapping(path = "/{service}", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ObjectNode> call(@PathVariable String service, HttpServletRequest http) throws IOException {
    requireProviderSystem();
    String hook = HOOKS.get(service);
    if (hook == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
    }
    JsonNode request = read(body(http));
    List<Map<String, String>> errors = new ArrayList<>();
    if (!hook.equals(request.path("hook").asText())) {
      errors.add(error("hook", "This service answers the '" + hook + "' hook."));
    }
    if (request.path("hookInstance").asText().isBlank()) {
      errors.add(error("hookInstance", "The call needs its hookInstance (a UUID of this call)."));
    }
    JsonNode context = request.path("context");
    if (context.path("patientId").asText().isBlank()) {
      errors.add(error("context.patientId", "The call needs the id of the patient the orders are for."));
    }
    Bundle draftOrders = null;
    if (!context.path("draftOrders").isObject()) {
      errors.add(error("context.draftOrders", "The call needs the draft orders as a FHIR Bundle."));
    } else {
      draftOrders = resource(context.get("draftOrders"), Bundle.class, "context.draftOrders", errors);
    }
    List<String> selections = new ArrayList<>();
    if ("order-select".equals(hook)) {
      if (!context.path("selections").isArray() || context.path("selections").isEmpty()) {
        errors.add(error("context.selections", "order-select needs the ids of the selected orders, such as "
            + "\"ServiceRequest/1\"."));
      } else {
        context.get("selections").forEach(selection -> selections.add(selection.asText()));
      }
    }
    Optional<Reference> coverage = coverage(request.path("prefetch").path("coverage"), errors);
    if (!errors.isEmpty()) {
      throw new BadHookRequest(errors);
    }

    List<CoverageRequirements.Covered> covered = requirements.covered(draftOrders, selections, coverage);
    ObjectNode answer = json.createObjectNode();
    ArrayNode cards = answer.putArray("cards");
    if (!covered.isEmpty()) {
      cards.add(json.valueToTree(requirements.card(covered)));
      ArrayNode actions = answer.putArray("systemActions");
      // without a Coverage (prefetched, or the order's insurance) CRD's coverage information cannot be given
      for (CoverageRequirements.Covered order : covered) {
        if (order.order() == null) {
          continue;
        }
        ObjectNode action = actions.addObject();
        action.put("type", "update");
        action.put("description", "Coverage information: prior authorization needed for CPT " + order.cpt()
            + ", with the clinical documentation of the plan's questionnaire.");
        action.set("resource", read(fhir.newJsonParser().encodeResourceToString(order.order())));
      }
    }
    return ResponseEntity.ok(answer);
  }

  /** The coverage the ordering system prefetched (a Coverage or a search Bundle of them), as a reference. */
  private Optional<Reference> coverage(JsonNode prefetched, List<Map<String, String>> errors) {
    if (!prefetched.isObject()) {
      return Optional.empty();
    }
    IBaseResource resource = resource(prefetched, IBaseResource.class, "prefetch.coverage", errors);
    Coverage coverage = null;
    if (resource instanceof Coverage single) {
      coverage = single;
    } else if (resource instanceof Bundle bundle) {
      coverage = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
          .filter(Coverage.class::isInstance).map(Coverage.class::cast).findFirst().orElse(null);
    }
    if (coverage == null || !coverage.getIdElement().hasIdPart()) {
      return Optional.empty();
    }
    return Optional.of(new Reference("Coverage/" + coverage.getIdElement().getIdPart()));
  }

  private <T extends IBaseResource> T resource(JsonNode node, Class<T> type, String field,
      List<Map<String, String>> errors) {
    try {
      IBaseResource resource = fhir.newJsonParser().parseResource(node.toString());
      if (type.isInstance(resource)) {
        return type.cast(resource);
      }
      errors.add(error(field, "This must be a FHIR " + type.getSimpleName() + ", not a "
          + fhir.getResourceType(resource) + "."));
    } catch (DataFormatException e) {
      errors.add(error(field, "This is not a FHIR R4 resource that can be read: "
          + String.valueOf(e.getMessage()).replaceAll("HAPI-[0-9]+: ", "")));
    }
    return null;
  }

  /** The body, read up to the FHIR API's limit: draft orders are a few resources, not documents. */
  private String body(HttpServletRequest http) throws IOException {
    if (http.getContentLengthLong() > maxRequestBytes) {
      throw new TooLarge();
    }
    byte[] body = http.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 1, maxRequestBytes) + 1);
    if (body.length > maxRequestBytes) {
      throw new TooLarge();
    }
    return new String(body, StandardCharsets.UTF_8);
  }

  private JsonNode read(String body) {
    try {
      JsonNode node = json.readTree(body);
      if (node == null || !node.isObject()) {
        throw new BadHookRequest(List.of(error("body", "The request body must be one JSON object.")));
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new BadHookRequest(List.of(error("body", "The request body is not JSON that can be read.")));
    }
  }

  private void requireProviderSystem() {
    var authentication = identity.getCurrentAuthentication();
    List<String> groups = authentication == null || authentication.getGroupIds() == null ? List.of()
        : authentication.getGroupIds();
    if (!groups.contains(CaseRoles.PROVIDER_SYSTEMS)) {
      throw new NotAProviderSystem();
    }
  }

  private static Map<String, String> error(String field, String message) {
    return Map.of("field", field, "message", message);
  }

  @ExceptionHandler(BadHookRequest.class)
  ProblemDetail badRequest(BadHookRequest e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "The CDS Hooks request cannot be answered; nothing was recorded.");
    problem.setTitle("Invalid CDS Hooks request");
    problem.setProperty("errors", e.errors);
    return problem;
  }

  @ExceptionHandler(TooLarge.class)
  ProblemDetail tooLarge() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, "The request is larger than "
        + maxRequestBytes / (1024 * 1024) + " MB, the most this service reads; send the draft orders only.");
    problem.setTitle("Request too large");
    return problem;
  }

  @ExceptionHandler(NotAProviderSystem.class)
  ProblemDetail forbidden() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
        "Your account may not use the coverage requirements service: it is for providers' systems.");
    problem.setTitle("Not allowed");
    return problem;
  }

  static final class BadHookRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Map<String, String>> errors;

    BadHookRequest(List<Map<String, String>> errors) {
      super("invalid CDS Hooks request", null, false, false);
      this.errors = errors;
    }
  }

  static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super("request too large", null, false, false);
    }
  }

  static final class NotAProviderSystem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotAProviderSystem() {
      super("not a provider system", null, false, false);
    }
  }
}
