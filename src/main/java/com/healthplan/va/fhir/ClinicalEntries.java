package com.healthplan.va.fhir;

import static com.healthplan.va.casefile.CaseVariables.FRACTURE_DATE;
import static com.healthplan.va.casefile.CaseVariables.IMAGING_DATE;
import static com.healthplan.va.casefile.CaseVariables.IMAGING_MODALITY;
import static com.healthplan.va.casefile.CaseVariables.PAIN_SCORE;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;

/**
 * The clinical facts of a request sent as Condition and Observation entries instead of a QuestionnaireResponse, the
 * way SDC's observation-based extraction would make them from the criteria Questionnaire: an Observation per fact,
 * coded as the Questionnaire's question is ({@link FhirNames#FACT_SYSTEM} and the question's linkId; the pain score
 * also as LOINC 72514-3), its value the answer; the imaging's Observation ({@code imagingModality}) gives the
 * imaging day by its {@code effective[x]} when no {@code imagingDate} Observation does; the fracture's date is the
 * onset of the Condition coded in ICD-10-CM as a vertebral fracture (the earliest, when several are sent).
 * Observations entered in error or cancelled are not read. Whether a value is acceptable stays the intake's rules'
 * business.
 */
final class ClinicalEntries {

  /** LOINC "Pain severity - 0-10 verbal numeric rating [Score] - Reported". */
  static final String LOINC = "http://loinc.org";
  static final String PAIN_SEVERITY_0_10 = "72514-3";
  /** ICD-10-CM categories of a vertebral fracture: osteoporotic, collapsed vertebra, thoracic and lumbar. */
  static final List<String> VERTEBRAL_FRACTURE_CODES = List.of("M80.08", "M48.5", "M84.48", "M84.58", "M84.68",
      "S22.0", "S32.0");

  private ClinicalEntries() {
  }

  /**
   * Puts the facts the entries give into the submission (and their elements' FHIRPath into elements); false when
   * the bundle has no such entry at all.
   */
  static boolean read(Bundle bundle, Map<String, Object> submission, Map<String, String> elements,
      FhirIssues issues) {
    boolean any = false;
    DateTimeType imagingEffective = null;
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      Resource resource = entry.getResource();
      if (resource instanceof Observation observation && current(observation)) {
        Optional<String> fact = factOf(observation.getCode());
        if (fact.isEmpty()) {
          continue;
        }
        any = true;
        String field = fact.get();
        String path = observationPath(field);
        elements.put(field, path);
        if (submission.containsKey(field)) {
          issues.add(path, "The fact '" + field + "' is sent in more than one Observation; send it once.");
          continue;
        }
        if (observation.hasValue()) {
          submission.put(field, value(observation.getValue()));
        }
        if (IMAGING_MODALITY.equals(field) && observation.getEffective() instanceof DateTimeType effective) {
          imagingEffective = effective;
        } else if (IMAGING_MODALITY.equals(field) && observation.getEffective() instanceof Period period
            && period.hasStart()) {
          imagingEffective = period.getStartElement();
        }
      } else if (resource instanceof Condition condition && vertebralFracture(condition.getCode())) {
        any = true;
        elements.put(FRACTURE_DATE, "Bundle.entry.resource.ofType(Condition).onset");
        onset(condition).ifPresent(onset -> submission.merge(FRACTURE_DATE, onset,
            (a, b) -> a.toString().compareTo(b.toString()) <= 0 ? a : b));
      }
    }
    if (imagingEffective != null && !submission.containsKey(IMAGING_DATE)) {
      elements.put(IMAGING_DATE, observationPath(IMAGING_MODALITY).replace(".value", ".effective"));
      submission.put(IMAGING_DATE, day(imagingEffective.getValueAsString()));
    }
    return any;
  }

  static String observationPath(String field) {
    return "Bundle.entry.resource.ofType(Observation).where(code.coding.code='" + field + "').value";
  }

  private static boolean current(Observation observation) {
    return observation.getStatus() != Observation.ObservationStatus.ENTEREDINERROR
        && observation.getStatus() != Observation.ObservationStatus.CANCELLED;
  }

  /** The intake field an Observation's code names: a question of the criteria Questionnaire, or LOINC pain. */
  static Optional<String> factOf(CodeableConcept code) {
    for (Coding coding : code.getCoding()) {
      if (FhirNames.FACT_SYSTEM.equals(coding.getSystem()) && PasRequestReader.FACT_FIELDS.contains(coding.getCode())) {
        return Optional.of(coding.getCode());
      }
      if (LOINC.equals(coding.getSystem()) && PAIN_SEVERITY_0_10.equals(coding.getCode())) {
        return Optional.of(PAIN_SCORE);
      }
    }
    return Optional.empty();
  }

  private static boolean vertebralFracture(CodeableConcept code) {
    return code.getCoding().stream().anyMatch(c -> PasRequestReader.ICD_10_CM.equals(c.getSystem()) && c.hasCode()
        && VERTEBRAL_FRACTURE_CODES.stream().anyMatch(prefix -> c.getCode().toUpperCase().startsWith(prefix)));
  }

  private static Optional<String> onset(Condition condition) {
    if (condition.getOnset() instanceof DateTimeType onset && onset.hasValue()) {
      return Optional.of(day(onset.getValueAsString()));
    }
    if (condition.getOnset() instanceof Period period && period.hasStart()) {
      return Optional.of(day(period.getStartElement().getValueAsString()));
    }
    return Optional.empty();
  }

  private static Object value(Type value) {
    if (value instanceof Quantity quantity && quantity.hasValue()) {
      BigDecimal number = quantity.getValue().stripTrailingZeros();
      boolean whole = number.scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
      return whole ? (Object) number.intValue() : quantity.getValue();
    }
    if (value instanceof CodeableConcept concept) {
      return concept.getCoding().stream().map(Coding::getCode).filter(c -> c != null).findFirst()
          .orElse(concept.getText());
    }
    if (value instanceof DateTimeType dateTime) {
      return day(dateTime.getValueAsString());
    }
    return PasRequestReader.value(value);
  }

  private static String day(String dateTime) {
    return dateTime.length() >= 10 ? dateTime.substring(0, 10) : dateTime;
  }
}
