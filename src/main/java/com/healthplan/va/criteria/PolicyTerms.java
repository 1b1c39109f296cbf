package com.healthplan.va.criteria;

import com.healthplan.va.casefile.Durations;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The policy's numbers as one version of its decisions holds them, each in its one cell (the fracture age limit,
 * the covered levels, the levels per procedure, the pain floor, the days to wait after an acute fracture), and the
 * words that state them. Every sentence people read that states a number is written from here, never with the
 * number typed into it: a policy owner who changes a cell in the Modeler changes every text with it.
 */
public record PolicyTerms(int criteriaVersion, Period fractureAgeLimit, List<String> coveredLevels,
    int maxLevelsPerProcedure, int painFloor, int minDaysAfterFracture) {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

  public PolicyTerms {
    coveredLevels = List.copyOf(coveredLevels);
  }

  /** The fracture age limit in words: "4 months", "1 year", "4 months and 15 days". */
  public String fractureAge() {
    return Durations.words(fractureAgeLimit);
  }

  /** The covered levels as a range: "T5 to L5". */
  public String levelRange() {
    return coveredLevels.isEmpty() ? "none" : coveredLevels.get(0) + " to " + coveredLevels.get(coveredLevels.size() - 1);
  }

  /** The covered levels as the policy writes them: "T5-L5". */
  public String levelSpan() {
    return coveredLevels.isEmpty() ? "none" : coveredLevels.get(0) + "-" + coveredLevels.get(coveredLevels.size() - 1);
  }

  /**
   * A sentence with the policy's numbers put in: {@code {fractureAge}}, {@code {levelRange}}, {@code {levelSpan}},
   * {@code {maxLevels}}, {@code {painFloor}}, {@code {minDays}}. An unknown placeholder is a defect of the sentence.
   */
  public String fill(String sentence) {
    Map<String, String> values = Map.of("fractureAge", fractureAge(), "levelRange", levelRange(), "levelSpan",
        levelSpan(), "maxLevels",
        String.valueOf(maxLevelsPerProcedure), "painFloor", String.valueOf(painFloor), "minDays",
        String.valueOf(minDaysAfterFracture));
    Matcher matcher = PLACEHOLDER.matcher(sentence);
    StringBuilder filled = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null) {
        throw new IllegalArgumentException("No policy term {" + matcher.group(1) + "}");
      }
      matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    return matcher.appendTail(filled).toString();
  }
}
