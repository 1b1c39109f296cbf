package com.healthplan.va.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The decision {@code vcfEligibility} evaluated by the DMN engine directly, rule by rule and at each boundary.
 * Inputs have the types the process stores: dates as ISO {@code yyyy-MM-dd} strings, levels as a list.
 */
class VcfEligibilityDecisionTest {

  private static final LocalDate REQUEST_DATE = LocalDate.of(2026, 5, 15);
  private static DmnEngine dmnEngine;
  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws Exception {
    dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream dmn = VcfEligibilityDecisionTest.class.getResourceAsStream("/bpmn/vcfEligibility.dmn")) {
      decision = dmnEngine.parseDecision("vcfEligibility", dmn);
    }
  }

  /** An intake that meets every criterion. */
  static VariableMap eligibleIntake() {
    return Variables.createVariables()
        .putValue("requestDate", day(REQUEST_DATE))
        .putValue("fractureDate", day(REQUEST_DATE.minusWeeks(6)))
        .putValue("fractureLevels", new ArrayList<>(List.of("L1")))
        .putValue("painScore", 8)
        .putValue("painInterferesWithAdls", false)
        .putValue("adlsPreviouslyIndependent", true)
        .putValue("conservativeCareFailed", true)
        .putValue("imagingModality", "MRI")
        .putValue("unstableFracture", false)
        .putValue("activeInfection", false)
        .putValue("uncorrectedCoagulopathy", false)
        .putValue("boneRetropulsion", false)
        .putValue("radicularSymptoms", false)
        .putValue("spinalTumorOrCordCompression", false)
        .putValue("materialAllergyOrContraindication", false)
        .putValue("otherSpinalPainGenerators", false);
  }

  /** Dates are stored as ISO calendar dates. */
  static String day(LocalDate day) {
    return day.toString();
  }

  static List<String> unmet(VariableMap intake) {
    return dmnEngine.evaluateDecisionTable(decision, intake).collectEntries("unmetCriterion");
  }

  @Test
  void eligibleIntakeMeetsEveryCriterion() {
    assertThat(unmet(eligibleIntake())).isEmpty();
  }

  @Nested
  class FractureAge {

    @ParameterizedTest(name = "fracture {0} before request {1}: unmet={2}")
    @CsvSource({
        "2026-01-15, 2026-05-15, false",   // exactly 4 months old meets
        "2026-01-14, 2026-05-15, true",    // 4 months and 1 day does not
        "2026-05-15, 2026-05-15, false",   // fractured on the request date
        "2026-02-28, 2026-06-30, false",   // month end: June 30 minus 4 months is February 28
        "2026-02-27, 2026-06-30, true",
        "2024-02-29, 2024-06-29, false",   // leap year
        "2024-02-28, 2024-06-29, true",
        "2025-10-31, 2026-02-28, false",   // across the year end, to a shorter month
        "2025-10-27, 2026-02-28, true",
    })
    void fractureMayBeAtMostFourCalendarMonthsOld(LocalDate fractureDate, LocalDate requestDate, boolean unmet) {
      VariableMap intake = eligibleIntake()
          .putValue("fractureDate", day(fractureDate))
          .putValue("requestDate", day(requestDate));
      assertThat(unmet(intake).contains("FRACTURE_OLDER_THAN_4_MONTHS")).isEqualTo(unmet);
    }
  }

  @Nested
  class Levels {

    @ParameterizedTest
    @ValueSource(strings = {"T5", "T6", "T12", "L1", "L5"})
    void levelsFromT5ToL5AreCovered(String level) {
      assertThat(unmet(eligibleIntake().putValue("fractureLevels", List.of(level)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"T4", "S1", "C7", "T1"})
    void levelsOutsideT5ToL5AreNot(String level) {
      assertThat(unmet(eligibleIntake().putValue("fractureLevels", List.of("L2", level))))
          .containsExactly("LEVEL_OUTSIDE_T5_L5");
    }

    @Test
    void threeLevelsMeetTheLimit() {
      assertThat(unmet(eligibleIntake().putValue("fractureLevels", List.of("T11", "T12", "L1")))).isEmpty();
    }

    @Test
    void fourLevelsExceedIt() {
      assertThat(unmet(eligibleIntake().putValue("fractureLevels", List.of("T10", "T11", "T12", "L1"))))
          .containsExactly("MORE_THAN_3_LEVELS");
    }
  }

  @Nested
  class Pain {

    @ParameterizedTest(name = "pain {0}, interferes {1}, previously independent {2}: unmet={3}")
    @CsvSource({
        "7,  false, false, false",  // at the severity floor
        "6,  false, true,  true",   // below it, no interference
        "6,  true,  true,  false",  // below it, interferes with previously independent ADLs
        "6,  true,  false, true",   // interferes, but ADLs were not independent before
        "0,  true,  true,  false",
        "10, false, false, false",
    })
    void severeOrFunctionLimitingPain(int painScore, boolean interferes, boolean independent, boolean unmet) {
      VariableMap intake = eligibleIntake()
          .putValue("painScore", painScore)
          .putValue("painInterferesWithAdls", interferes)
          .putValue("adlsPreviouslyIndependent", independent);
      assertThat(unmet(intake).contains("PAIN_CRITERION_NOT_MET")).isEqualTo(unmet);
    }
  }

  @Test
  void painMustBeRefractoryToConservativeCare() {
    assertThat(unmet(eligibleIntake().putValue("conservativeCareFailed", false)))
        .containsExactly("NOT_REFRACTORY_TO_CONSERVATIVE_CARE");
  }

  @ParameterizedTest
  @ValueSource(strings = {"XRAY", "MRI"})
  void xrayOrMriConfirmsTheFracture(String modality) {
    assertThat(unmet(eligibleIntake().putValue("imagingModality", modality))).isEmpty();
  }

  @Test
  void noImagingLeavesTheFractureUnconfirmed() {
    assertThat(unmet(eligibleIntake().putValue("imagingModality", "NONE")))
        .containsExactly("FRACTURE_NOT_CONFIRMED_BY_IMAGING");
  }

  @ParameterizedTest
  @CsvSource({
      "unstableFracture, UNSTABLE_FRACTURE",
      "activeInfection, ACTIVE_INFECTION",
      "uncorrectedCoagulopathy, UNCORRECTED_COAGULOPATHY",
      "boneRetropulsion, BONE_RETROPULSION",
      "radicularSymptoms, RADICULAR_SYMPTOMS",
      "spinalTumorOrCordCompression, SPINAL_TUMOR_OR_CORD_COMPRESSION",
      "materialAllergyOrContraindication, MATERIAL_ALLERGY_OR_CONTRAINDICATION",
      "otherSpinalPainGenerators, OTHER_SPINAL_PAIN_GENERATORS",
  })
  void eachExclusionIsAnUnmetCriterion(String variable, String code) {
    assertThat(unmet(eligibleIntake().putValue(variable, true))).containsExactly(code);
  }

  @Test
  void everyUnmetCriterionIsListedInContractOrder() {
    VariableMap intake = eligibleIntake()
        .putValue("fractureDate", day(REQUEST_DATE.minusMonths(5)))
        .putValue("fractureLevels", List.of("C1", "C2", "T4", "S1"))
        .putValue("painScore", 3)
        .putValue("conservativeCareFailed", false)
        .putValue("imagingModality", "NONE");
    EligibilityCriterion.codes().subList(6, 14).forEach(code -> intake.putValue(variableOf(code), true));

    assertThat(unmet(intake)).containsExactlyElementsOf(EligibilityCriterion.codes());
  }

  private static String variableOf(String exclusionCode) {
    return switch (exclusionCode) {
      case "UNSTABLE_FRACTURE" -> "unstableFracture";
      case "ACTIVE_INFECTION" -> "activeInfection";
      case "UNCORRECTED_COAGULOPATHY" -> "uncorrectedCoagulopathy";
      case "BONE_RETROPULSION" -> "boneRetropulsion";
      case "RADICULAR_SYMPTOMS" -> "radicularSymptoms";
      case "SPINAL_TUMOR_OR_CORD_COMPRESSION" -> "spinalTumorOrCordCompression";
      case "MATERIAL_ALLERGY_OR_CONTRAINDICATION" -> "materialAllergyOrContraindication";
      case "OTHER_SPINAL_PAIN_GENERATORS" -> "otherSpinalPainGenerators";
      default -> throw new IllegalArgumentException(exclusionCode);
    };
  }
}
