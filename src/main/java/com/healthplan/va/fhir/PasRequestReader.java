package com.healthplan.va.fhir;

import static com.healthplan.va.casefile.CaseVariables.*;

import com.healthplan.va.casefile.ProcedureType;
import com.healthplan.va.casefile.SpinalLevel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * Reads a PAS request bundle (a {@code collection} whose first entry is a {@code Claim} with {@code use}
 * {@code preauthorization}) into the case intake's fields: the member from the Claim's patient and coverage, the
 * requesting provider from {@code Claim.provider}, the PCP from the patient's {@code generalPractitioner}, the
 * procedure from the items' CPT codes (22510-22515) and the levels from their {@code bodySite}, the urgency from
 * {@code Claim.priority}, and the clinical facts from the DTR QuestionnaireResponse to
 * {@code Questionnaire/vertebral-augmentation-criteria}, whose linkIds are the intake fields. References are
 * resolved as clients send them: by an entry's {@code fullUrl}, or by {@code Type/id}. Whether the values are
 * acceptable is the intake's rules' business, not this reader's: it only reports what it cannot read.
 */
final class PasRequestReader {

  static final String CPT = "http://www.ama-assn.org/go/cpt";
  static final String NPI = "http://hl7.org/fhir/sid/us-npi";
  static final String ICD_10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
  static final String REQUESTED_SERVICE =
      "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-requestedService";
  static final String QUESTIONNAIRE_ID = "vertebral-augmentation-criteria";

  /** The intake facts a QuestionnaireResponse answers, by linkId (the intake field of the same name). */
  static final List<String> FACT_FIELDS = List.of(FRACTURE_DATE, IMAGING_MODALITY, IMAGING_DATE, PAIN_SCORE,
      PAIN_INTERFERES_WITH_ADLS, ADLS_PREVIOUSLY_INDEPENDENT, CONSERVATIVE_CARE_FAILED, INTERVENTIONS_ATTEMPTED,
      UNSTABLE_FRACTURE, ACTIVE_INFECTION, UNCORRECTED_COAGULOPATHY, BONE_RETROPULSION, RADICULAR_SYMPTOMS,
      SPINAL_TUMOR_OR_CORD_COMPRESSION, MATERIAL_ALLERGY_OR_CONTRAINDICATION, OTHER_SPINAL_PAIN_GENERATORS);

  /** A level as written in text or a coding's display: "T12", "L 1", "T-5". */
  private static final Pattern LEVEL = Pattern.compile("(?<![A-Za-z0-9])([CTLSctls])[ -]?([0-9]{1,2})(?![0-9])");

  static final String CLAIM = "Claim";
  static final String PATIENT = "Claim.patient.resolve()";
  static final String COVERAGE = "Claim.insurance.coverage.resolve()";
  static final String PROVIDER = "Claim.provider.resolve()";
  static final String PCP = PATIENT + ".generalPractitioner.resolve()";

  private final Bundle bundle;
  private final FhirIssues issues;
  private final Map<String, Resource> entries = new HashMap<>();
  private final Map<String, Object> submission = new LinkedHashMap<>();
  private final Map<String, String> elements = new HashMap<>();

  private PasRequestReader(Bundle bundle, FhirIssues issues) {
    this.bundle = bundle;
    this.issues = issues;
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      Resource resource = entry.getResource();
      if (resource == null) {
        continue;
      }
      if (entry.hasFullUrl()) {
        entries.putIfAbsent(entry.getFullUrl(), resource);
        typeAndId(entry.getFullUrl()).ifPresent(key -> entries.putIfAbsent(key, resource));
      }
      if (resource.getIdElement().hasIdPart()) {
        entries.putIfAbsent(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), resource);
      }
    }
  }

  /** Reads the request, adding to issues what it cannot read; the request is only meaningful when there is none. */
  static PasRequest read(Bundle bundle, FhirIssues issues) {
    return new PasRequestReader(bundle, issues).read();
  }

  /**
   * The Claim of a PAS bundle (first entry, {@code use} {@code preauthorization}), or null with the issue added; for
   * {@code $submit} and {@code $inquire} alike.
   */
  static Claim claimOf(Bundle bundle, FhirIssues issues) {
    if (bundle.getType() != Bundle.BundleType.COLLECTION) {
      issues.add("Bundle.type", "A PAS request is a bundle of type 'collection'.");
    }
    if (bundle.getEntry().isEmpty() || !(bundle.getEntryFirstRep().getResource() instanceof Claim claim)) {
      issues.required("Bundle.entry[0].resource", "The first entry of the bundle must be the Claim of the request.");
      return null;
    }
    if (claim.getUse() != Claim.Use.PREAUTHORIZATION) {
      issues.add("Claim.use", "The Claim's use must be 'preauthorization': this API decides prior authorization "
          + "requests, not claims for payment.");
    }
    return claim;
  }

  private PasRequest read() {
    String identifierSystem = null;
    String identifierValue = null;
    if (bundle.getIdentifier().hasValue()) {
      identifierSystem = bundle.getIdentifier().hasSystem() ? bundle.getIdentifier().getSystem() : "";
      identifierValue = bundle.getIdentifier().getValue();
    } else {
      issues.required("Bundle.identifier", "The bundle needs an identifier (system and value) that names this "
          + "request: a resubmission with the same identifier is answered with the same case.");
    }
    Claim claim = claimOf(bundle, issues);
    if (claim == null) {
      return new PasRequest(identifierSystem, identifierValue, null, submission, elements, List.of());
    }
    String claimIdentifier = claim.getIdentifier().stream().filter(Identifier::hasValue).findFirst()
        .map(PasRequestReader::identifierText).orElse(null);
    Patient patient = resolve(claim.getPatient(), "Claim.patient", Patient.class, true);
    if (patient != null) {
      member(patient);
    }
    coverage(claim, patient);
    requestingProvider(claim);
    if (patient != null) {
      primaryCareProvider(patient);
    }
    resolve(claim.getInsurer(), "Claim.insurer", Organization.class, false);
    request(claim);
    diagnoses(claim);
    List<PasRequest.Item> items = items(claim);
    facts(claim);
    return new PasRequest(identifierSystem, identifierValue, claimIdentifier, submission, elements, items);
  }

  private void member(Patient patient) {
    put(PATIENT_NAME, PATIENT + ".name", patient.getName().isEmpty() ? null : name(patient.getNameFirstRep()));
    put(PATIENT_BIRTH_DATE, PATIENT + ".birthDate",
        patient.hasBirthDateElement() ? patient.getBirthDateElement().getValueAsString() : null);
    put(MEMBER_EMAIL, PATIENT + ".telecom.where(system='email').value",
        telecom(patient.getTelecom(), ContactPoint.ContactPointSystem.EMAIL));
    put(PATIENT_PHONE, PATIENT + ".telecom.where(system='phone').value",
        telecom(patient.getTelecom(), ContactPoint.ContactPointSystem.PHONE));
    if (patient.hasAddress()) {
      var address = patient.getAddressFirstRep();
      String text = address.hasText() ? address.getText() : String.join("\n", joinLines(address));
      put(MEMBER_ADDRESS, PATIENT + ".address", text.isBlank() ? null : text);
    }
  }

  private static List<String> joinLines(org.hl7.fhir.r4.model.Address address) {
    List<String> lines = new ArrayList<>(address.getLine().stream().map(StringType::getValue).toList());
    String cityLine = String.join(" ", java.util.stream.Stream.of(
            address.hasCity() ? address.getCity() + "," : null, address.getState(), address.getPostalCode())
        .filter(part -> part != null && !part.isBlank()).toList());
    if (!cityLine.isBlank()) {
      lines.add(cityLine);
    }
    return lines;
  }

  /** The member id: the focal coverage's subscriber id, else the patient's member identifier. */
  private void coverage(Claim claim, Patient patient) {
    Claim.InsuranceComponent insurance = claim.getInsurance().stream().filter(Claim.InsuranceComponent::getFocal)
        .findFirst().orElse(claim.getInsurance().isEmpty() ? null : claim.getInsuranceFirstRep());
    if (insurance == null) {
      issues.required("Claim.insurance", "The Claim must name the member's coverage (Claim.insurance.coverage).");
      return;
    }
    Coverage coverage = resolve(insurance.getCoverage(), "Claim.insurance.coverage", Coverage.class, true);
    if (coverage == null) {
      return;
    }
    String memberId = coverage.hasSubscriberId() ? coverage.getSubscriberId() : null;
    if (memberId == null && patient != null) {
      memberId = patient.getIdentifier().stream().filter(id -> id.getType().getCoding().stream()
              .anyMatch(c -> "MB".equals(c.getCode()))).map(Identifier::getValue).findFirst().orElse(null);
    }
    put(MEMBER_ID, COVERAGE + ".subscriberId", memberId);
  }

  private void requestingProvider(Claim claim) {
    Resource provider = resolve(claim.getProvider(), "Claim.provider", Resource.class, true);
    if (provider == null) {
      return;
    }
    Party party = party(provider, PROVIDER, "Claim.provider");
    if (party == null) {
      return;
    }
    put(REQUESTING_PROVIDER_NAME, party.path() + ".name", party.name());
    put(REQUESTING_PROVIDER_NPI, party.path() + ".identifier.where(system='" + NPI + "').value", party.npi());
    put(REQUESTING_PROVIDER_EMAIL, party.path() + ".telecom.where(system='email').value", party.email());
  }

  private void primaryCareProvider(Patient patient) {
    if (!patient.hasGeneralPractitioner()) {
      issues.required(PATIENT + ".generalPractitioner", "The patient's primary care provider (PCP) is needed: name "
          + "them in Patient.generalPractitioner, with their name and e-mail address; the PCP follows the patient "
          + "up after the procedure.");
      return;
    }
    Resource pcp = resolve(patient.getGeneralPractitionerFirstRep(), PATIENT + ".generalPractitioner",
        Resource.class, true);
    if (pcp == null) {
      return;
    }
    Party party = party(pcp, PCP, PATIENT + ".generalPractitioner");
    if (party == null) {
      return;
    }
    put(PCP_NAME, party.path() + ".name", party.name());
    put(PCP_EMAIL, party.path() + ".telecom.where(system='email').value", party.email());
    put(PCP_PHONE, party.path() + ".telecom.where(system='phone').value", party.phone());
  }

  /** A practitioner, a practitioner's role (with its practitioner) or an organization, as one party. */
  private record Party(String path, String name, String npi, String email, String phone) {
  }

  private Party party(Resource resource, String path, String referencePath) {
    if (resource instanceof Practitioner practitioner) {
      return new Party(path, practitioner.getName().isEmpty() ? null : name(practitioner.getNameFirstRep()),
          npi(practitioner.getIdentifier()), telecom(practitioner.getTelecom(), ContactPoint.ContactPointSystem.EMAIL),
          telecom(practitioner.getTelecom(), ContactPoint.ContactPointSystem.PHONE));
    }
    if (resource instanceof PractitionerRole role) {
      Practitioner practitioner = role.hasPractitioner()
          ? resolve(role.getPractitioner(), path + ".practitioner", Practitioner.class, false) : null;
      String email = telecom(role.getTelecom(), ContactPoint.ContactPointSystem.EMAIL);
      String phone = telecom(role.getTelecom(), ContactPoint.ContactPointSystem.PHONE);
      if (practitioner == null) {
        return new Party(path, null, npi(role.getIdentifier()), email, phone);
      }
      return new Party(path + ".practitioner.resolve()",
          practitioner.getName().isEmpty() ? null : name(practitioner.getNameFirstRep()),
          Optional.ofNullable(npi(practitioner.getIdentifier())).orElse(npi(role.getIdentifier())),
          email != null ? email : telecom(practitioner.getTelecom(), ContactPoint.ContactPointSystem.EMAIL),
          phone != null ? phone : telecom(practitioner.getTelecom(), ContactPoint.ContactPointSystem.PHONE));
    }
    if (resource instanceof Organization organization) {
      return new Party(path, organization.getName(), npi(organization.getIdentifier()),
          telecom(organization.getTelecom(), ContactPoint.ContactPointSystem.EMAIL),
          telecom(organization.getTelecom(), ContactPoint.ContactPointSystem.PHONE));
    }
    issues.add(referencePath, "This reference must point to a Practitioner, PractitionerRole or Organization, not a "
        + resource.fhirType() + ".");
    return null;
  }

  private void request(Claim claim) {
    if (claim.hasCreatedElement()) {
      String created = claim.getCreatedElement().getValueAsString();
      put(REQUEST_DATE, "Claim.created", created.length() >= 10 ? created.substring(0, 10) : created);
    }
    if (claim.hasPriority()) {
      String priority = claim.getPriority().getCoding().stream().map(Coding::getCode).filter(c -> c != null)
          .findFirst().orElse(null);
      if ("stat".equals(priority)) {
        put(URGENCY, "Claim.priority", "EXPEDITED");
      } else if ("normal".equals(priority) || "deferred".equals(priority)) {
        put(URGENCY, "Claim.priority", "STANDARD");
      } else {
        issues.add("Claim.priority", "The Claim's priority must be 'stat' (an expedited request, decided within 72 "
            + "hours) or 'normal' (a standard request), coded in http://terminology.hl7.org/CodeSystem/processpriority.");
      }
    }
  }

  private void diagnoses(Claim claim) {
    boolean icd10 = claim.getDiagnosis().stream().filter(Claim.DiagnosisComponent::hasDiagnosisCodeableConcept)
        .flatMap(d -> d.getDiagnosisCodeableConcept().getCoding().stream())
        .anyMatch(c -> ICD_10_CM.equals(c.getSystem()) && c.hasCode());
    if (!icd10) {
      issues.required("Claim.diagnosis", "The Claim needs the diagnosis of the fracture coded in ICD-10-CM "
          + "(system " + ICD_10_CM + "), for example M80.08XA or M48.56XA.");
    }
  }

  /** The items: each a vertebroplasty or kyphoplasty CPT code, one procedure for the request, with its levels. */
  private List<PasRequest.Item> items(Claim claim) {
    if (!claim.hasItem()) {
      issues.required("Claim.item", "The Claim needs at least one item: the procedure (CPT 22510-22515) with the "
          + "vertebral level(s) as its bodySite.");
      return List.of();
    }
    List<PasRequest.Item> items = new ArrayList<>();
    Set<ProcedureType> procedures = new LinkedHashSet<>();
    List<String> levels = new ArrayList<>();
    boolean levelsReadable = true;
    for (int i = 0; i < claim.getItem().size(); i++) {
      Claim.ItemComponent item = claim.getItem().get(i);
      String path = "Claim.item[" + i + "]";
      String code = item.getProductOrService().getCoding().stream().filter(c -> CPT.equals(c.getSystem()))
          .map(Coding::getCode).filter(c -> c != null).findFirst().orElse(null);
      ProcedureType procedure = procedureOf(code);
      if (procedure == null) {
        issues.add(path + ".productOrService", "Item " + (i + 1) + " is not coded as vertebroplasty or kyphoplasty: "
            + "this API decides CPT 22510-22515 (system " + CPT + ") only.");
      } else {
        procedures.add(procedure);
      }
      List<CodeableConcept> sites = new ArrayList<>();
      if (item.hasBodySite()) {
        sites.add(item.getBodySite());
      } else {
        Extension requested = item.getExtensionByUrl(REQUESTED_SERVICE);
        if (requested != null && requested.getValue() instanceof Reference reference) {
          ServiceRequest service = resolve(reference, path + ".extension('" + REQUESTED_SERVICE + "').value",
              ServiceRequest.class, false);
          if (service != null) {
            sites.addAll(service.getBodySite());
          }
        }
      }
      List<String> itemLevels = levels(sites, path + ".bodySite", i + 1);
      if (itemLevels == null) {
        levelsReadable = false;
        itemLevels = List.of();
      }
      levels.addAll(itemLevels);
      items.add(new PasRequest.Item(item.getSequence(), code, itemLevels));
    }
    if (procedures.size() > 1) {
      issues.add("Claim.item.productOrService", "The items mix vertebroplasty (CPT 22510-22512) and kyphoplasty "
          + "(CPT 22513-22515); send one request per procedure.");
    } else if (procedures.size() == 1) {
      put(PROCEDURE_TYPE, "Claim.item.productOrService", procedures.iterator().next().name());
    }
    if (levelsReadable) {
      put(FRACTURE_LEVELS, "Claim.item.bodySite", levels);
    }
    return items;
  }

  static ProcedureType procedureOf(String cpt) {
    if (cpt == null) {
      return null;
    }
    return switch (cpt) {
      case "22510", "22511", "22512" -> ProcedureType.VERTEBROPLASTY;
      case "22513", "22514", "22515" -> ProcedureType.KYPHOPLASTY;
      default -> null;
    };
  }

  /** The levels an item's body sites name (text, codings' displays or codes), or null with the issue added. */
  private List<String> levels(List<CodeableConcept> sites, String path, int itemNumber) {
    Set<String> found = new LinkedHashSet<>();
    for (CodeableConcept site : sites) {
      List<String> texts = new ArrayList<>();
      if (site.hasText()) {
        texts.add(site.getText());
      }
      for (Coding coding : site.getCoding()) {
        if (coding.hasDisplay()) {
          texts.add(coding.getDisplay());
        }
        if (coding.hasCode()) {
          texts.add(coding.getCode());
        }
      }
      for (String text : texts) {
        Matcher matcher = LEVEL.matcher(text);
        while (matcher.find()) {
          String level = matcher.group(1).toUpperCase() + Integer.parseInt(matcher.group(2));
          if (!SpinalLevel.isLevel(level)) {
            issues.add(path, "Item " + itemNumber + " names " + level + ", which is not a vertebral level (C1-C7, "
                + "T1-T12, L1-L5, S1).");
            return null;
          }
          found.add(level);
        }
      }
    }
    if (found.isEmpty()) {
      issues.required(path, "Item " + itemNumber + " does not say which vertebral level is to be treated: give the "
          + "level in its bodySite, as text (for example \"T12\") or a coding whose display names it.");
      return null;
    }
    return List.copyOf(found);
  }

  /**
   * The clinical facts: from the DTR QuestionnaireResponse in the bundle when there is one, else from its
   * Condition and Observation entries.
   */
  private void facts(Claim claim) {
    QuestionnaireResponse response = questionnaireResponse(claim);
    if (response == null) {
      if (!ClinicalEntries.read(bundle, submission, elements, issues)) {
        issues.required("Bundle.entry.resource.ofType(QuestionnaireResponse)", "The bundle needs the clinical "
            + "facts the policy's criteria are judged on: the completed Questionnaire/" + QUESTIONNAIRE_ID
            + " (a QuestionnaireResponse), or Condition and Observation entries coded as its questions are.");
      }
      return;
    }
    Map<String, List<QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent>> answers = new HashMap<>();
    collect(response.getItem(), answers);
    for (String field : FACT_FIELDS) {
      List<QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent> answer = answers.get(field);
      String path = "QuestionnaireResponse.repeat(item).where(linkId='" + field + "').answer.value";
      elements.put(field, path);
      if (answer == null || answer.isEmpty() || !answer.get(0).hasValue()) {
        continue;
      }
      if (answer.size() > 1) {
        issues.add(path, "The question '" + field + "' takes one answer.");
        continue;
      }
      submission.put(field, value(answer.get(0).getValue()));
    }
  }

  private QuestionnaireResponse questionnaireResponse(Claim claim) {
    for (Claim.SupportingInformationComponent info : claim.getSupportingInfo()) {
      if (info.getValue() instanceof Reference reference) {
        Resource resource = find(reference);
        if (resource instanceof QuestionnaireResponse response) {
          return response;
        }
      }
    }
    QuestionnaireResponse any = null;
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      if (entry.getResource() instanceof QuestionnaireResponse response) {
        // DTR names the Questionnaire by its versioned canonical: ".../Questionnaire/id|version"
        if (response.hasQuestionnaire() && response.getQuestionnaire().replaceFirst("\\|.*$", "")
            .endsWith("Questionnaire/" + QUESTIONNAIRE_ID)) {
          return response;
        }
        any = any == null ? response : any;
      }
    }
    return any;
  }

  private static void collect(List<QuestionnaireResponse.QuestionnaireResponseItemComponent> items,
      Map<String, List<QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent>> answers) {
    for (QuestionnaireResponse.QuestionnaireResponseItemComponent item : items) {
      if (item.hasAnswer()) {
        answers.computeIfAbsent(item.getLinkId(), k -> new ArrayList<>()).addAll(item.getAnswer());
        item.getAnswer().forEach(a -> collect(a.getItem(), answers));
      }
      collect(item.getItem(), answers);
    }
  }

  /** An answer as the case API receives the field: dates as text, booleans, whole numbers, codes, text. */
  static Object value(Type value) {
    if (value instanceof BooleanType b) {
      return b.getValue();
    }
    if (value instanceof IntegerType i) {
      return i.getValue();
    }
    if (value instanceof DateType || value instanceof DateTimeType) {
      return ((PrimitiveType<?>) value).getValueAsString();
    }
    if (value instanceof Coding coding) {
      return coding.getCode();
    }
    if (value instanceof org.hl7.fhir.r4.model.DecimalType d) {
      return d.getValue();
    }
    if (value instanceof PrimitiveType<?> primitive) {
      return primitive.getValueAsString();
    }
    return value.fhirType();
  }

  private void put(String field, String element, Object value) {
    elements.put(field, element);
    if (value != null) {
      submission.put(field, value);
    }
  }

  /**
   * The entry a reference points to, of the expected type; null (with an issue when it is dangling, of another type,
   * or missing while required) otherwise.
   */
  private <T extends Resource> T resolve(Reference reference, String path, Class<T> type, boolean required) {
    if (reference == null || (!reference.hasReference() && reference.getResource() == null)) {
      if (required) {
        issues.required(path, "This reference is required: point it to an entry of the bundle (its fullUrl, or "
            + "Type/id).");
      }
      return null;
    }
    Resource resource = find(reference);
    if (resource == null) {
      issues.add(path, "This reference points to no entry of the bundle: send the resource it names as an entry, "
          + "and point to it by the entry's fullUrl or by Type/id.");
      return null;
    }
    if (!type.isInstance(resource)) {
      issues.add(path, "This reference must point to a " + type.getSimpleName() + ", not a " + resource.fhirType()
          + ".");
      return null;
    }
    return type.cast(resource);
  }

  private Resource find(Reference reference) {
    if (reference.getResource() instanceof Resource resource) {
      return resource;
    }
    String target = reference.getReference();
    if (target == null) {
      return null;
    }
    Resource resource = entries.get(target);
    if (resource == null) {
      resource = typeAndId(target).map(entries::get).orElse(null);
    }
    return resource;
  }

  /** "Patient/123" of "Patient/123", "http://ehr.example/fhir/Patient/123" or ".../Patient/123/_history/2". */
  private static Optional<String> typeAndId(String url) {
    String[] parts = url.replaceFirst("/_history/[^/]+$", "").split("/");
    if (parts.length >= 2 && parts[parts.length - 2].matches("[A-Z][A-Za-z]+")) {
      return Optional.of(parts[parts.length - 2] + "/" + parts[parts.length - 1]);
    }
    return Optional.empty();
  }

  private static String name(HumanName name) {
    if (name.hasText()) {
      return name.getText();
    }
    String single = name.getNameAsSingleString();
    return single == null || single.isBlank() ? null : single.trim();
  }

  private static String npi(List<Identifier> identifiers) {
    return identifiers.stream().filter(id -> NPI.equals(id.getSystem())).map(Identifier::getValue).findFirst()
        .orElse(null);
  }

  private static String telecom(List<ContactPoint> telecom, ContactPoint.ContactPointSystem system) {
    return telecom.stream().filter(t -> t.getSystem() == system && t.hasValue()).map(ContactPoint::getValue)
        .findFirst().orElse(null);
  }

  static String identifierText(Identifier identifier) {
    return (identifier.hasSystem() ? identifier.getSystem() : "") + "|" + identifier.getValue();
  }
}
