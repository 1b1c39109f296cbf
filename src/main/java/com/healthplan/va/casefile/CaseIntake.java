package com.healthplan.va.casefile;

import static com.healthplan.va.casefile.CaseVariables.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/** The intake facts of a case, checked and in the contract's types. */
public record CaseIntake(
    String memberId,
    String patientName,
    LocalDate patientBirthDate,
    String requestingProviderName,
    String requestingProviderNpi,
    String requestingProviderEmail,
    String pcpName,
    String pcpEmail,
    String pcpPhone,
    String memberEmail,
    String memberAddress,
    String patientPhone,
    ProcedureType procedureType,
    LocalDate requestDate,
    Urgency urgency,
    List<String> fractureLevels,
    LocalDate fractureDate,
    ImagingModality imagingModality,
    LocalDate imagingDate,
    int painScore,
    boolean painInterferesWithAdls,
    boolean adlsPreviouslyIndependent,
    boolean conservativeCareFailed,
    String interventionsAttempted,
    boolean unstableFracture,
    boolean activeInfection,
    boolean uncorrectedCoagulopathy,
    boolean boneRetropulsion,
    boolean radicularSymptoms,
    boolean spinalTumorOrCordCompression,
    boolean materialAllergyOrContraindication,
    boolean otherSpinalPainGenerators) {

  /** The patient named as on notices and task cards: initials only ("Jane Q. Doe" is "J.Q.D."). */
  public String patientInitials() {
    return initialsOf(patientName);
  }

  /** A patient's initials ("J.Q.D."), what roles that may not read the name see. */
  public static String initialsOf(String patientName) {
    StringBuilder initials = new StringBuilder();
    for (String part : patientName.trim().split("[\\s,]+")) {
      if (!part.isEmpty() && Character.isLetter(part.codePointAt(0))) {
        initials.appendCodePoint(Character.toUpperCase(part.codePointAt(0))).append('.');
      }
    }
    return initials.toString();
  }

  /**
   * The intake as process variables. Dates are ISO-8601 calendar dates ({@code yyyy-MM-dd} strings): the form the
   * DMN engine's FEEL {@code date()} reads, timers accept and Tasklist's date fields show, and, unlike a
   * {@code Date} instant, the same day in every time zone. The levels are a JSON-serialized list of strings;
   * optional values absent are {@code null}.
   */
  public VariableMap toVariables() {
    return Variables.createVariables()
        .putValue(MEMBER_ID, memberId)
        .putValue(PATIENT_NAME, patientName)
        .putValue(PATIENT_BIRTH_DATE, patientBirthDate.toString())
        .putValue(REQUESTING_PROVIDER_NAME, requestingProviderName)
        .putValue(REQUESTING_PROVIDER_NPI, requestingProviderNpi)
        .putValue(REQUESTING_PROVIDER_EMAIL, requestingProviderEmail)
        .putValue(PCP_NAME, pcpName)
        .putValue(PCP_EMAIL, pcpEmail)
        .putValue(PCP_PHONE, pcpPhone)
        .putValue(MEMBER_EMAIL, memberEmail)
        .putValue(MEMBER_ADDRESS, memberAddress)
        .putValue(PATIENT_PHONE, patientPhone)
        .putValue(PROCEDURE_TYPE, procedureType.name())
        .putValue(REQUEST_DATE, requestDate.toString())
        .putValue(URGENCY, urgency.name())
        .putValueTyped(FRACTURE_LEVELS, levelsValue(fractureLevels))
        .putValue(FRACTURE_DATE, fractureDate.toString())
        .putValue(IMAGING_MODALITY, imagingModality.name())
        .putValue(IMAGING_DATE, imagingDate == null ? null : imagingDate.toString())
        .putValue(PAIN_SCORE, painScore)
        .putValue(PAIN_INTERFERES_WITH_ADLS, painInterferesWithAdls)
        .putValue(ADLS_PREVIOUSLY_INDEPENDENT, adlsPreviouslyIndependent)
        .putValue(CONSERVATIVE_CARE_FAILED, conservativeCareFailed)
        .putValue(INTERVENTIONS_ATTEMPTED, interventionsAttempted)
        .putValue(UNSTABLE_FRACTURE, unstableFracture)
        .putValue(ACTIVE_INFECTION, activeInfection)
        .putValue(UNCORRECTED_COAGULOPATHY, uncorrectedCoagulopathy)
        .putValue(BONE_RETROPULSION, boneRetropulsion)
        .putValue(RADICULAR_SYMPTOMS, radicularSymptoms)
        .putValue(SPINAL_TUMOR_OR_CORD_COMPRESSION, spinalTumorOrCordCompression)
        .putValue(MATERIAL_ALLERGY_OR_CONTRAINDICATION, materialAllergyOrContraindication)
        .putValue(OTHER_SPINAL_PAIN_GENERATORS, otherSpinalPainGenerators);
  }

  /** A list of strings stored as JSON, readable by the DMN engine, Cockpit and Tasklist alike. */
  public static org.camunda.bpm.engine.variable.value.ObjectValue levelsValue(List<String> levels) {
    return Variables.objectValue(new ArrayList<>(levels))
        .serializationDataFormat(Variables.SerializationDataFormats.JSON)
        .create();
  }
}
