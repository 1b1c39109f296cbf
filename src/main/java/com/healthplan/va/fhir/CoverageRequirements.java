package com.healthplan.va.fhir;

import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.casefile.PlanContacts;
import com.healthplan.va.casefile.ProcedureType;
import com.healthplan.va.criteria.EligibilityCriterion;
import com.healthplan.va.criteria.PolicyDecisions;
import com.healthplan.va.criteria.PolicyTerms;
import com.healthplan.va.procedure.DocumentationItem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Coverage Requirements Discovery (Da Vinci CRD) for the orders this policy covers: a draft {@code ServiceRequest}
 * coded with CPT 22510-22515 needs prior authorization, with the clinical documentation the criteria Questionnaire
 * (DTR) asks for. The answer is one card in words and, per order, the order with CRD's {@code coverage-information}
 * extension ({@code covered}, {@code pa-needed} {@code auth-needed}, {@code doc-needed} {@code clinical},
 * {@code doc-purpose} {@code withpa}, the Questionnaire), for the ordering system to keep with the order. Orders of
 * other codes get no card: this service speaks for this policy only.
 */
@Component
class CoverageRequirements {

  static final String COVERAGE_INFORMATION =
      "http://hl7.org/fhir/us/davinci-crd/StructureDefinition/ext-coverage-information";

  /** CRD's card types (CRD 2.0 and 2.1 keep them in the guide's temporary code system). */
  static final String CRD_CARD_TYPES = "http://hl7.org/fhir/us/davinci-crd/CodeSystem/temp";

  private final PolicyDecisions policy;
  private final PlanContacts plan;
  private final PlanCalendar calendar;
  private final String publicBaseUrl;

  CoverageRequirements(PolicyDecisions policy, PlanContacts plan, PlanCalendar calendar,
      @Value("${va.public-base-url}") String publicBaseUrl) {
    this.policy = policy;
    this.plan = plan;
    this.calendar = calendar;
    this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
  }

  /** An order of this policy's, with the coverage information added (null when no Coverage is known). */
  record Covered(ServiceRequest order, ProcedureType procedure, String cpt) {
  }

  /** The draft orders (of the selected ids when there are any) this policy covers, each with its extension. */
  List<Covered> covered(Bundle draftOrders, List<String> selections, Optional<Reference> coverage) {
    List<Covered> covered = new ArrayList<>();
    for (Bundle.BundleEntryComponent entry : draftOrders.getEntry()) {
      if (!(entry.getResource() instanceof ServiceRequest order) || !selected(order, selections)) {
        continue;
      }
      Optional<String> cpt = order.getCode().getCoding().stream()
          .filter(c -> PasRequestReader.CPT.equals(c.getSystem())).map(Coding::getCode)
          .filter(code -> PasRequestReader.procedureOf(code) != null).findFirst();
      if (cpt.isEmpty()) {
        continue;
      }
      // CRD: coverage information names the Coverage it is about; without one known there is only the card
      Optional<Reference> about = coverage.or(() -> insuranceOf(order));
      ServiceRequest annotated = null;
      if (about.isPresent()) {
        annotated = order.copy();
        // a repeated call replaces the assertion rather than adding a second one
        annotated.getExtension().removeIf(extension -> COVERAGE_INFORMATION.equals(extension.getUrl()));
        annotated.addExtension(coverageInformation(about.get()));
      }
      covered.add(new Covered(annotated, PasRequestReader.procedureOf(cpt.get()), cpt.get()));
    }
    return covered;
  }

  private static boolean selected(Resource order, List<String> selections) {
    if (selections.isEmpty()) {
      return true;
    }
    String id = order.fhirType() + "/" + order.getIdElement().getIdPart();
    return selections.contains(id);
  }

  private static Optional<Reference> insuranceOf(ServiceRequest order) {
    return order.getInsurance().stream().filter(Reference::hasReference).findFirst().map(Reference::copy);
  }

  private Extension coverageInformation(Reference coverage) {
    PolicyTerms terms = policy.terms(null);
    Extension information = new Extension(COVERAGE_INFORMATION);
    information.addExtension("coverage", coverage);
    information.addExtension("covered", new CodeType("covered"));
    information.addExtension("pa-needed", new CodeType("auth-needed"));
    information.addExtension("doc-needed", new CodeType("clinical"));
    information.addExtension("doc-purpose", new CodeType("withpa"));
    information.addExtension("reason", new CodeableConcept().setText(plan.criteriaPolicy() + " (criteria version "
        + terms.criteriaVersion() + ") requires prior authorization, decided on the clinical facts its "
        + "questionnaire asks for."));
    information.addExtension("questionnaire",
        new CanonicalType(FhirNames.QUESTIONNAIRE_URL + "|" + terms.criteriaVersion()));
    information.addExtension("date", new DateType(calendar.today().toString()));
    information.addExtension("coverage-assertion-id", new StringType(UUID.randomUUID().toString()));
    return information;
  }

  /** The card a clinician reads when ordering: what is needed, in the policy's words, and where to send it. */
  Card card(List<Covered> covered) {
    PolicyTerms terms = policy.terms(null);
    Set<String> procedures = new LinkedHashSet<>();
    covered.forEach(c -> procedures.add(c.procedure().label()));
    String summary = "Prior authorization needed: " + String.join(" and ", procedures).toLowerCase();
    StringBuilder detail = new StringBuilder();
    detail.append(plan.planName()).append(" needs prior authorization for this order, under its policy \"")
        .append(plan.criteriaPolicy()).append("\" (criteria version ").append(terms.criteriaVersion()).append(").\n\n")
        .append("The request is decided on these criteria and exclusions:\n\n");
    for (EligibilityCriterion criterion : EligibilityCriterion.values()) {
      detail.append("- ").append(criterion.policyWording(terms)).append('\n');
    }
    detail.append("\nBefore the procedure the plan checks this documentation:\n\n");
    for (DocumentationItem item : DocumentationItem.values()) {
      detail.append("- ").append(item.policyWording()).append('\n');
    }
    detail.append("\nSend the request with the completed questionnaire to Claim/$submit of the plan's FHIR API. "
        + "Questions: utilization management, ").append(plan.umPhone()).append('.');
    String questionnaire = publicBaseUrl + "/fhir/Questionnaire/" + PasRequestReader.QUESTIONNAIRE_ID;
    return new Card(UUID.randomUUID().toString(), summary, "info", detail.toString(),
        new Card.Source(plan.planName(), questionnaire, new Card.Topic(CRD_CARD_TYPES, "coverage-info",
            "Coverage Information")),
        List.of(new Card.Link("Questionnaire of what the plan needs (DTR)", questionnaire, "absolute")));
  }

  /** A CDS Hooks 2.0 card. */
  record Card(String uuid, String summary, String indicator, String detail, Source source, List<Link> links) {
    record Source(String label, String url, Topic topic) {
    }

    record Topic(String system, String code, String display) {
    }

    record Link(String label, String url, String type) {
    }
  }
}
