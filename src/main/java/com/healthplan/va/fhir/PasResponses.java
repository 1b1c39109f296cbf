package com.healthplan.va.fhir;

import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseLifecycle;
import com.healthplan.va.casefile.CaseStatus;
import com.healthplan.va.casefile.DeterminationOutcome;
import com.healthplan.va.casefile.DeterminationRound;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.casefile.PlanContacts;
import com.healthplan.va.criteria.EligibilityCriterion;
import com.healthplan.va.criteria.PolicyDecisions;
import com.healthplan.va.criteria.PolicyTerms;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;

/**
 * The PAS response bundle of a request, from its case file as it stands: a {@code ClaimResponse} whose
 * {@code preAuthRef} and identifier are the case id, {@code outcome} {@code complete} (as PAS's pended example), and
 * per item the X12 review action (A1 certified in total, A2 certified partial, A3 not certified, A4 pended). Every
 * adverse item names each unmet criterion (code and the denial notice's plain words); a pended one each criterion
 * the prescreen found possibly unmet, and the notes say what is awaited and by when. The dates are the case file's: the approval's valid-through
 * day, the round's due time, the last day to appeal (the lifecycle's), never computed here.
 */
@Component
class PasResponses {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);
  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("MMMM d, yyyy, h:mm a z", Locale.US);

  private final CaseLifecycle lifecycle;
  private final PolicyDecisions policy;
  private final PlanCalendar calendar;
  private final PlanContacts plan;

  PasResponses(CaseLifecycle lifecycle, PolicyDecisions policy, PlanCalendar calendar, PlanContacts plan) {
    this.lifecycle = lifecycle;
    this.policy = policy;
    this.calendar = calendar;
    this.plan = plan;
  }

  /** The answer to {@code $submit} ({@code inquiry} false) or {@code $inquire}. */
  Bundle response(CaseFile file, PasSubmission submission, boolean inquiry) {
    Instant now = calendar.now();
    Patient patient = patient(file);
    Organization insurer = new Organization().setName(plan.planName());
    insurer.setId(UUID.randomUUID().toString());
    Practitioner practitioner = requestor(file);
    // PAS takes the requestor as an Organization or a PractitionerRole, not a bare Practitioner
    PractitionerRole requestor = new PractitionerRole().setPractitioner(reference(practitioner));
    requestor.setId(UUID.randomUUID().toString());
    requestor.addIdentifier(practitioner.getIdentifierFirstRep().copy());

    ClaimResponse response = new ClaimResponse();
    response.setId(UUID.randomUUID().toString());
    response.getMeta().addProfile(inquiry ? FhirNames.PAS_INQUIRY_RESPONSE : FhirNames.PAS_CLAIM_RESPONSE);
    response.addIdentifier().setSystem(FhirNames.AUTHORIZATION_SYSTEM).setValue(file.caseId());
    // PAS fixes the status at active; a cancellation is told in the process notes
    response.setStatus(ClaimResponse.ClaimResponseStatus.ACTIVE);
    response.setType(new CodeableConcept(new Coding(FhirNames.CLAIM_TYPE, "professional", "Professional")));
    response.setUse(ClaimResponse.Use.PREAUTHORIZATION);
    response.setPatient(reference(patient));
    response.setCreated(Date.from(now));
    response.setInsurer(reference(insurer));
    response.setRequestor(reference(requestor));
    response.setRequest(new Reference().setType("Claim").setIdentifier(requestIdentifier(submission)));
    response.setPreAuthRef(file.caseId());

    Verdict verdict = verdict(file);
    // as PAS's own pended example: the answer is complete, each item's review action (A4) carries the pend
    response.setOutcome(ClaimResponse.RemittanceOutcome.COMPLETE);
    response.setDisposition(verdict.disposition());
    verdict.period().ifPresent(response::setPreAuthPeriod);
    int note = 0;
    for (String text : verdict.notes()) {
      response.addProcessNote().setNumber(++note).setType(Enumerations.NoteType.DISPLAY).setText(text);
    }
    for (PasRequest.Item item : submission.items()) {
      response.addItem(item(file, item, verdict));
    }

    Bundle bundle = new Bundle();
    bundle.getMeta().addProfile(inquiry ? FhirNames.PAS_INQUIRY_RESPONSE_BUNDLE : FhirNames.PAS_RESPONSE_BUNDLE);
    bundle.setIdentifier(new Identifier().setSystem(FhirNames.RESPONSE_SYSTEM).setValue(UUID.randomUUID().toString()));
    bundle.setType(Bundle.BundleType.COLLECTION);
    bundle.setTimestamp(Date.from(now));
    for (Resource resource : List.of(response, patient, insurer, requestor, practitioner)) {
      bundle.addEntry().setFullUrl("urn:uuid:" + resource.getIdElement().getIdPart()).setResource(resource);
    }
    return bundle;
  }

  /** The answer to an inquiry that matches no request of the caller's: an inquiry-response bundle with none. */
  Bundle noneFound() {
    Bundle bundle = new Bundle();
    bundle.getMeta().addProfile(FhirNames.PAS_INQUIRY_RESPONSE_BUNDLE);
    bundle.setIdentifier(new Identifier().setSystem(FhirNames.RESPONSE_SYSTEM).setValue(UUID.randomUUID().toString()));
    bundle.setType(Bundle.BundleType.COLLECTION);
    bundle.setTimestamp(Date.from(calendar.now()));
    return bundle;
  }

  /** What the case file says of the request as a whole, and what each item's action is. */
  private record Verdict(boolean pended, String disposition, Optional<Period> period, List<String> approvedLevels,
      List<String> unmetCriteria, List<String> notes, Optional<Reason> adverseReason) {
  }

  /**
   * Why an item was not certified, beside the criteria: a physician's decision on a level (a partial approval, or a
   * denial with every criterion met), or information that did not arrive; the rationale in the reviewer's words.
   */
  private record Reason(String code, String display, String text) {
  }

  private Verdict verdict(CaseFile file) {
    PolicyTerms terms = policy.terms(file.prescreen() == null ? null : file.prescreen().criteriaVersion());
    List<String> notes = new ArrayList<>();
    Optional<CaseLifecycle.Authorization> authorization = lifecycle.authorization(file);
    Optional<DeterminationRound> latest = file.latestDecidedRound();
    boolean decidedNow = latest.isPresent() && latest.get().number() == file.currentRound().number();
    if (file.cancellation() != null) {
      notes.add("The request was cancelled on " + day(file.cancellation().cancelledAt()) + ".");
    }
    if (authorization.isPresent()) {
      CaseLifecycle.Authorization approval = authorization.get();
      DeterminationRound round = latest.get();
      DeterminationRound.Decision decision = round.decision();
      boolean partial = !file.intake().fractureLevels().stream().allMatch(approval.levels()::contains);
      notes.add((partial ? "Approved in part: levels " : "Approved: levels ") + String.join(", ", approval.levels())
          + ", for a procedure on or before " + DAY.format(approval.validThrough()) + ".");
      List<String> unmet = List.of();
      if (partial) {
        unmet = decision.unmetCriteria();
        reasons(unmet, terms, notes);
        if (decision.rationale() != null && !decision.rationale().isBlank()) {
          notes.add("Reviewer's rationale: " + decision.rationale());
        }
        appealNotes(file, round, notes);
      }
      if (decision.conditions() != null && !decision.conditions().isBlank()) {
        notes.add("Conditions of the approval: " + decision.conditions());
      }
      if (file.status() == CaseStatus.WITHDRAWN) {
        notes.add("The case was withdrawn: the procedure will not take place under this authorization.");
      }
      Period period = new Period().setStartElement(date(day(approval.authorizedAt())))
          .setEndElement(date(approval.validThrough()));
      Optional<Reason> reason = partial ? Optional.of(new Reason("level-not-approved",
          "Level not approved by the physician reviewer", rationale(decision))) : Optional.empty();
      return new Verdict(false, partial ? "Approved in part" : "Approved", Optional.of(period), approval.levels(),
          unmet, notes, reason);
    }
    if (decidedNow) {
      DeterminationRound round = latest.get();
      DeterminationRound.Decision decision = round.decision();
      boolean incomplete = file.status() == CaseStatus.CLOSED_INCOMPLETE
          || decision.outcome() == DeterminationOutcome.CLOSED_INCOMPLETE;
      String what = incomplete
          ? "Not approved: the requested information did not arrive in time, so the request was decided on the "
              + "information at hand"
          : "Denied by a physician reviewer";
      notes.add(what + " on " + DAY.format(day(decision.decidedAt())) + ".");
      reasons(decision.unmetCriteria(), terms, notes);
      if (decision.rationale() != null && !decision.rationale().isBlank()) {
        notes.add("Reviewer's rationale: " + decision.rationale());
      }
      appealNotes(file, round, notes);
      Reason reason = incomplete
          ? new Reason("information-not-received", "Requested information not received in time", rationale(decision))
          : new Reason("denied-by-physician", "Denied by a physician reviewer", rationale(decision));
      return new Verdict(false, "Not approved", Optional.empty(), List.of(), decision.unmetCriteria(), notes,
          Optional.of(reason));
    }
    notes.add(pendedNote(file));
    List<String> flagged = file.prescreen() == null ? List.of() : file.prescreen().unmetCriteria();
    if (!flagged.isEmpty()) {
      // the provider learns now what the reviewers will look at, and may send what answers it
      notes.add("The prescreen found that the request may not meet these criteria; a physician reviewer decides "
          + "whether it does, and you may send information that answers them:");
      reasons(flagged, terms, notes);
    }
    return new Verdict(true, "Pended: " + file.status().label(), Optional.empty(), List.of(), flagged, notes,
        Optional.empty());
  }

  /** What a pended request waits for, and by when it will be decided. */
  private String pendedNote(CaseFile file) {
    String due = " The determination is due by " + MOMENT.format(file.determinationDueAt().atZone(calendar.zone()))
        + ".";
    DeterminationRound round = file.currentRound();
    if (file.status() == CaseStatus.PENDED_FOR_INFORMATION && file.informationRequest() != null) {
      CaseFile.InformationRequest request = file.informationRequest();
      return "Pended for information from the requesting provider: " + request.requestedInformation()
          + (request.dueAt() == null ? "." : ". Please send it by "
              + MOMENT.format(request.dueAt().atZone(calendar.zone())) + ".") + due;
    }
    if (round.opening() == DeterminationRound.Opening.APPROVAL_LAPSED) {
      return "Pended: the criteria are being reviewed again"
          + (round.openingReason() == null ? "." : " (" + round.openingReason() + ").") + due;
    }
    if (file.status() == CaseStatus.MEDICAL_DIRECTOR_REVIEW) {
      return "Pended: with a physician reviewer." + due;
    }
    return "Pended: in clinical review by a utilization-management nurse." + due;
  }

  private void appealNotes(CaseFile file, DeterminationRound round, List<String> notes) {
    if (round.appeal() != null) {
      if (round.appeal().open()) {
        notes.add("An appeal was received on " + DAY.format(day(round.appeal().receivedAt()))
            + "; its decision is due by " + MOMENT.format(round.appeal().dueAt().atZone(calendar.zone())) + ".");
      } else if (!round.appeal().overturned()) {
        notes.add("The appeal was decided on " + DAY.format(day(round.appeal().decidedAt()))
            + ": the determination was upheld.");
      }
      return;
    }
    if (lifecycle.appealWindowFor(file).isPresent()) {
      notes.add("This determination may be appealed until " + DAY.format(lifecycle.lastDayToAppeal(round.decision()))
          + " (call " + plan.umPhone() + "; a peer-to-peer discussion with the reviewing physician: "
          + plan.peerToPeerPhone() + ").");
    }
  }

  private static String rationale(DeterminationRound.Decision decision) {
    return decision.rationale() == null || decision.rationale().isBlank() ? null : decision.rationale();
  }

  private static void reasons(List<String> unmet, PolicyTerms terms, List<String> notes) {
    for (String code : unmet) {
      EligibilityCriterion.ofCode(code).ifPresent(c -> notes.add(code + ": " + c.plainLanguage(terms)));
    }
  }

  private ClaimResponse.ItemComponent item(CaseFile file, PasRequest.Item requested, Verdict verdict) {
    String action;
    String display;
    if (verdict.pended()) {
      action = "A4";
      display = "Pended";
    } else if (!verdict.approvedLevels().isEmpty() && verdict.approvedLevels().containsAll(requested.levels())) {
      action = "A1";
      display = "Certified in total";
    } else if (requested.levels().stream().anyMatch(verdict.approvedLevels()::contains)) {
      action = "A2";
      display = "Certified - partial";
    } else {
      action = "A3";
      display = "Not certified";
    }
    ClaimResponse.ItemComponent item = new ClaimResponse.ItemComponent().setItemSequence(requested.sequence());
    // PAS: one adjudication per item, category 'submitted', carrying the review action
    ClaimResponse.AdjudicationComponent adjudication = item.addAdjudication();
    adjudication.setCategory(new CodeableConcept(new Coding(FhirNames.HL7_ADJUDICATION, "submitted",
        "Submitted Amount")));
    Extension review = adjudication.addExtension().setUrl(FhirNames.REVIEW_ACTION);
    review.addExtension(FhirNames.REVIEW_ACTION_CODE,
        new CodeableConcept(new Coding(FhirNames.X12_306, action, display)));
    review.addExtension("number", new StringType(file.caseId()));
    if (!"A1".equals(action)) {
      // the reasons, machine-readable: each criterion found unmet (adverse) or possibly unmet (pended), in the
      // denial notice's words; X12's reason codes (the review action's reasonCode) are not the policy's criteria
      String kind = "A4".equals(action) ? "prescreen-finding" : "unmet-criterion";
      PolicyTerms terms = policy.terms(file.prescreen() == null ? null : file.prescreen().criteriaVersion());
      for (String code : verdict.unmetCriteria()) {
        EligibilityCriterion.ofCode(code).ifPresent(criterion -> item.addExtension(reason(kind,
            new CodeableConcept(new Coding(FhirNames.CRITERIA_SYSTEM, code, criterion.plainLanguage(terms))))));
      }
      if (!"A4".equals(action)) {
        verdict.adverseReason().ifPresent(reason -> item.addExtension(reason("review-reason",
            new CodeableConcept(new Coding(FhirNames.REVIEW_REASON_SYSTEM, reason.code(), reason.display()))
                .setText(reason.text()))));
      }
    }
    if (!"A3".equals(action) && !"A4".equals(action)) {
      verdict.period().ifPresent(period -> item.addExtension(FhirNames.ITEM_PREAUTH_PERIOD, period.copy()));
    }
    for (int n = 1; n <= verdict.notes().size(); n++) {
      item.addNoteNumber(n);
    }
    return item;
  }

  /** A reason of an item: {@code kind} (unmet-criterion, prescreen-finding, review-reason) and its concept. */
  private static Extension reason(String kind, CodeableConcept concept) {
    Extension reason = new Extension(FhirNames.ITEM_REASON);
    reason.addExtension("kind", new Coding(FhirNames.ADJUDICATION_SYSTEM, kind, switch (kind) {
      case "unmet-criterion" -> "Criterion not met";
      case "prescreen-finding" -> "Criterion possibly not met, in review";
      default -> "Reason of the review";
    }));
    reason.addExtension("reason", concept);
    return reason;
  }

  private static Identifier requestIdentifier(PasSubmission submission) {
    if (submission.claimIdentifier() != null) {
      int bar = submission.claimIdentifier().indexOf('|');
      Identifier identifier = new Identifier().setValue(submission.claimIdentifier().substring(bar + 1));
      if (bar > 0) {
        identifier.setSystem(submission.claimIdentifier().substring(0, bar));
      }
      return identifier;
    }
    Identifier identifier = new Identifier().setValue(submission.identifierValue());
    return submission.identifierSystem().isEmpty() ? identifier : identifier.setSystem(submission.identifierSystem());
  }

  private static Patient patient(CaseFile file) {
    Patient patient = new Patient();
    patient.setId(UUID.randomUUID().toString());
    patient.addIdentifier().setSystem(FhirNames.MEMBER_SYSTEM).setValue(file.intake().memberId())
        .setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v2-0203", "MB",
            "Member Number")));
    patient.addName().setText(file.intake().patientName());
    patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType(file.intake().patientBirthDate().toString()));
    return patient;
  }

  private static Practitioner requestor(CaseFile file) {
    Practitioner practitioner = new Practitioner();
    practitioner.setId(UUID.randomUUID().toString());
    practitioner.addIdentifier().setSystem(PasRequestReader.NPI).setValue(file.intake().requestingProviderNpi());
    practitioner.addName().setText(file.intake().requestingProviderName());
    return practitioner;
  }

  private static Reference reference(Resource resource) {
    return new Reference("urn:uuid:" + resource.getIdElement().getIdPart());
  }

  private LocalDate day(Instant instant) {
    return instant.atZone(calendar.zone()).toLocalDate();
  }

  private static DateTimeType date(LocalDate day) {
    return new DateTimeType(day.toString());
  }

}
