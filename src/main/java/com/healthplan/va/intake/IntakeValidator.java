package com.healthplan.va.intake;

import static com.healthplan.va.casefile.CaseVariables.*;

import com.healthplan.va.casefile.CaseIntake;
import com.healthplan.va.casefile.ImagingModality;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.casefile.ProcedureType;
import com.healthplan.va.casefile.SpinalLevel;
import com.healthplan.va.casefile.Urgency;
import com.healthplan.va.input.FieldErrors;
import com.healthplan.va.input.SubmittedValues;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Every rule of the contract's intake table, shared by the case API, the Tasklist start form and the engine
 * REST API. Either all values are acceptable and a {@link CaseIntake} comes back, or the submission is refused
 * with one message per offending field.
 */
@Component
public class IntakeValidator {

  /** Names, single-line free text. */
  static final int MAX_NAME = 200;
  static final int MAX_EMAIL = 254;
  static final int MAX_PHONE = 30;
  static final int MAX_ADDRESS = 300;
  /** Earliest birth date the plan accepts: earlier ones are typing errors. */
  static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

  private static final Pattern MEMBER_ID_PATTERN = Pattern.compile("[A-Za-z0-9-]{1,40}");
  private static final Pattern EMAIL_PATTERN = Pattern.compile(
      "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
          + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
  private static final Pattern PHONE_PATTERN = Pattern.compile("[0-9+()./ x-]{7,30}");

  private final PlanCalendar calendar;

  public IntakeValidator(PlanCalendar calendar) {
    this.calendar = calendar;
  }

  /** The intake fields of the contract, in its order. */
  public static final List<String> FIELDS = List.of(MEMBER_ID, PATIENT_NAME, PATIENT_BIRTH_DATE,
      REQUESTING_PROVIDER_NAME, REQUESTING_PROVIDER_NPI, REQUESTING_PROVIDER_EMAIL, PCP_NAME, PCP_EMAIL,
      PCP_PHONE, MEMBER_EMAIL, MEMBER_ADDRESS, PROCEDURE_TYPE, REQUEST_DATE, URGENCY, FRACTURE_LEVELS, FRACTURE_DATE, IMAGING_MODALITY,
      IMAGING_DATE, PAIN_SCORE, PAIN_INTERFERES_WITH_ADLS, ADLS_PREVIOUSLY_INDEPENDENT, CONSERVATIVE_CARE_FAILED,
      INTERVENTIONS_ATTEMPTED, UNSTABLE_FRACTURE, ACTIVE_INFECTION, UNCORRECTED_COAGULOPATHY, BONE_RETROPULSION,
      RADICULAR_SYMPTOMS, SPINAL_TUMOR_OR_CORD_COMPRESSION, MATERIAL_ALLERGY_OR_CONTRAINDICATION,
      OTHER_SPINAL_PAIN_GENERATORS);

  /**
   * Checks a submission, which must hold intake fields only; throws {@code InvalidCaseInputException} naming
   * every offending field.
   */
  public CaseIntake validate(Map<String, ?> submitted) {
    FieldErrors errors = new FieldErrors();
    for (String name : submitted.keySet()) {
      if (!FIELDS.contains(name)) {
        errors.add(name, (name.matches("[A-Za-z0-9_]{1,60}") ? "'" + name + "'" : "A submitted field")
            + " is not an intake field.");
      }
    }
    return validateFacts(submitted, errors);
  }

  /**
   * Checks intake facts, for example a case's facts updated from a provider's documents, adding to errors the
   * caller found; throws if there is any.
   */
  public CaseIntake validateFacts(Map<String, ?> submitted, FieldErrors errors) {
    SubmittedValues in = new SubmittedValues(submitted, errors);
    LocalDate today = calendar.today();

    String memberId = in.text(MEMBER_ID, "Member ID", 40, true);
    if (memberId != null && !MEMBER_ID_PATTERN.matcher(memberId).matches()) {
      errors.add(MEMBER_ID, "Member ID may contain only letters, digits and hyphens (at most 40).");
    }
    String patientName = in.text(PATIENT_NAME, "Patient name", MAX_NAME, true);
    LocalDate birthDate = in.day(PATIENT_BIRTH_DATE, "Patient date of birth", true);
    if (birthDate != null && !birthDate.isBefore(today)) {
      errors.add(PATIENT_BIRTH_DATE, "Patient date of birth must be in the past.");
      birthDate = null;
    } else if (birthDate != null && birthDate.isBefore(EARLIEST_BIRTH_DATE)) {
      errors.add(PATIENT_BIRTH_DATE, "Patient date of birth must not be before 1900-01-01.");
      birthDate = null;
    }

    String providerName = in.text(REQUESTING_PROVIDER_NAME, "Requesting provider name", MAX_NAME, true);
    String npi = in.text(REQUESTING_PROVIDER_NPI, "Requesting provider NPI", 10, true);
    if (npi != null && !NationalProviderIdentifier.isValid(npi)) {
      errors.add(REQUESTING_PROVIDER_NPI,
          "Requesting provider NPI must be 10 digits with a valid check digit; please check for a typing error.");
    }
    String providerEmail = email(in, REQUESTING_PROVIDER_EMAIL, "Requesting provider e-mail", true);
    String pcpName = in.text(PCP_NAME, "PCP name", MAX_NAME, true);
    String pcpEmail = email(in, PCP_EMAIL, "PCP e-mail", true);
    String pcpPhone = in.text(PCP_PHONE, "PCP phone", MAX_PHONE, false);
    if (pcpPhone != null && !PHONE_PATTERN.matcher(pcpPhone).matches()) {
      errors.add(PCP_PHONE, "PCP phone may contain only digits, spaces and + ( ) . - x (7 to 30 characters).");
    }
    String memberEmail = email(in, MEMBER_EMAIL, "Member e-mail", false);
    String memberAddress = in.lines(MEMBER_ADDRESS, "Member postal address", MAX_ADDRESS, false);

    ProcedureType procedureType = in.choice(PROCEDURE_TYPE, "Procedure", ProcedureType.class, true);
    LocalDate requestDate = in.day(REQUEST_DATE, "Request date", false);
    if (requestDate == null && !errors.has(REQUEST_DATE)) {
      requestDate = today;
    }
    if (requestDate != null && requestDate.isAfter(today)) {
      errors.add(REQUEST_DATE, "Request date must not be in the future.");
      requestDate = null;
    }
    Urgency urgency = in.choice(URGENCY, "Urgency", Urgency.class, false);
    if (urgency == null && !errors.has(URGENCY)) {
      urgency = Urgency.STANDARD;
    }

    List<String> levels = fractureLevels(in);
    LocalDate latestClinicalDate = requestDate != null ? requestDate : today;
    LocalDate fractureDate = clinicalDay(in, FRACTURE_DATE, "Fracture date", true, latestClinicalDate, birthDate);
    ImagingModality modality = in.choice(IMAGING_MODALITY, "Imaging that confirmed the fracture",
        ImagingModality.class, true);
    // without confirming imaging there is no imaging date: one sent along (a form's hidden field, an old value)
    // is not kept
    LocalDate imagingDate = null;
    if (modality != null && modality != ImagingModality.NONE) {
      imagingDate = clinicalDay(in, IMAGING_DATE, "Imaging date", true, latestClinicalDate, birthDate);
    }

    Integer painScore = in.wholeNumber(PAIN_SCORE, "Pain score (VAS)", 0, 10);
    Boolean interferes = in.yesNo(PAIN_INTERFERES_WITH_ADLS, "Pain interferes with activities of daily living");
    Boolean independent = in.yesNo(ADLS_PREVIOUSLY_INDEPENDENT, "Activities of daily living previously independent");
    Boolean conservativeCareFailed = in.yesNo(CONSERVATIVE_CARE_FAILED,
        "Pain refractory to non-invasive pain intervention(s)");
    String interventions = in.note(INTERVENTIONS_ATTEMPTED, "Interventions attempted",
        Boolean.TRUE.equals(conservativeCareFailed));

    Boolean unstable = in.yesNo(UNSTABLE_FRACTURE, "Unstable fracture or stabilization procedure required");
    Boolean infection = in.yesNo(ACTIVE_INFECTION, "Osteomyelitis or any other active infection, including UTI");
    Boolean coagulopathy = in.yesNo(UNCORRECTED_COAGULOPATHY, "Uncorrected coagulation disorder");
    Boolean retropulsion = in.yesNo(BONE_RETROPULSION, "Bone fragment retropulsion");
    Boolean radicular = in.yesNo(RADICULAR_SYMPTOMS, "Radicular symptoms related to the VCF level");
    Boolean tumor = in.yesNo(SPINAL_TUMOR_OR_CORD_COMPRESSION,
        "Painful metastases to other areas of the spine, spinal cord compression, primary bone tumor "
            + "or solitary plasmacytoma");
    Boolean allergy = in.yesNo(MATERIAL_ALLERGY_OR_CONTRAINDICATION,
        "Known allergy to any of the materials, or any condition that is a contraindication in the FDA labeling");
    Boolean otherGenerators = in.yesNo(OTHER_SPINAL_PAIN_GENERATORS,
        "Foraminal stenosis or other spinal degenerative disease, facet arthropathy or other significant "
            + "coexisting spinal or bony pain generators");

    errors.throwIfAny();
    return new CaseIntake(memberId, patientName, birthDate, providerName, npi, providerEmail, pcpName, pcpEmail,
        pcpPhone, memberEmail, memberAddress, procedureType, requestDate, urgency, levels, fractureDate, modality, imagingDate, painScore,
        interferes, independent, conservativeCareFailed, interventions, unstable, infection, coagulopathy,
        retropulsion, radicular, tumor, allergy, otherGenerators);
  }

  /** An address the pattern accepts and the mailer can send to (RFC 822 syntax: no "..", no trailing dot). */
  private static String email(SubmittedValues in, String field, String label, boolean required) {
    String email = in.text(field, label, MAX_EMAIL, required);
    if (email != null && !(EMAIL_PATTERN.matcher(email).matches() && isDeliverableSyntax(email))) {
      in.errors().add(field, label + " must be an e-mail address such as name@practice.org.");
      return null;
    }
    return email;
  }

  private static boolean isDeliverableSyntax(String email) {
    try {
      new InternetAddress(email, true).validate();
      return true;
    } catch (AddressException e) {
      return false;
    }
  }

  /** A clinical date: on or before the request date, and not before the patient was born. */
  private static LocalDate clinicalDay(SubmittedValues in, String field, String label, boolean required,
      LocalDate latest, LocalDate birthDate) {
    LocalDate day = in.day(field, label, required);
    if (day == null) {
      return null;
    }
    if (day.isAfter(latest)) {
      in.errors().add(field, label + " must not be after the request date.");
      return null;
    }
    if (birthDate != null && day.isBefore(birthDate)) {
      in.errors().add(field, label + " must not be before the patient's date of birth.");
      return null;
    }
    return day;
  }

  private static List<String> fractureLevels(SubmittedValues in) {
    return SpinalLevel.read(in, FRACTURE_LEVELS, "Fracture levels", true);
  }
}
