package com.healthplan.va.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import com.healthplan.va.casefile.CaseConflictException;
import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.security.CaseRoles;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * {@code POST /fhir/Claim/$submit} and {@code POST /fhir/Claim/$inquire} of the Da Vinci PAS guide, for providers'
 * systems only, each of which sees its own requests only. The body is a PAS request bundle (JSON or XML), parsed by
 * HAPI; anything it cannot read or the intake refuses is answered with a 400 OperationOutcome naming each element,
 * before anything is written.
 */
@Component
class ClaimOperations {

  private static final List<String> SUBMITTERS = List.of(CaseRoles.PROVIDER_SYSTEMS);

  private final FhirContext context;
  private final FhirCaller caller;
  private final PasSubmissions submissions;
  private final PasSubmissionRepository records;
  private final CaseRepository cases;
  private final PasResponses responses;

  ClaimOperations(FhirContext context, FhirCaller caller, PasSubmissions submissions,
      PasSubmissionRepository records, CaseRepository cases, PasResponses responses) {
    this.context = context;
    this.caller = caller;
    this.submissions = submissions;
    this.records = records;
    this.cases = cases;
    this.responses = responses;
  }

  /** Opens a case for the request (or finds the one a resubmission opened) and answers its PAS response. */
  @Operation(name = "$submit", type = Claim.class, manualRequest = true)
  public Bundle submit(HttpServletRequest request) {
    String submitter = caller.requireAnyOf(SUBMITTERS);
    Bundle bundle = parse(request);
    FhirIssues issues = new FhirIssues();
    PasRequest pas = PasRequestReader.read(bundle, issues);
    try {
      PasSubmissions.Submitted submitted = submissions.submit(submitter, pas, issues);
      return responses.response(cases.get(submitted.submission().caseId()), submitted.submission(), false);
    } catch (CaseConflictException e) {
      throw new ResourceVersionConflictException(e.getMessage());
    } catch (AuthorizationException e) {
      throw new ForbiddenOperationException("Your account may not open requests.");
    }
  }

  /**
   * The status and decision of a request this system submitted, matched by an identifier of the inquiry's Claim (the
   * submitted bundle's or Claim's identifier, or the authorization number) and the member id of its patient.
   */
  @Operation(name = "$inquire", type = Claim.class, manualRequest = true, idempotent = false)
  public Bundle inquire(HttpServletRequest request) {
    String submitter = caller.requireAnyOf(SUBMITTERS);
    Bundle bundle = parse(request);
    FhirIssues issues = new FhirIssues();
    Claim claim = PasRequestReader.claimOf(bundle, issues);
    List<String> memberIds = claim == null ? List.of() : memberIds(bundle, claim);
    if (claim != null && claim.getIdentifier().stream().noneMatch(Identifier::hasValue)) {
      issues.required("Claim.identifier", "The inquiry's Claim needs the identifier of the request asked about: the "
          + "submitted bundle's or Claim's identifier, or the authorization number (preAuthRef) of the response.");
    }
    if (claim != null && memberIds.isEmpty()) {
      issues.required("Claim.patient", "The inquiry needs the member: a Patient entry with the member identifier, "
          + "or the Coverage with its subscriberId.");
    }
    issues.throwIfAny();
    for (Identifier identifier : claim.getIdentifier()) {
      if (!identifier.hasValue()) {
        continue;
      }
      String system = identifier.hasSystem() ? identifier.getSystem() : "";
      for (PasSubmission submission : records.findNamed(submitter, system, identifier.getValue())) {
        CaseFile file = cases.get(submission.caseId());
        if (memberIds.contains(file.intake().memberId())) {
          return responses.response(file, submission, true);
        }
      }
    }
    // PAS's $inquire answers zero or more ClaimResponses: none is an empty inquiry-response bundle, not an error
    return responses.noneFound();
  }

  private static List<String> memberIds(Bundle bundle, Claim claim) {
    List<String> ids = new ArrayList<>();
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      Resource resource = entry.getResource();
      if (resource instanceof Patient patient) {
        patient.getIdentifier().stream().filter(Identifier::hasValue).forEach(id -> ids.add(id.getValue()));
      } else if (resource instanceof Coverage coverage && coverage.hasSubscriberId()) {
        ids.add(coverage.getSubscriberId());
      }
    }
    Reference patient = claim.getPatient();
    if (patient.hasIdentifier() && patient.getIdentifier().hasValue()) {
      ids.add(patient.getIdentifier().getValue());
    }
    return ids;
  }

  /** The request bundle, parsed by HAPI (JSON, or XML when the request says so); 400 when it is none. */
  private Bundle parse(HttpServletRequest request) {
    String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
    IParser parser = type.contains("xml") ? context.newXmlParser() : context.newJsonParser();
    try (Reader body = new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8)) {
      IBaseResource resource = parser.parseResource(body);
      if (resource instanceof Parameters parameters) {
        // the operation's input parameter 'resource', as FHIR allows a client to send it
        resource = parameters.getParameter().stream().filter(p -> "resource".equals(p.getName()))
            .map(Parameters.ParametersParameterComponent::getResource).findFirst().orElse(null);
      }
      if (resource instanceof Bundle bundle) {
        return bundle;
      }
      throw FhirIssues.refusal("Bundle", "The request body must be the PAS request Bundle (or Parameters whose "
          + "parameter 'resource' is that Bundle).");
    } catch (DataFormatException e) {
      throw FhirIssues.refusal("Bundle", "The request body is not a FHIR R4 Bundle that can be read: "
          + plain(e.getMessage()));
    } catch (IOException e) {
      throw new InvalidRequestException("The request body could not be read.");
    }
  }

  /** HAPI's message without its internal code prefix ("HAPI-1861: ..."). */
  private static String plain(String message) {
    return message == null ? "it is empty or malformed." : message.replaceAll("HAPI-[0-9]+: ", "");
  }
}
