package com.healthplan.va.procedure;

import com.healthplan.va.support.TestPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.camunda.bpm.model.dmn.instance.InputEntry;
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
 * The decision {@code vaPaymentLimits} evaluated by the DMN engine directly, rule by rule and at each boundary.
 * Inputs have the types the procedure phase feeds: dates as ISO {@code yyyy-MM-dd} strings, levels as lists,
 * answers as Booleans.
 *
 * <p>The decision fails closed: a rule reports its finding when an input it needs is missing. A finding never
 * refuses the record; it states what is not payable.
 */
class VaPaymentLimitsDecisionTest {

  /** The contract's payment-finding codes, in the contract's order. */
  static final List<String> CONTRACT_ORDER = List.of(
      "PERFORMED_BEFORE_AUTHORIZATION",
      "LEVEL_NOT_AUTHORIZED",
      "MORE_THAN_3_LEVELS_TREATED",
      "FRACTURE_OLDER_THAN_4_MONTHS_AT_PROCEDURE",
      "PERFORMED_TOO_SOON_WITHOUT_RATIONALE",
      "NO_REAL_TIME_IMAGING_GUIDANCE",
      "PLACEMENT_IMAGES_NOT_RETAINED",
      "FINAL_IMAGES_NOT_RETAINED",
      "NO_OPERATIVE_NARRATIVE",
      "OPEN_SPINE_PROCEDURE_SAME_SESSION",
      "BONE_BIOPSY_SAME_LEVEL",
      "INPATIENT_WITHOUT_JUSTIFICATION");

  /** The plan's minimum days from the fracture to the procedure, as the DMN cell holds it. */
  static final int MINIMUM_DAYS = 21;

  private static final String TOO_SOON = "PERFORMED_TOO_SOON_WITHOUT_RATIONALE";
  private static final String TOO_OLD = "FRACTURE_OLDER_THAN_4_MONTHS_AT_PROCEDURE";
  private static final LocalDate DETERMINATION_DATE = LocalDate.of(2026, 5, 15);
  private static final LocalDate PROCEDURE_DATE = DETERMINATION_DATE.plusDays(7);
  private static DmnEngine dmnEngine;
  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws Exception {
    dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream dmn = dmnFile()) {
      decision = dmnEngine.parseDecision("vaPaymentLimits", dmn);
    }
  }

  static InputStream dmnFile() {
    return VaPaymentLimitsDecisionTest.class.getResourceAsStream("/bpmn/vertebralAugmentationPolicy.dmn");
  }

  /** A procedure record with nothing to find: approved levels only, six weeks after the fracture, outpatient. */
  static VariableMap cleanRecord() {
    return Variables.createVariables()
        .putValue("procedureDate", day(PROCEDURE_DATE))
        .putValue("determinationDate", day(DETERMINATION_DATE))
        .putValue("levelsTreated", new ArrayList<>(List.of("T12", "L1")))
        .putValue("approvedLevels", new ArrayList<>(List.of("T12", "L1")))
        .putValue("fractureDate", day(PROCEDURE_DATE.minusWeeks(6)))
        .putValue("earlyProcedureRationale", null)
        .putValue("imagingGuidance", "FLUOROSCOPY")
        .putValue("trocarPlacementImagesRetained", true)
        .putValue("finalVertebralBodyImagesRetained", true)
        .putValue("operativeNarrativeReceived", true)
        .putValue("openSpineProcedureSameSession", false)
        .putValue("biopsyLevels", new ArrayList<>())
        .putValue("setting", "OUTPATIENT")
        .putValue("inpatientJustification", null);
  }

  static String day(LocalDate day) {
    return day.toString();
  }

  static List<String> findings(VariableMap record) {
    return dmnEngine.evaluateDecisionTable(decision, record).collectEntries("paymentFinding");
  }

  @Test
  void aCleanRecordHasNoFinding() {
    assertThat(findings(cleanRecord())).isEmpty();
  }

  @Nested
  class Authorization {

    @ParameterizedTest(name = "procedure {0} day(s) after the determination: finding={1}")
    @CsvSource({
        "-365, true",
        "-1,   true",   // the day before the approval
        "0,    false",  // on the day of the approval
        "1,    false",
        "90,   false",
    })
    void theProcedureMayNotPrecedeTheDetermination(int offset, boolean finding) {
      LocalDate procedure = DETERMINATION_DATE.plusDays(offset);
      VariableMap record = cleanRecord()
          .putValue("procedureDate", day(procedure))
          .putValue("fractureDate", day(procedure.minusWeeks(6)));
      assertThat(findings(record)).isEqualTo(finding ? List.of("PERFORMED_BEFORE_AUTHORIZATION") : List.of());
    }

    @Test
    void anUnreadableDeterminationDateIsReported() {
      assertThat(findings(cleanRecord().putValue("determinationDate", "15/05/2026")))
          .containsExactly("PERFORMED_BEFORE_AUTHORIZATION");
    }
  }

  @Nested
  class Levels {

    @ParameterizedTest(name = "treated {0}, approved {1}: {2}")
    @MethodSource("com.healthplan.va.procedure.VaPaymentLimitsDecisionTest#treatedAndApprovedLevels")
    void onlyApprovedLevelsAndAtMost3ArePayable(List<String> treated, List<String> approved, List<String> expected) {
      VariableMap record = cleanRecord()
          .putValue("levelsTreated", new ArrayList<>(treated))
          .putValue("approvedLevels", new ArrayList<>(approved));
      assertThat(findings(record)).containsExactlyElementsOf(expected);
    }

    @Test
    void anEmptyTreatedListNamesNoApprovedLevelButIsNotMoreThan3() {
      assertThat(findings(cleanRecord().putValue("levelsTreated", new ArrayList<>())))
          .containsExactly("LEVEL_NOT_AUTHORIZED");
    }
  }

  static Stream<Arguments> treatedAndApprovedLevels() {
    List<String> none = List.of();
    List<String> notAuthorized = List.of("LEVEL_NOT_AUTHORIZED");
    List<String> moreThan3 = List.of("MORE_THAN_3_LEVELS_TREATED");
    return Stream.of(
        Arguments.of(List.of("T12", "L1"), List.of("T12", "L1"), none),                       // equal
        Arguments.of(List.of("L1", "T12"), List.of("T12", "L1"), none),                       // equal, other order
        Arguments.of(List.of("L1"), List.of("T12", "L1"), none),                              // subset
        Arguments.of(List.of("T12", "L1", "L2"), List.of("T12", "L1"), notAuthorized),        // superset
        Arguments.of(List.of("L3"), List.of("T12", "L1"), notAuthorized),                     // disjoint
        Arguments.of(List.of("T12", "L1", "L2"), List.of("T12", "L1", "L2"), none),           // exactly 3
        Arguments.of(List.of("T11", "T12", "L1", "L2"), List.of("T11", "T12", "L1", "L2"), moreThan3),
        Arguments.of(List.of("T11", "T12", "L1", "L2"), List.of("T12", "L1", "L2"),
            List.of("LEVEL_NOT_AUTHORIZED", "MORE_THAN_3_LEVELS_TREATED")));
  }

  @Nested
  class TooSoon {

    @ParameterizedTest(name = "{0} days after the fracture, rationale [{1}]: finding={2}")
    @MethodSource("com.healthplan.va.procedure.VaPaymentLimitsDecisionTest#daysAndRationales")
    void tooSoonIsPayableOnlyWithARationale(int days, String rationale, boolean finding) {
      VariableMap record = cleanRecord()
          .putValue("fractureDate", day(PROCEDURE_DATE.minusDays(days)))
          .putValue("earlyProcedureRationale", rationale);
      assertThat(findings(record)).isEqualTo(finding ? List.of(TOO_SOON) : List.of());
    }

    /** Dates only: no time zone, daylight saving time or month length changes the count. */
    @ParameterizedTest(name = "fracture {0}, procedure {1}: finding={2}")
    @CsvSource({
        "2026-01-31, 2026-02-21, false",  // 21 days across a month end
        "2026-01-31, 2026-02-20, true",   // 20 days
        "2024-02-08, 2024-02-29, false",  // leap day, 21 days
        "2024-02-09, 2024-02-29, true",
        "2024-02-09, 2024-03-01, false",  // across the leap day
        "2025-12-20, 2026-01-10, false",  // across the year end
        "2025-12-21, 2026-01-10, true",
        "2026-03-07, 2026-03-28, false",  // across the start of daylight saving time
        "2026-10-25, 2026-11-14, true",   // across its end, 20 days
        "2026-05-01, 2026-05-01, true",   // on the day of the fracture
        "2026-05-10, 2026-05-01, true",   // dated before the fracture
        "2026-01-01, 2026-05-01, false",  // four months later, the last day the fracture is young enough
    })
    void daysAreCountedBetweenCalendarDates(LocalDate fracture, LocalDate procedure, boolean finding) {
      VariableMap record = cleanRecord()
          .putValue("procedureDate", day(procedure))
          .putValue("determinationDate", day(procedure))
          .putValue("fractureDate", day(fracture));
      assertThat(findings(record)).isEqualTo(finding ? List.of(TOO_SOON) : List.of());
    }

    @ParameterizedTest(name = "rationale [{0}]")
    @CsvSource(nullValues = "null", value = {"null", "''", "'   '", "text"})
    void aMissingDateIsTooSoonUnlessTheProviderGaveARationale(String rationale) {
      VariableMap record = cleanRecord()
          .putValue("fractureDate", null)
          .putValue("earlyProcedureRationale", rationale);
      boolean blank = rationale == null || rationale.isBlank();
      // Without a fracture date its age cannot be shown either: that finding stands whatever the rationale.
      assertThat(findings(record)).isEqualTo(blank ? List.of(TOO_OLD, TOO_SOON) : List.of(TOO_OLD));
    }
  }

  /** The prescreen's cell (fracture date plus 4 calendar months) also bounds the procedure date. */
  @Nested
  class FractureAgeAtProcedure {

    @ParameterizedTest(name = "fracture {0}, procedure {1}: finding={2}")
    @CsvSource({
        "2026-01-15, 2026-05-15, false",  // exactly 4 months old on the day of the procedure
        "2026-01-15, 2026-05-16, true",   // 4 months and 1 day
        "2025-11-30, 2026-03-30, false",
        "2025-11-30, 2026-03-31, true",   // the contract's example: 30 November is too old on 31 March
        "2024-02-29, 2024-06-29, false",  // leap day
        "2024-02-29, 2024-06-30, true",
        "2025-10-31, 2026-02-28, false",  // to a shorter month: 31 October plus 4 months is 28 February
        "2025-10-31, 2026-03-01, true",
    })
    void theFractureMayBeAtMostFourCalendarMonthsOldOnTheProcedureDate(
        LocalDate fracture, LocalDate procedure, boolean finding) {
      VariableMap record = cleanRecord()
          .putValue("procedureDate", day(procedure))
          .putValue("determinationDate", day(procedure))
          .putValue("fractureDate", day(fracture));
      assertThat(findings(record)).isEqualTo(finding ? List.of(TOO_OLD) : List.of());
    }

    @Test
    void anUnreadableProcedureDateCannotShowTheFractureYoungEnough() {
      assertThat(findings(cleanRecord().putValue("procedureDate", "22/05/2026"))).contains(TOO_OLD);
    }
  }

  /** 20, 21 and 22 days (the minimum -1, 0, +1) with no rationale, an empty one, a blank one and a real one. */
  static Stream<Arguments> daysAndRationales() {
    return Stream.of(MINIMUM_DAYS - 1, MINIMUM_DAYS, MINIMUM_DAYS + 1).flatMap(days ->
        Stream.of(null, "", "   ", "\t\n", "Severe pain uncontrolled on opioids; delay not in the patient's interest")
            .map(rationale -> {
              boolean blank = rationale == null || rationale.isBlank();
              return Arguments.of(days, rationale, days < MINIMUM_DAYS && blank);
            }));
  }

  @ParameterizedTest(name = "imaging guidance {0}: finding={1}")
  @CsvSource({"CT, false", "FLUOROSCOPY, false", "NONE, true", "ct, true", "ULTRASOUND, true"})
  void onlyCtOrFluoroscopyIsRealTimeImagingGuidance(String guidance, boolean finding) {
    assertThat(findings(cleanRecord().putValue("imagingGuidance", guidance)))
        .isEqualTo(finding ? List.of("NO_REAL_TIME_IMAGING_GUIDANCE") : List.of());
  }

  @ParameterizedTest(name = "{0} = {1}: {2}")
  @CsvSource(nullValues = "null", value = {
      "trocarPlacementImagesRetained,    true,  null",
      "trocarPlacementImagesRetained,    false, PLACEMENT_IMAGES_NOT_RETAINED",
      "trocarPlacementImagesRetained,    null,  PLACEMENT_IMAGES_NOT_RETAINED",
      "finalVertebralBodyImagesRetained, true,  null",
      "finalVertebralBodyImagesRetained, false, FINAL_IMAGES_NOT_RETAINED",
      "finalVertebralBodyImagesRetained, null,  FINAL_IMAGES_NOT_RETAINED",
      "operativeNarrativeReceived,       true,  null",
      "operativeNarrativeReceived,       false, NO_OPERATIVE_NARRATIVE",
      "operativeNarrativeReceived,       null,  NO_OPERATIVE_NARRATIVE",
      "openSpineProcedureSameSession,    true,  OPEN_SPINE_PROCEDURE_SAME_SESSION",
      "openSpineProcedureSameSession,    false, null",
      "openSpineProcedureSameSession,    null,  OPEN_SPINE_PROCEDURE_SAME_SESSION",
  })
  void eachAnswerThatIsNotShownIsAFinding(String variable, Boolean answer, String finding) {
    assertThat(findings(cleanRecord().putValue(variable, answer)))
        .isEqualTo(finding == null ? List.of() : List.of(finding));
  }

  @ParameterizedTest(name = "{0} as a typed null")
  @ValueSource(strings = {"trocarPlacementImagesRetained", "finalVertebralBodyImagesRetained",
      "operativeNarrativeReceived", "openSpineProcedureSameSession"})
  void aTypedNullAnswerIsNotShownEither(String variable) {
    assertThat(findings(cleanRecord().putValueTyped(variable, Variables.booleanValue(null)))).hasSize(1);
  }

  @Nested
  class Biopsy {

    @ParameterizedTest(name = "biopsy {0}, treated {1}: finding={2}")
    @MethodSource("com.healthplan.va.procedure.VaPaymentLimitsDecisionTest#biopsies")
    void aBiopsyAtATreatedLevelIsNotPayable(List<String> biopsy, List<String> treated, boolean finding) {
      VariableMap record = cleanRecord()
          .putValue("biopsyLevels", biopsy == null ? null : new ArrayList<>(biopsy))
          .putValue("levelsTreated", treated == null ? null : new ArrayList<>(treated));
      assertThat(findings(record).contains("BONE_BIOPSY_SAME_LEVEL")).isEqualTo(finding);
    }
  }

  static Stream<Arguments> biopsies() {
    List<String> treated = List.of("T12", "L1");
    return Stream.of(
        Arguments.of(List.of("L1"), treated, true),          // at a treated level
        Arguments.of(List.of("L3", "T12"), treated, true),   // one of them at a treated level
        Arguments.of(List.of("L3"), treated, false),         // at another level
        Arguments.of(List.of(), treated, false),             // no biopsy
        Arguments.of(null, treated, true),                   // not recorded
        Arguments.of(List.of("L3"), null, true),             // its level cannot be shown to differ
        Arguments.of(List.of("L3"), List.of(), true),
        Arguments.of(List.of(), null, false),                // no biopsy, whatever was treated
        Arguments.of(null, null, true));
  }

  @ParameterizedTest(name = "setting {0}, justification [{1}]: finding={2}")
  @CsvSource(nullValues = "null", value = {
      "INPATIENT,  null,  true",
      "INPATIENT,  '',    true",
      "INPATIENT,  '   ', true",
      "INPATIENT,  'Lives alone, no caregiver; observation after sedation', false",
      "OUTPATIENT, null,  false",
      "OUTPATIENT, '',    false",
      "OUTPATIENT, text,  false",
      "null,       null,  true",
      "null,       text,  false",
      "OBSERVATION, null, true",
  })
  void anInpatientStayNeedsAJustification(String setting, String justification, boolean finding) {
    VariableMap record = cleanRecord()
        .putValue("setting", setting)
        .putValue("inpatientJustification", justification);
    assertThat(findings(record)).isEqualTo(finding ? List.of("INPATIENT_WITHOUT_JUSTIFICATION") : List.of());
  }

  @Test
  void everyFindingAtOnceComesOutInContractOrder() {
    LocalDate procedure = DETERMINATION_DATE.minusDays(2);
    VariableMap record = Variables.createVariables()
        .putValue("inpatientJustification", " ")
        .putValue("setting", "INPATIENT")
        .putValue("biopsyLevels", new ArrayList<>(List.of("L2")))
        .putValue("openSpineProcedureSameSession", true)
        .putValue("operativeNarrativeReceived", false)
        .putValue("finalVertebralBodyImagesRetained", false)
        .putValue("trocarPlacementImagesRetained", false)
        .putValue("imagingGuidance", "NONE")
        .putValue("earlyProcedureRationale", "")
        .putValue("fractureDate", null)  // neither young enough nor long enough ago can be shown
        .putValue("approvedLevels", new ArrayList<>(List.of("T12", "L1")))
        .putValue("levelsTreated", new ArrayList<>(List.of("T11", "T12", "L1", "L2")))
        .putValue("determinationDate", day(DETERMINATION_DATE))
        .putValue("procedureDate", day(procedure));

    assertThat(findings(record)).containsExactlyElementsOf(CONTRACT_ORDER);
  }

  @Test
  void someFindingsComeOutInContractOrder() {
    VariableMap record = cleanRecord()
        .putValue("setting", "INPATIENT")
        .putValue("imagingGuidance", "NONE")
        .putValue("procedureDate", day(DETERMINATION_DATE.minusDays(1)));
    assertThat(findings(record)).containsExactly(
        "PERFORMED_BEFORE_AUTHORIZATION", "NO_REAL_TIME_IMAGING_GUIDANCE", "INPATIENT_WITHOUT_JUSTIFICATION");
  }

  @Nested
  class MissingInputs {

    @ParameterizedTest(name = "{0} null: {1}")
    @MethodSource("com.healthplan.va.procedure.VaPaymentLimitsDecisionTest#missingInputs")
    void aNullInputReportsTheFindingsOfTheRulesThatNeedIt(String variable, List<String> codes) {
      assertThat(findings(cleanRecord().putValue(variable, null))).containsExactlyElementsOf(codes);
    }

    @ParameterizedTest(name = "{0} absent: {1}")
    @MethodSource("com.healthplan.va.procedure.VaPaymentLimitsDecisionTest#missingInputs")
    void anAbsentInputReportsTheSameFindings(String variable, List<String> codes) {
      VariableMap record = cleanRecord();
      record.remove(variable);
      assertThat(findings(record)).containsExactlyElementsOf(codes);
    }

    @Test
    void aRecordWithoutAnswersReportsEveryFinding() {
      VariableMap record = Variables.createVariables();
      cleanRecord().keySet().forEach(variable -> record.putValue(variable, null));
      assertThat(findings(record)).containsExactlyElementsOf(CONTRACT_ORDER);
      assertThat(findings(Variables.createVariables())).containsExactlyElementsOf(CONTRACT_ORDER);
    }
  }

  /** Each input of the clean record, and the findings the decision reports when it alone is missing. */
  static Stream<Arguments> missingInputs() {
    return Stream.of(
        Arguments.of("procedureDate", List.of("PERFORMED_BEFORE_AUTHORIZATION", TOO_OLD, TOO_SOON)),
        Arguments.of("determinationDate", List.of("PERFORMED_BEFORE_AUTHORIZATION")),
        Arguments.of("levelsTreated", List.of("LEVEL_NOT_AUTHORIZED", "MORE_THAN_3_LEVELS_TREATED")),  // no biopsy
        Arguments.of("approvedLevels", List.of("LEVEL_NOT_AUTHORIZED")),
        Arguments.of("fractureDate", List.of(TOO_OLD, TOO_SOON)),
        Arguments.of("earlyProcedureRationale", List.of()),  // six weeks after the fracture: none needed
        Arguments.of("imagingGuidance", List.of("NO_REAL_TIME_IMAGING_GUIDANCE")),
        Arguments.of("trocarPlacementImagesRetained", List.of("PLACEMENT_IMAGES_NOT_RETAINED")),
        Arguments.of("finalVertebralBodyImagesRetained", List.of("FINAL_IMAGES_NOT_RETAINED")),
        Arguments.of("operativeNarrativeReceived", List.of("NO_OPERATIVE_NARRATIVE")),
        Arguments.of("openSpineProcedureSameSession", List.of("OPEN_SPINE_PROCEDURE_SAME_SESSION")),
        Arguments.of("biopsyLevels", List.of("BONE_BIOPSY_SAME_LEVEL")),
        Arguments.of("setting", List.of("INPATIENT_WITHOUT_JUSTIFICATION")),
        Arguments.of("inpatientJustification", List.of()));  // outpatient: none needed
  }

  @Test
  void missingInputsCoverEveryInputOfTheRecord() {
    assertThat(missingInputs().map(arguments -> (String) arguments.get()[0]))
        .containsExactlyInAnyOrderElementsOf(cleanRecord().keySet());
  }

  @Nested
  class Table {

    private DmnModelInstance model;
    private DecisionTable table;

    Table() throws Exception {
      try (InputStream dmn = dmnFile()) {
        model = Dmn.readModelFromStream(dmn);
      }
      table = model.getModelElementById("DecisionTable_PaymentFindings");
    }

    private static String output(Rule rule) {
      return rule.getOutputEntries().iterator().next().getText().getTextContent().trim();
    }

    private static List<String> cells(Rule rule) {
      return rule.getInputEntries().stream().map(InputEntry::getText)
          .map(text -> text.getTextContent().trim()).toList();
    }

    @Test
    void theRulesFollowTheContractAndPaymentFinding() {
      assertThat(PaymentFinding.codes()).containsExactlyElementsOf(CONTRACT_ORDER);
      assertThat(table.getRules()).extracting(Table::output)
          .containsExactlyElementsOf(CONTRACT_ORDER.stream().map(code -> '"' + code + '"').toList());
      assertThat(table.getOutputs()).hasSize(1);
      assertThat(table.getOutputs().iterator().next().getOutputValues().getText().getTextContent())
          .isEqualTo(String.join(",", CONTRACT_ORDER.stream().map(code -> '"' + code + '"').toList()));
      assertThat(table.getHitPolicy().name()).isEqualTo("COLLECT");
    }

    /** A policy owner changes the minimum days in one cell; the finding's wording must say the same number. */
    @Test
    void theMinimumDaysAreOneCellAndTheFindingSaysThem() {
      Rule tooSoon = table.getRules().stream().filter(rule -> output(rule).equals('"' + TOO_SOON + '"'))
          .findFirst().orElseThrow();
      List<String> numberCells = cells(tooSoon).stream().filter(cell -> cell.matches(".*\\d.*")).toList();
      assertThat(numberCells).as("cells of %s holding a number", tooSoon.getId()).hasSize(1);
      Matcher minimum = Pattern.compile("null, < (\\d+)").matcher(numberCells.get(0));
      assertThat(minimum.matches()).as("the days cell reads null, < N: %s", numberCells.get(0)).isTrue();
      String days = minimum.group(1);

      List<Input> inputs = List.copyOf(table.getInputs());
      int daysColumn = inputs.indexOf(model.<Input>getModelElementById("PaymentInput_DaysFromFracture"));
      assertThat(cells(tooSoon).get(daysColumn)).isEqualTo(numberCells.get(0));
      assertThat(table.getRules().stream().map(rule -> cells(rule).get(daysColumn)).filter(c -> !c.equals("-")))
          .as("only %s reads the days from the fracture", tooSoon.getId()).hasSize(1);

      PaymentFinding finding = PaymentFinding.PERFORMED_TOO_SOON_WITHOUT_RATIONALE;
      String update = "the DMN cell says " + days + " days: update the wording of PaymentFinding." + finding.name();
      assertThat(finding.policyWording(TestPolicy.TERMS)).as(update).contains(days + " days");
      assertThat(finding.plainLanguage(TestPolicy.TERMS)).as(update).contains(days + " days");
      assertThat(days).as("the boundaries this test class checks").isEqualTo(String.valueOf(MINIMUM_DAYS));
    }
  }

  @Test
  void codesAreKeptInDecisionOrder() {
    List<String> reversed = new ArrayList<>(CONTRACT_ORDER);
    java.util.Collections.reverse(reversed);
    assertThat(PaymentFinding.inDecisionOrder(reversed)).containsExactlyElementsOf(CONTRACT_ORDER);
    assertThat(PaymentFinding.inDecisionOrder(Set.of("INPATIENT_WITHOUT_JUSTIFICATION", "LEVEL_NOT_AUTHORIZED")))
        .containsExactly("LEVEL_NOT_AUTHORIZED", "INPATIENT_WITHOUT_JUSTIFICATION");
    assertThat(PaymentFinding.ofCode("NO_OPERATIVE_NARRATIVE")).contains(PaymentFinding.NO_OPERATIVE_NARRATIVE);
    assertThat(PaymentFinding.ofCode("UNKNOWN")).isEmpty();
    assertThat(Arrays.stream(PaymentFinding.values())).allSatisfy(finding -> {
      assertThat(finding.policyWording(TestPolicy.TERMS)).isNotBlank();
      assertThat(finding.plainLanguage(TestPolicy.TERMS)).endsWith(".");
    });
  }
}
