package com.healthplan.va.determination;

import static org.assertj.core.api.Assertions.assertThat;

import com.healthplan.va.criteria.EligibilityCriterion;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The decision {@code vcfEligibility} evaluated by the DMN engine directly, rule by rule and at each boundary.
 * Inputs have the types the process stores: dates as ISO {@code yyyy-MM-dd} strings, levels as a list.
 *
 * <p>The decision fails closed: a rule reports its code when an input it needs is missing. The pain criterion
 * needs only one of its arms: a pain score at the floor meets it whatever the ADL answers, and both ADL answers
 * true meet it whatever the pain score; otherwise a missing answer reports it.
 */
class VcfEligibilityDecisionTest {

  private static final LocalDate REQUEST_DATE = LocalDate.of(2026, 5, 15);
  private static DmnEngine dmnEngine;
  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws Exception {
    dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream dmn = VcfEligibilityDecisionTest.class.getResourceAsStream("/bpmn/vertebralAugmentationPolicy.dmn")) {
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

  /** Whether the pain criterion is unmet for an otherwise eligible intake with these answers. */
  static boolean painUnmet(Integer painScore, Boolean interferes, Boolean independent) {
    VariableMap intake = eligibleIntake()
        .putValue("painScore", painScore)
        .putValue("painInterferesWithAdls", interferes)
        .putValue("adlsPreviouslyIndependent", independent);
    return unmet(intake).contains("PAIN_CRITERION_NOT_MET");
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
        "2026-02-28, 2026-06-30, true",    // February 28 plus 4 months is June 28: 4 months and 2 days old
        "2026-03-01, 2026-06-30, false",
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

    /** Around month ends, where subtracting 4 months from the request date (which clamps) reported too late. */
    @ParameterizedTest(name = "request {0}, fracture {1}: unmet={2}")
    @CsvSource({
        "2027-03-31, 2026-11-30, true",    // 4 months and 1 day
        "2026-06-30, 2026-02-28, true",
        "2024-06-30, 2024-02-29, true",
        "2026-03-31, 2025-11-30, true",
        "2027-03-30, 2026-11-30, false",   // exactly 4 months
        "2026-06-28, 2026-02-28, false",
        "2024-06-29, 2024-02-29, false",
        "2026-03-30, 2025-11-30, false",
    })
    void fourMonthsAreAddedToTheFractureDate(LocalDate requestDate, LocalDate fractureDate, boolean unmet) {
      assertThat(olderThanFourMonths(fractureDate, requestDate)).as("the rule's definition").isEqualTo(unmet);
      assertThat(fractureAgeUnmet(fractureDate, requestDate)).isEqualTo(unmet);
    }

    @ParameterizedTest(name = "fracture {0}, request {1}")
    @MethodSource("com.healthplan.va.determination.VcfEligibilityDecisionTest#fractureOnMonthEnd")
    void fractureOnAMonthEndOrLeapDay(LocalDate fractureDate, LocalDate requestDate) {
      assertThat(fractureAgeUnmet(fractureDate, requestDate)).isEqualTo(olderThanFourMonths(fractureDate, requestDate));
    }

    @ParameterizedTest(name = "fracture {0}, request {1}")
    @MethodSource("com.healthplan.va.determination.VcfEligibilityDecisionTest#requestOnMonthEnd")
    void requestOnAMonthEndOrLeapDay(LocalDate fractureDate, LocalDate requestDate) {
      assertThat(fractureAgeUnmet(fractureDate, requestDate)).isEqualTo(olderThanFourMonths(fractureDate, requestDate));
    }

    @Test
    void anUnreadableDateIsUnmet() {
      assertThat(unmet(eligibleIntake().putValue("fractureDate", "2026-13-01")))
          .containsExactly("FRACTURE_OLDER_THAN_4_MONTHS");
    }
  }

  /** The rule's definition: the fracture date plus 4 calendar months is before the request date. */
  static boolean olderThanFourMonths(LocalDate fractureDate, LocalDate requestDate) {
    return fractureDate.plusMonths(4).isBefore(requestDate);
  }

  static boolean fractureAgeUnmet(LocalDate fractureDate, LocalDate requestDate) {
    VariableMap intake = eligibleIntake()
        .putValue("fractureDate", day(fractureDate))
        .putValue("requestDate", day(requestDate));
    return unmet(intake).contains("FRACTURE_OLDER_THAN_4_MONTHS");
  }

  /** Every month end of a leap and a common year, leap days, and 28 February of leap and common years. */
  static Stream<LocalDate> monthEndsAndLeapDays() {
    Stream<LocalDate> monthEnds = Stream.of(2024, 2026)
        .flatMap(year -> IntStream.rangeClosed(1, 12).mapToObj(month -> YearMonth.of(year, month).atEndOfMonth()));
    Stream<LocalDate> february = Stream.of("2024-02-28", "2025-02-28", "2027-02-28", "2028-02-28", "2028-02-29")
        .map(LocalDate::parse);
    return Stream.concat(monthEnds, february);
  }

  /** The fracture on the day; the request 1 day before, on, and 1 day after the fracture date plus 4 months. */
  static Stream<Arguments> fractureOnMonthEnd() {
    return monthEndsAndLeapDays().flatMap(fracture -> Stream.of(-1, 0, 1)
        .map(offset -> Arguments.of(fracture, fracture.plusMonths(4).plusDays(offset))));
  }

  /** The request on the day; the fracture 1 day before, on, and 1 day after the request date minus 4 months. */
  static Stream<Arguments> requestOnMonthEnd() {
    return monthEndsAndLeapDays().flatMap(request -> Stream.of(-1, 0, 1)
        .map(offset -> Arguments.of(request.minusMonths(4).plusDays(offset), request)));
  }

  @Nested
  class MissingInputs {

    @ParameterizedTest(name = "{0} null: {1}")
    @MethodSource("com.healthplan.va.determination.VcfEligibilityDecisionTest#missingInputs")
    void aNullInputReportsTheCodesOfTheRulesThatNeedIt(String variable, List<String> codes) {
      assertThat(unmet(eligibleIntake().putValue(variable, null))).containsExactlyElementsOf(codes);
    }

    @ParameterizedTest(name = "{0} absent: {1}")
    @MethodSource("com.healthplan.va.determination.VcfEligibilityDecisionTest#missingInputs")
    void anAbsentInputReportsTheSameCodes(String variable, List<String> codes) {
      VariableMap intake = eligibleIntake();
      intake.remove(variable);
      assertThat(unmet(intake)).containsExactlyElementsOf(codes);
    }

    @Test
    void bothDatesMissingReportTheFractureAgeOnce() {
      assertThat(unmet(eligibleIntake().putValue("fractureDate", null).putValue("requestDate", null)))
          .containsExactly("FRACTURE_OLDER_THAN_4_MONTHS");
    }

    @Test
    void anEmptyLevelListHasNoLevelWithinT5ToL5ButIsNotMoreThan3() {
      assertThat(unmet(eligibleIntake().putValue("fractureLevels", new ArrayList<>())))
          .containsExactly("LEVEL_OUTSIDE_T5_L5");
    }

    @ParameterizedTest(name = "pain {0}, interferes {1}, previously independent {2}: unmet={3}")
    @CsvSource(nullValues = "null", value = {
        "null, true,  true,  false",  // the ADL arm is met
        "null, true,  false, true",
        "null, false, true,  true",
        "null, null,  true,  true",
        "null, true,  null,  true",
        "null, null,  null,  true",
        "6,    null,  true,  true",
        "6,    true,  null,  true",
        "6,    null,  null,  true",
        "7,    null,  null,  false",  // the severity arm is met
        "10,   false, null,  false",
    })
    void painCriterionWithMissingAnswers(Integer painScore, Boolean interferes, Boolean independent, boolean unmet) {
      assertThat(painUnmet(painScore, interferes, independent)).isEqualTo(unmet);
    }

    @Test
    void anIntakeWithoutAnswersMeetsNoCriterion() {
      VariableMap intake = Variables.createVariables();
      eligibleIntake().keySet().forEach(variable -> intake.putValue(variable, null));
      assertThat(unmet(intake)).containsExactlyElementsOf(EligibilityCriterion.codes());
    }
  }

  /** Each input of the eligible intake, and the codes the decision reports when it alone is missing. */
  static Stream<Arguments> missingInputs() {
    return Stream.of(
        Arguments.of("fractureDate", List.of("FRACTURE_OLDER_THAN_4_MONTHS")),
        Arguments.of("requestDate", List.of("FRACTURE_OLDER_THAN_4_MONTHS")),
        Arguments.of("fractureLevels", List.of("LEVEL_OUTSIDE_T5_L5", "MORE_THAN_3_LEVELS")),
        Arguments.of("painScore", List.of("PAIN_CRITERION_NOT_MET")),  // the ADL arm is not met either
        Arguments.of("painInterferesWithAdls", List.of()),             // pain 8 meets the severity arm
        Arguments.of("adlsPreviouslyIndependent", List.of()),
        Arguments.of("conservativeCareFailed", List.of("NOT_REFRACTORY_TO_CONSERVATIVE_CARE")),
        Arguments.of("imagingModality", List.of("FRACTURE_NOT_CONFIRMED_BY_IMAGING")),
        Arguments.of("unstableFracture", List.of("UNSTABLE_FRACTURE")),
        Arguments.of("activeInfection", List.of("ACTIVE_INFECTION")),
        Arguments.of("uncorrectedCoagulopathy", List.of("UNCORRECTED_COAGULOPATHY")),
        Arguments.of("boneRetropulsion", List.of("BONE_RETROPULSION")),
        Arguments.of("radicularSymptoms", List.of("RADICULAR_SYMPTOMS")),
        Arguments.of("spinalTumorOrCordCompression", List.of("SPINAL_TUMOR_OR_CORD_COMPRESSION")),
        Arguments.of("materialAllergyOrContraindication", List.of("MATERIAL_ALLERGY_OR_CONTRAINDICATION")),
        Arguments.of("otherSpinalPainGenerators", List.of("OTHER_SPINAL_PAIN_GENERATORS")));
  }

  @Test
  void missingInputsCoverEveryIntakeVariable() {
    assertThat(missingInputs().map(arguments -> (String) arguments.get()[0]))
        .containsExactlyInAnyOrderElementsOf(eligibleIntake().keySet());
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
      assertThat(painUnmet(painScore, interferes, independent)).isEqualTo(unmet);
    }
  }

  /** A policy owner changes the pain threshold in one cell of the Modeler's table. */
  @Test
  void painThresholdIsOneCell() throws Exception {
    DmnModelInstance model;
    try (InputStream dmn = VcfEligibilityDecisionTest.class.getResourceAsStream("/bpmn/vertebralAugmentationPolicy.dmn")) {
      model = Dmn.readModelFromStream(dmn);
    }
    DecisionTable table = model.getModelElementById("DecisionTable_UnmetCriteria");
    List<Input> inputs = List.copyOf(table.getInputs());
    int painColumn = inputs.indexOf(model.<Input>getModelElementById("Input_PainScore"));
    List<String> painCells = table.getRules().stream()
        .map(rule -> List.copyOf(rule.getInputEntries()).get(painColumn).getText().getTextContent().trim())
        .filter(cell -> !cell.equals("-"))
        .toList();
    assertThat(painCells).containsExactly("null, < 7");
    assertThat(table.getRules()).extracting(Rule::getOutputEntries)
        .flatExtracting(entries -> entries.stream().map(entry -> entry.getText().getTextContent().trim()).toList())
        .containsExactlyElementsOf(EligibilityCriterion.codes().stream().map(code -> '"' + code + '"').toList());
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
