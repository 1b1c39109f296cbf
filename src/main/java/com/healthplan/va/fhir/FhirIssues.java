package com.healthplan.va.fhir;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * What is wrong with a request, element by element: each issue names the element by a FHIRPath expression and says
 * what is wrong in plain words (and, where the element maps to an intake field, which one). Answered as a 400 with
 * an OperationOutcome, before anything is written.
 */
final class FhirIssues {

  /** Codes of the case contract's intake fields, so that an integrator can match an issue to the case API's. */
  static final String INTAKE_FIELD_SYSTEM = FhirNames.PLAN + "/CodeSystem/va-intake-field";

  private final List<OperationOutcome.OperationOutcomeIssueComponent> issues = new ArrayList<>();

  /** An element that is missing, or holds what the request needs in a form it cannot be read from. */
  FhirIssues add(String expression, String message) {
    return add(expression, message, null, IssueType.INVALID);
  }

  FhirIssues required(String expression, String message) {
    return add(expression, message, null, IssueType.REQUIRED);
  }

  /** An intake rule refused the value read from the element. */
  FhirIssues add(String expression, String message, String intakeField, IssueType type) {
    OperationOutcome.OperationOutcomeIssueComponent issue = new OperationOutcome.OperationOutcomeIssueComponent()
        .setSeverity(IssueSeverity.ERROR).setCode(type).setDiagnostics(message);
    CodeableConcept details = new CodeableConcept().setText(message);
    if (intakeField != null) {
      details.addCoding().setSystem(INTAKE_FIELD_SYSTEM).setCode(intakeField);
    }
    issue.setDetails(details);
    issue.addExpression(expression);
    issues.add(issue);
    return this;
  }

  boolean isEmpty() {
    return issues.isEmpty();
  }

  OperationOutcome outcome() {
    OperationOutcome outcome = new OperationOutcome();
    issues.forEach(outcome::addIssue);
    return outcome;
  }

  /** Refuses the request (400) with every issue found, if there is any. */
  void throwIfAny() {
    if (!issues.isEmpty()) {
      throw refusal(outcome());
    }
  }

  static InvalidRequestException refusal(OperationOutcome outcome) {
    String summary = outcome.getIssue().size() == 1 ? outcome.getIssueFirstRep().getDiagnostics()
        : "The request has " + outcome.getIssue().size() + " problems; each issue names its element.";
    return new InvalidRequestException(summary, outcome);
  }

  /** One issue, refused at once. */
  static InvalidRequestException refusal(String expression, String message) {
    return refusal(new FhirIssues().add(expression, message).outcome());
  }
}
