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
      PCP_PHONE, MEMBER_EMAIL, MEMBER_ADDRESS, PATIENT_PHONE, PROCEDURE_TYPE, REQUEST_DATE, URGENCY, FRACTURE_LEVELS, FRACTURE_DATE, IMAGING_MODALITY,
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
    Member member = member(in, today);
    Providers providers = providers(in);
    Request request = request(in, today);
    Fracture fracture = fracture(in, request.requestDate() != null ? request.requestDate() : today, member.birthDate());
    Pain pain = pain(in);
    Exclusions exclusions = exclusions(in);
    errors.throwIfAny();
    return new CaseIntake(member.memberId(), member.patientName(), member.birthDate(), providers.name(),
        providers.npi(), providers.email(), providers.pcpName(), providers.pcpEmail(), providers.pcpPhone(),
        member.email(), member.address(), member.phone(), request.procedureType(), request.requestDate(),
        request.urgency(), fracture.levels(), fracture.date(), fracture.modality(), fracture.imagingDate(),
        pain.score(), pain.interferes(), pain.independent(), pain.conservativeCareFailed(), pain.interventions(),
        exclusions.unstable(), exclusions.infection(), exclusions.coagulopathy(), exclusions.retropulsion(),
        exclusions.radicular(), exclusions.tumor(), exclusions.allergy(), exclusions.otherGenerators());
  }

  private record Member(String memberId, String patientName, LocalDate birthDate, String email, String address,
      String phone) {
  }

  private record Providers(String name, String npi, String email, String pcpName, String pcpEmail, String pcpPhone) {
  }

  private record Request(ProcedureType procedureType, LocalDate requestDate, Urgency urgency) {
  }

  private record Fracture(List<String> levels, LocalDate date, ImagingModality modality, LocalDate imagingDate) {
  }

  private record Pain(Integer score, Boolean interferes, Boolean independent, Boolean conservativeCareFailed,
      String interventions) {
  }

  private record Exclusions(Boolean unstable, Boolean infection, Boolean coagulopathy, Boolean retropulsion,
      Boolean radicular, Boolean tumor, Boolean allergy, Boolean otherGenerators) {
  }

  private static Member member(SubmittedValues in, LocalDate today) {
    FieldErrors errors = in.errors();
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
    String email = email(in, MEMBER_EMAIL, "Member e-mail", false);
    String address = in.lines(MEMBER_ADDRESS, "Member postal address", MAX_ADDRESS, false);
    String phone = phone(in, PATIENT_PHONE, "Patient telephone");
    return new Member(memberId, patientName, birthDate, email, address, phone);
  }

  private static Providers providers(SubmittedValues in) {
    String name = in.text(REQUESTING_PROVIDER_NAME, "Requesting provider name", MAX_NAME, true);
    String npi = in.text(REQUESTING_PROVIDER_NPI, "Requesting provider NPI", 10, true);
    if (npi != null && !NationalProviderIdentifier.isValid(npi)) {
      in.errors().add(REQUESTING_PROVIDER_NPI,
          "Requesting provider NPI must be 10 digits with a valid check digit; please check for a typing error.");
    }
    String email = email(in, REQUESTING_PROVIDER_EMAIL, "Requesting provider e-mail", true);
    String pcpName = in.text(PCP_NAME, "PCP name", MAX_NAME, true);
    String pcpEmail = email(in, PCP_EMAIL, "PCP e-mail", true);
    String pcpPhone = phone(in, PCP_PHONE, "PCP phone");
    return new Providers(name, npi, email, pcpName, pcpEmail, pcpPhone);
  }

  private static Request request(SubmittedValues in, LocalDate today) {
    FieldErrors errors = in.errors();
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
    return new Request(procedureType, requestDate, urgency);
  }

  /** The fracture and its imaging: dates on or before the request, after birth, the imaging not before the fracture. */
  private static Fracture fracture(SubmittedValues in, LocalDate latest, LocalDate birthDate) {
    List<String> levels = SpinalLevel.read(in, FRACTURE_LEVELS, "Fracture levels", true);
    LocalDate fractureDate = clinicalDay(in, FRACTURE_DATE, "Fracture date", latest, birthDate);
    ImagingModality modality = in.choice(IMAGING_MODALITY, "Imaging that confirmed the fracture",
        ImagingModality.class, true);
    // without confirming imaging there is no imaging date: one sent along (a form's hidden field, an old value)
    // is not kept
    LocalDate imagingDate = null;
    if (modality != null && modality != ImagingModality.NONE) {
      imagingDate = clinicalDay(in, IMAGING_DATE, "Imaging date", latest, birthDate);
      if (imagingDate != null && fractureDate != null && imagingDate.isBefore(fractureDate)) {
        in.errors().add(IMAGING_DATE, "Imaging date must not be before the fracture date: the imaging confirms the "
            + "fracture.");
        imagingDate = null;
      }
    }
    return new Fracture(levels, fractureDate, modality, imagingDate);
  }

  private static Pain pain(SubmittedValues in) {
    Integer score = in.wholeNumber(PAIN_SCORE, "Pain score (VAS)", 0, 10);
    Boolean interferes = in.yesNo(PAIN_INTERFERES_WITH_ADLS, "Pain interferes with activities of daily living");
    Boolean independent = in.yesNo(ADLS_PREVIOUSLY_INDEPENDENT, "Activities of daily living previously independent");
    Boolean failed = in.yesNo(CONSERVATIVE_CARE_FAILED, "Pain refractory to non-invasive pain intervention(s)");
    String interventions = in.note(INTERVENTIONS_ATTEMPTED, "Interventions attempted", Boolean.TRUE.equals(failed));
    return new Pain(score, interferes, independent, failed, interventions);
  }

  private static Exclusions exclusions(SubmittedValues in) {
    return new Exclusions(
        in.yesNo(UNSTABLE_FRACTURE, "Unstable fracture or stabilization procedure required"),
        in.yesNo(ACTIVE_INFECTION, "Osteomyelitis or any other active infection, including UTI"),
        in.yesNo(UNCORRECTED_COAGULOPATHY, "Uncorrected coagulation disorder"),
        in.yesNo(BONE_RETROPULSION, "Bone fragment retropulsion"),
        in.yesNo(RADICULAR_SYMPTOMS, "Radicular symptoms related to the VCF level"),
        in.yesNo(SPINAL_TUMOR_OR_CORD_COMPRESSION, "Painful metastases to other areas of the spine, spinal cord "
            + "compression, primary bone tumor or solitary plasmacytoma"),
        in.yesNo(MATERIAL_ALLERGY_OR_CONTRAINDICATION, "Known allergy to any of the materials, or any condition that "
            + "is a contraindication in the FDA labeling"),
        in.yesNo(OTHER_SPINAL_PAIN_GENERATORS, "Foraminal stenosis or other spinal degenerative disease, facet "
            + "arthropathy or other significant coexisting spinal or bony pain generators"));
  }

  /** An optional telephone number: digits, spaces and + ( ) . - x. */
  private static String phone(SubmittedValues in, String field, String label) {
    String phone = in.text(field, label, MAX_PHONE, false);
    if (phone != null && !PHONE_PATTERN.matcher(phone).matches()) {
      in.errors().add(field, label + " may contain only digits, spaces and + ( ) . - x (7 to 30 characters).");
      return null;
    }
    return phone;
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
  private static LocalDate clinicalDay(SubmittedValues in, String field, String label, LocalDate latest,
      LocalDate birthDate) {
    LocalDate day = in.day(field, label, true);
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

}
