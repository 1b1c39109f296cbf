package com.healthplan.va.intake;

import static com.healthplan.va.support.Intakes.eligible;
import static com.healthplan.va.support.Intakes.with;
import static com.healthplan.va.support.Intakes.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.healthplan.va.casefile.CaseIntake;
import com.healthplan.va.casefile.ImagingModality;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.casefile.ProcedureType;
import com.healthplan.va.casefile.Urgency;
import com.healthplan.va.input.FieldError;
import com.healthplan.va.input.InvalidCaseInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rule of the contract's intake table, at its boundaries. "Today" is 2026-06-15 in New York. */
class IntakeValidatorTest {

  static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
  static final ZoneId PLAN_ZONE = ZoneId.of("America/New_York");
  // 23:30 in New York is already the next day in UTC: "today" must be the plan's day
  final PlanCalendar calendar = new PlanCalendar(
      Clock.fixed(TODAY.atTime(23, 30).atZone(PLAN_ZONE).toInstant(), PLAN_ZONE));
  final IntakeValidator validator = new IntakeValidator(calendar);

  static Map<String, Object> valid() {
    return eligible(TODAY);
  }

  @Test
  void acceptsAValidIntakeInTheContractsTypes() {
    CaseIntake intake = validator.validate(valid());

    assertThat(intake.memberId()).isEqualTo("M-100234");
    assertThat(intake.patientBirthDate()).isEqualTo(LocalDate.of(1948, 3, 14));
    assertThat(intake.procedureType()).isEqualTo(ProcedureType.KYPHOPLASTY);
    assertThat(intake.fractureLevels()).containsExactly("T12", "L1");
    assertThat(intake.painScore()).isEqualTo(8);
    assertThat(intake.urgency()).isEqualTo(Urgency.STANDARD);
  }

  static Stream<Arguments> acceptedValues() {
    return Stream.of(
        arguments("memberId", "A"),
        arguments("memberId", "A".repeat(40)),
        arguments("memberId", "abc-DEF-123"),
        arguments("patientName", "N".repeat(200)),
        arguments("patientName", "  Jane Doe  "),
        arguments("patientName", "Zoë O'Brien-Łukasiewicz"),
        arguments("patientBirthDate", "2000-02-29"),
        arguments("patientBirthDate", "1900-01-01"),
        arguments("requestingProviderNpi", "1245319599"),
        arguments("requestingProviderEmail", "a@b.co"),
        arguments("pcpEmail", "first.last+va@sub.clinic-name.org"),
        arguments("pcpPhone", null),
        arguments("pcpPhone", ""),
        arguments("pcpPhone", "+1 (555) 010-0000 x12"),
        arguments("procedureType", "VERTEBROPLASTY"),
        arguments("urgency", "EXPEDITED"),
        arguments("urgency", null),
        arguments("requestDate", TODAY.toString()),
        arguments("requestDate", null),
        arguments("requestDate", ""),
        arguments("fractureLevels", List.of("L5")),
        arguments("fractureLevels", List.of("C1", "S1", "T4")),
        arguments("fractureLevels", List.of("T5", "T6", "T7", "T8")),
        // the day of the imaging that confirms it
        arguments("fractureDate", TODAY.minusWeeks(4).toString()),
        arguments("imagingModality", "XRAY"),
        arguments("painScore", 0),
        arguments("painScore", 10),
        arguments("painScore", 7.0),
        arguments("painScore", 7L),
        arguments("interventionsAttempted", "x".repeat(4000)));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("acceptedValues")
  void accepts(String field, Object value) {
    assertThat(validator.validate(with(valid(), field, value))).isNotNull();
  }

  static Stream<Arguments> refusedValues() {
    return Stream.of(
        arguments("memberId", null, "Member ID is required"),
        arguments("memberId", "   ", "Member ID is required"),
        arguments("memberId", "A".repeat(41), "at most 40"),
        arguments("memberId", "M 100", "only letters, digits and hyphens"),
        arguments("memberId", "M_100", "only letters, digits and hyphens"),
        arguments("memberId", 100234, "must be text"),
        arguments("patientName", null, "Patient name is required"),
        arguments("patientName", "N".repeat(201), "at most 200"),
        arguments("patientName", "Jane\nDoe", "on one line"),
        arguments("patientName", "Jane\u0000Doe", "not allowed"),
        arguments("patientBirthDate", null, "Patient date of birth is required"),
        arguments("patientBirthDate", TODAY.toString(), "in the past"),
        arguments("patientBirthDate", TODAY.plusDays(1).toString(), "in the past"),
        arguments("patientBirthDate", "1899-12-31", "1900-01-01"),
        arguments("patientBirthDate", "1950-02-31", "real calendar date"),
        arguments("patientBirthDate", "14/03/1948", "real calendar date"),
        arguments("patientBirthDate", "1948-3-14", "real calendar date"),
        arguments("patientBirthDate", 19480314, "yyyy-MM-dd"),
        arguments("requestingProviderName", null, "Requesting provider name is required"),
        arguments("requestingProviderNpi", null, "Requesting provider NPI is required"),
        arguments("requestingProviderNpi", "1234567890", "check digit"),
        arguments("requestingProviderNpi", "123456789", "check digit"),
        arguments("requestingProviderNpi", "12345678931", "at most 10"),
        arguments("requestingProviderNpi", "12345678a3", "check digit"),
        arguments("requestingProviderEmail", null, "Requesting provider e-mail is required"),
        arguments("requestingProviderEmail", "spine.clinic.example", "e-mail address"),
        arguments("requestingProviderEmail", "spine@localhost", "e-mail address"),
        arguments("requestingProviderEmail", "jane..doe@clinic.example", "e-mail address"),
        arguments("requestingProviderEmail", "jane.@clinic.example", "e-mail address"),
        arguments("pcpEmail", ".jane@clinic.example", "e-mail address"),
        arguments("requestingProviderEmail", "spine@clinic.example\r\nBcc: x@y.z", "on one line"),
        arguments("requestingProviderEmail", "a".repeat(250) + "@b.co", "at most 254"),
        arguments("pcpName", null, "PCP name is required"),
        arguments("pcpEmail", "pcp@", "e-mail address"),
        arguments("pcpPhone", "call me", "PCP phone"),
        arguments("procedureType", null, "Procedure is required"),
        arguments("procedureType", "vertebroplasty", "one of VERTEBROPLASTY, KYPHOPLASTY"),
        arguments("procedureType", "SPINAL_FUSION", "one of VERTEBROPLASTY, KYPHOPLASTY"),
        arguments("requestDate", TODAY.plusDays(1).toString(), "not be in the future"),
        arguments("requestDate", "2026-06-31", "real calendar date"),
        arguments("urgency", "URGENT", "one of STANDARD, EXPEDITED"),
        arguments("fractureLevels", null, "choose at least one level"),
        arguments("fractureLevels", List.of(), "choose at least one level"),
        arguments("fractureLevels", List.of("L6"), "'L6' is not a spinal level"),
        arguments("fractureLevels", List.of("l1"), "'l1' is not a spinal level"),
        arguments("fractureLevels", List.of("<img src=x>"), "a value is not a spinal level"),
        arguments("fractureLevels", List.of("L1", "L1"), "L1 is listed more than once"),
        arguments("fractureLevels", "L1", "must be a list"),
        arguments("fractureLevels", List.of(1), "list of texts"),
        arguments("fractureDate", null, "Fracture date is required"),
        arguments("fractureDate", TODAY.plusDays(1).toString(), "not be after the request date"),
        arguments("fractureDate", "1948-03-13", "before the patient's date of birth"),
        arguments("imagingModality", null, "Imaging that confirmed the fracture is required"),
        arguments("imagingModality", "CT", "one of XRAY, MRI, NONE"),
        arguments("imagingDate", null, "Imaging date is required"),
        arguments("imagingDate", TODAY.plusDays(1).toString(), "not be after the request date"),
        arguments("imagingDate", TODAY.minusWeeks(5).minusDays(1).toString(), "Imaging date must not be before the fracture date"),
        arguments("painScore", null, "Pain score (VAS) is required"),
        arguments("painScore", -1, "whole number from 0 to 10"),
        arguments("painScore", 11, "whole number from 0 to 10"),
        arguments("painScore", 7.5, "whole number from 0 to 10"),
        arguments("painScore", "7", "whole number from 0 to 10"),
        arguments("painScore", true, "whole number from 0 to 10"),
        arguments("painInterferesWithAdls", null, "answered yes or no"),
        arguments("painInterferesWithAdls", "true", "answered yes or no"),
        arguments("interventionsAttempted", null, "Interventions attempted is required"),
        arguments("interventionsAttempted", "x".repeat(4001), "at most 4000"));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("refusedValues")
  void refusesNamingTheField(String field, Object value, String message) {
    assertThatThrownBy(() -> validator.validate(with(valid(), field, value)))
        .isInstanceOfSatisfying(InvalidCaseInputException.class, e -> assertThat(e.errors())
            .singleElement()
            .satisfies(error -> {
              assertThat(error.field()).isEqualTo(field);
              assertThat(error.message()).contains(message);
            }));
  }

  @ParameterizedTest
  @ValueSource(strings = {"painInterferesWithAdls", "adlsPreviouslyIndependent", "conservativeCareFailed",
      "unstableFracture", "activeInfection", "uncorrectedCoagulopathy", "boneRetropulsion", "radicularSymptoms",
      "spinalTumorOrCordCompression", "materialAllergyOrContraindication", "otherSpinalPainGenerators"})
  void everyYesNoQuestionMustBeAnswered(String field) {
    assertThatThrownBy(() -> validator.validate(without(valid(), field)))
        .isInstanceOfSatisfying(InvalidCaseInputException.class,
            e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly(field));
  }

  @Test
  void interventionsAreOptionalWhenConservativeCareDidNotFail() {
    Map<String, Object> intake = with(with(valid(), "conservativeCareFailed", false), "interventionsAttempted", null);
    assertThat(validator.validate(intake).interventionsAttempted()).isNull();
  }

  @Test
  void noImagingMeansNoImagingDate() {
    Map<String, Object> noImaging = with(valid(), "imagingModality", "NONE");
    assertThat(validator.validate(noImaging).imagingDate()).isNull();
    assertThat(validator.validate(with(noImaging, "imagingDate", null)).imagingDate()).isNull();
    assertThat(validator.validate(noImaging).toVariables().get("imagingDate")).isNull();
  }

  @Test
  void clinicalDatesAreCheckedAgainstTheGivenRequestDate() {
    Map<String, Object> intake = with(valid(), "requestDate", "2026-05-01");
    intake.put("fractureDate", "2026-05-02");
    intake.put("imagingDate", "2026-05-01");
    assertThatThrownBy(() -> validator.validate(intake))
        .isInstanceOfSatisfying(InvalidCaseInputException.class, e -> assertThat(e.errors())
            .extracting(FieldError::field).containsExactly("fractureDate"));
  }

  @Test
  void defaultsRequestDateToThePlansTodayAndUrgencyToStandard() {
    CaseIntake intake = validator.validate(without(without(valid(), "requestDate"), "urgency"));
    assertThat(intake.requestDate()).isEqualTo(TODAY);
    assertThat(intake.urgency()).isEqualTo(Urgency.STANDARD);
  }

  @Test
  void reportsEveryBadFieldAtOnce() {
    Map<String, Object> intake = with(with(with(valid(), "painScore", 12), "requestingProviderNpi", "1"),
        "fractureLevels", List.of("X1"));
    assertThatThrownBy(() -> validator.validate(intake))
        .isInstanceOfSatisfying(InvalidCaseInputException.class, e -> assertThat(e.errors())
            .extracting(FieldError::field)
            .containsExactly("requestingProviderNpi", "fractureLevels", "painScore"));
  }

  @Test
  void refusesFieldsThatAreNotIntakeFields() {
    assertThatThrownBy(() -> validator.validate(with(valid(), "caseStatus", "APPROVED")))
        .isInstanceOfSatisfying(InvalidCaseInputException.class, e -> assertThat(e.errors())
            .containsExactly(new FieldError("caseStatus", "'caseStatus' is not an intake field.")));
  }

  @Test
  void refusesAnEmptySubmissionFieldByField() {
    assertThatThrownBy(() -> validator.validate(Map.of()))
        .isInstanceOfSatisfying(InvalidCaseInputException.class, e -> assertThat(e.errors())
            .extracting(FieldError::field)
            .doesNotContain("pcpPhone", "requestDate", "urgency", "imagingDate", "interventionsAttempted")
            .contains("memberId", "fractureLevels", "painScore", "otherSpinalPainGenerators"));
  }

  @Test
  void readsTheValueTypesTasklistAndTheEngineSend() {
    Map<String, Object> intake = valid();
    intake.put("fractureLevels", Spin.JSON("[\"T12\",\"L1\"]"));
    intake.put("painScore", 8.0d);

    CaseIntake checked = validator.validate(intake);

    assertThat(checked.fractureLevels()).containsExactly("T12", "L1");
    assertThat(checked.painScore()).isEqualTo(8);
  }

  @Test
  void refusesDateInstantsWhoseDayDependsOnATimeZone() {
    Date midnightUtc = Date.from(LocalDate.of(1948, 3, 14).atStartOfDay(ZoneId.of("UTC")).toInstant());
    assertThatThrownBy(() -> validator.validate(with(valid(), "patientBirthDate", midnightUtc)))
        .isInstanceOfSatisfying(InvalidCaseInputException.class, e -> assertThat(e.errors()).singleElement()
            .satisfies(error -> assertThat(error.message()).contains("yyyy-MM-dd")));
  }

  @Test
  void storesDatesAsIsoCalendarDatesAndLevelsAsAList() {
    var variables = validator.validate(valid()).toVariables();
    assertThat(variables.get("fractureDate")).isEqualTo(TODAY.minusWeeks(5).toString());
    assertThat(variables.get("fractureLevels")).isEqualTo(new ArrayList<>(List.of("T12", "L1")));
    assertThat(variables.get("painScore")).isEqualTo(8);
  }

  @Test
  void aPatientBornYesterdayIsBornInThePast() {
    Map<String, Object> newborn = with(valid(), "patientBirthDate", TODAY.minusDays(1).toString());
    newborn.put("fractureDate", TODAY.toString());
    newborn.put("imagingDate", TODAY.toString());
    assertThat(validator.validate(newborn).patientBirthDate()).isEqualTo(TODAY.minusDays(1));
  }

  @Test
  void todayIsThePlansDayNotUtcs() {
    assertThat(calendar.now().atZone(ZoneId.of("UTC")).toLocalDate()).isEqualTo(TODAY.plusDays(1));
    assertThat(calendar.today()).isEqualTo(TODAY);
    assertThatThrownBy(() -> validator.validate(with(valid(), "requestDate", TODAY.plusDays(1).toString())))
        .isInstanceOf(InvalidCaseInputException.class);
  }
}
