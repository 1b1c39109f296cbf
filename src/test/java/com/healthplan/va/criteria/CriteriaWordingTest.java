package com.healthplan.va.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.healthplan.va.casefile.SpinalLevel;
import java.io.InputStream;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The numbers of the policy live in threshold cells of the decision {@code vcfEligibility}, where a policy owner
 * may change them in the Modeler; the sentences that state them to reviewers and providers live in
 * {@link EligibilityCriterion} and in the forms. This test reads each threshold cell and requires every sentence
 * of its criterion to state the number the cell holds, so that a changed cell names the sentences to change.
 */
class CriteriaWordingTest {

  static final String DMN = "/bpmn/vcfEligibility.dmn";
  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A threshold as the DMN cell holds it: the cell's text, the words that state it (each must appear in every
   * sentence of its criterion), and the pattern of any such statement (each one found must be one of the words,
   * so that no sentence keeps an old number beside the new one).
   */
  record Threshold(String rule, String cell, List<String> words, Pattern statement) {
  }

  static final Pattern AGE_STATEMENT = Pattern.compile("(?<![0-9])[0-9]+ (?:years?|months?|weeks?|days?)");
  static final Pattern LEVEL_STATEMENT = Pattern.compile("(?<![A-Za-z0-9])[CTLS][0-9]{1,2}(?![0-9])");
  static final Pattern COUNT_STATEMENT = Pattern.compile("(?<![0-9])[0-9]+ levels?");
  /** Any number but the bounds of the scale, "0-10". */
  static final Pattern PAIN_STATEMENT = Pattern.compile("(?<![0-9-])[0-9]+(?![0-9-])");

  static DecisionTable table() {
    try (InputStream in = CriteriaWordingTest.class.getResourceAsStream(DMN)) {
      DmnModelInstance dmn = Dmn.readModelFromStream(in);
      return dmn.getModelElementsByType(DecisionTable.class).iterator().next();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The rule whose output entry is the quoted code. */
  static Rule rule(DecisionTable table, String code) {
    return table.getRules().stream()
        .filter(r -> r.getOutputEntries().stream().anyMatch(o -> o.getText().getTextContent().trim()
            .equals("\"" + code + "\"")))
        .findFirst().orElseThrow(() -> new AssertionError("vcfEligibility has no rule with output \"" + code + "\""));
  }

  /** The text of the rule's cell in the input column whose expression is the given one. */
  static String cell(DecisionTable table, Rule rule, String inputExpression) {
    List<Input> inputs = new ArrayList<>(table.getInputs());
    List<InputEntry> entries = new ArrayList<>(rule.getInputEntries());
    for (int i = 0; i < inputs.size(); i++) {
      if (inputs.get(i).getInputExpression().getText().getTextContent().trim().equals(inputExpression)) {
        return entries.get(i).getText().getTextContent().trim();
      }
    }
    throw new AssertionError("vcfEligibility has no input " + inputExpression);
  }

  static Matcher find(String regex, String cell, String what) {
    Matcher matcher = Pattern.compile(regex).matcher(cell);
    if (!matcher.find()) {
      fail("Cannot read " + what + " from the DMN cell '" + cell + "': teach CriteriaWordingTest the new form "
          + "of the cell, then update the EligibilityCriterion wording to match it.");
    }
    return matcher;
  }

  /** Each criterion with a threshold cell, and the words that state its number. */
  static Map<EligibilityCriterion, Threshold> thresholds() {
    DecisionTable table = table();
    Map<EligibilityCriterion, Threshold> thresholds = new LinkedHashMap<>();

    // fracture age: "... ? + duration("P4M") < date(requestDate)" -> "4 months"
    Rule age = rule(table, EligibilityCriterion.FRACTURE_OLDER_THAN_4_MONTHS.name());
    String ageCell = cell(table, age, "date(fractureDate)");
    Period period = Period.parse(find("duration\\(\"(P[0-9YMWD]+)\"\\)", ageCell, "the fracture age").group(1));
    thresholds.put(EligibilityCriterion.FRACTURE_OLDER_THAN_4_MONTHS,
        new Threshold(age.getId(), ageCell, List.of(inWords(period)),
            AGE_STATEMENT));

    // levels: the list of treatable levels -> its first and last, "T5" and "L5", stated as a range
    Rule levels = rule(table, EligibilityCriterion.LEVEL_OUTSIDE_T5_L5.name());
    String levelsCell = cell(table, levels, "fractureLevels");
    List<String> treatable = Pattern.compile("\"([CTLS][0-9]{1,2})\"")
        .matcher(find("\\[([^\\]]*)\\]", levelsCell, "the list of levels").group(1)).results()
        .map(m -> m.group(1)).toList();
    String first = treatable.get(0);
    String last = treatable.get(treatable.size() - 1);
    List<String> spine = SpinalLevel.all();
    assertThat(treatable)
        .as("The levels of %s are no longer one range from %s to %s: the wording states a range, so rewrite "
            + "EligibilityCriterion.LEVEL_OUTSIDE_T5_L5 wording to match the DMN cell (and this test)", levels.getId(),
            first, last)
        .isEqualTo(spine.subList(spine.indexOf(first), spine.indexOf(last) + 1));
    thresholds.put(EligibilityCriterion.LEVEL_OUTSIDE_T5_L5,
        new Threshold(levels.getId(), levelsCell, List.of(first, last),
            LEVEL_STATEMENT));

    // count: "null, > 3" (or ">= 4") -> "3 levels"
    Rule count = rule(table, EligibilityCriterion.MORE_THAN_3_LEVELS.name());
    String countCell = cell(table, count, "count(fractureLevels)");
    Matcher most = find("(>=?)\\s*([0-9]+)", countCell, "the most levels");
    int maxLevels = Integer.parseInt(most.group(2)) - (most.group(1).equals(">=") ? 1 : 0);
    thresholds.put(EligibilityCriterion.MORE_THAN_3_LEVELS,
        new Threshold(count.getId(), countCell, List.of(maxLevels + " levels"),
            COUNT_STATEMENT));

    // pain: "null, < 7" (or "<= 6") -> "7", the floor of the VAS score
    Rule pain = rule(table, EligibilityCriterion.PAIN_CRITERION_NOT_MET.name());
    String painCell = cell(table, pain, "painScore");
    Matcher below = find("(<=?)\\s*([0-9]+)", painCell, "the pain score floor");
    int floor = Integer.parseInt(below.group(2)) + (below.group(1).equals("<=") ? 1 : 0);
    thresholds.put(EligibilityCriterion.PAIN_CRITERION_NOT_MET,
        new Threshold(pain.getId(), painCell, List.of(String.valueOf(floor)),
            PAIN_STATEMENT));
    return thresholds;
  }

  /** A period as the wording says it: "4 months", "1 year", "6 weeks", "90 days". */
  static String inWords(Period period) {
    List<String> parts = new ArrayList<>();
    if (period.getYears() != 0) {
      parts.add(unit(period.getYears(), "year"));
    }
    if (period.getMonths() != 0) {
      parts.add(unit(period.getMonths(), "month"));
    }
    if (period.getDays() != 0) {
      parts.add(period.getDays() % 7 == 0 ? unit(period.getDays() / 7, "week") : unit(period.getDays(), "day"));
    }
    return String.join(" and ", parts);
  }

  private static String unit(int amount, String unit) {
    return amount + " " + unit + (amount == 1 ? "" : "s");
  }

  /** "4 calendar months" states "4 months": the DMN adds calendar months. */
  static String plain(String sentence) {
    return sentence.replace(" calendar ", " ");
  }

  /** Whether the sentence states the words: as whole words, so "7" is not found in "17" or "T5" in "T50". */
  static boolean states(String sentence, String words) {
    return Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(words) + "(?![0-9])").matcher(plain(sentence)).find();
  }

  /** What is wrong with a sentence for the threshold: words it does not state, or other numbers it states. */
  static List<String> problems(String sentence, Threshold threshold) {
    List<String> problems = new ArrayList<>();
    threshold.words().stream().filter(words -> !states(sentence, words))
        .forEach(words -> problems.add("does not state \"" + words + "\""));
    threshold.statement().matcher(plain(sentence)).results().map(MatchResult::group)
        .filter(stated -> !threshold.words().contains(stated)).distinct()
        .forEach(stated -> problems.add("states \"" + stated + "\" instead of " + threshold.words()));
    return problems;
  }

  /** A line for each sentence that does not state the threshold (none when all do). */
  static List<String> misstated(Threshold threshold, Map<String, String> sentences) {
    List<String> lines = new ArrayList<>();
    sentences.forEach((where, sentence) -> {
      List<String> problems = problems(sentence, threshold);
      if (!problems.isEmpty()) {
        lines.add("  - " + where + " \"" + sentence + "\" " + String.join(" and ", problems));
      }
    });
    return lines;
  }

  static void assertStated(Threshold threshold, Map<String, String> sentences, String fix) {
    List<String> lines = misstated(threshold, sentences);
    if (!lines.isEmpty()) {
      fail(fix + ": the DMN cell '" + threshold.cell() + "' (rule " + threshold.rule() + " of " + DMN
          + ") holds " + threshold.words() + ", but\n" + String.join("\n", lines));
    }
  }

  static Stream<Arguments> criteriaWithAThreshold() {
    return thresholds().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("criteriaWithAThreshold")
  void everyWordingOfTheCriterionStatesItsDmnThreshold(EligibilityCriterion criterion, Threshold threshold) {
    Map<String, String> wordings = new LinkedHashMap<>();
    wordings.put("policy wording (reviewers' checklist)", criterion.policyWording());
    wordings.put("plain language (denial notice)", criterion.plainLanguage());
    wordings.put("request wording (information request)", criterion.requestWording());
    assertStated(threshold, wordings, criterion + ": update EligibilityCriterion." + criterion.name()
        + " wording to match the DMN cell");
  }

  static JsonNode form(String name) throws Exception {
    try (InputStream in = CriteriaWordingTest.class.getResourceAsStream("/forms/" + name + ".form")) {
      return JSON.readTree(in);
    }
  }

  static List<JsonNode> fields(JsonNode components) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode component : components) {
      if (component.has("components")) {
        found.addAll(fields(component.get("components")));
      } else if (component.has("key")) {
        found.add(component);
      }
    }
    return found;
  }

  static JsonNode field(JsonNode form, String key) {
    return fields(form.get("components")).stream().filter(c -> c.get("key").asText().equals(key)).findFirst()
        .orElseThrow(() -> new AssertionError("no field " + key));
  }

  /**
   * The forms state some thresholds too: the prescreen's short labels in the review forms and the description
   * of the fracture date, where the nurse reads how the months are counted.
   */
  @Test
  void theFormsStateTheDmnThresholdsToo() throws Exception {
    Map<EligibilityCriterion, Threshold> thresholds = thresholds();
    Map<EligibilityCriterion, Map<String, String>> sentences = new LinkedHashMap<>();
    for (String name : List.of("reviewCriteria", "medicalDirectorReview")) {
      for (JsonNode option : field(form(name), "prescreenUnmetCriteria").get("values")) {
        EligibilityCriterion criterion = EligibilityCriterion.valueOf(option.get("value").asText());
        if (thresholds.containsKey(criterion) && criterion != EligibilityCriterion.PAIN_CRITERION_NOT_MET) {
          sentences.computeIfAbsent(criterion, c -> new LinkedHashMap<>())
              .put("the prescreen label in forms/" + name + ".form", option.get("label").asText());
        }
      }
    }
    for (String name : List.of("caseIntake", "recordInformation", "reviewCriteria", "medicalDirectorReview")) {
      sentences.computeIfAbsent(EligibilityCriterion.FRACTURE_OLDER_THAN_4_MONTHS, c -> new LinkedHashMap<>())
          .put("the fracture date's description in forms/" + name + ".form",
              field(form(name), "fractureDate").path("description").asText());
    }
    assertThat(sentences).hasSize(3);
    sentences.forEach((criterion, labels) -> assertStated(thresholds.get(criterion), labels,
        criterion + ": update these form texts, like EligibilityCriterion." + criterion.name()
            + " wording, to match the DMN cell"));
  }

  /** The test reads every threshold cell, and tells a stated number from a stale one. */
  @Test
  void theTestReadsTheCellsAndTheSentences() {
    assertThat(thresholds()).containsOnlyKeys(EligibilityCriterion.FRACTURE_OLDER_THAN_4_MONTHS,
        EligibilityCriterion.LEVEL_OUTSIDE_T5_L5, EligibilityCriterion.MORE_THAN_3_LEVELS,
        EligibilityCriterion.PAIN_CRITERION_NOT_MET);
    assertThat(inWords(Period.parse("P4M"))).isEqualTo("4 months");
    assertThat(inWords(Period.parse("P1Y"))).isEqualTo("1 year");
    assertThat(inWords(Period.parse("P6W"))).isEqualTo("6 weeks");
    assertThat(inWords(Period.parse("P120D"))).isEqualTo("120 days");

    Threshold pain = new Threshold("Rule", "null, < 7", List.of("7"), PAIN_STATEMENT);
    assertThat(problems("pain of 7 or more on the 0-10 scale", pain)).isEmpty();
    assertThat(problems("pain of 17 or more", pain)).hasSize(2);
    assertThat(problems("pain of 7 or more, formerly 8", pain)).containsExactly("states \"8\" instead of [7]");
    Threshold age = new Threshold("Rule", "duration(\"P4M\")", List.of("4 months"), AGE_STATEMENT);
    assertThat(problems("within 4 calendar months", age)).isEmpty();
    assertThat(problems("4 months old, within 6 calendar months", age)).hasSize(1);
    Threshold levels = new Threshold("Rule", "[...]", List.of("T5", "L5"), LEVEL_STATEMENT);
    assertThat(problems("levels T5 to L5 only", levels)).isEmpty();
    assertThat(problems("levels T50 to L5, T4", levels)).hasSize(3);
    Threshold count = new Threshold("Rule", "null, > 3", List.of("3 levels"), COUNT_STATEMENT);
    assertThat(problems("3 levels or fewer", count)).isEmpty();
    assertThat(problems("3 or fewer levels", count)).hasSize(1);
  }

  /** Every criterion has all three wordings, and the information request never states a finding. */
  @Test
  void everyCriterionHasThreeWordingsAndTheRequestAsksForRecords() {
    for (EligibilityCriterion criterion : EligibilityCriterion.values()) {
      assertThat(List.of(criterion.policyWording(), criterion.plainLanguage(), criterion.requestWording()))
          .as(criterion.name()).allSatisfy(wording -> assertThat(wording).isNotBlank()).doesNotHaveDuplicates();
      assertThat(criterion.requestWording()).as(criterion.name())
          .doesNotStartWith("The patient has").doesNotStartWith("The fracture is")
          .doesNotContain("not met").doesNotContain("the records do not");
    }
  }
}
