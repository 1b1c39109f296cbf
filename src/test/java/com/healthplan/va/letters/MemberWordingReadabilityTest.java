package com.healthplan.va.letters;

import static org.assertj.core.api.Assertions.assertThat;

import com.healthplan.va.criteria.EligibilityCriterion;
import com.healthplan.va.support.TestPolicy;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The member's reasons read at grade 8 or below (Flesch-Kincaid grade level, the measure plans report for member
 * materials): each criterion's member wording, filled from the policy's cells, on its own. No application context.
 */
class MemberWordingReadabilityTest {

  /** The highest Flesch-Kincaid grade a member's reason may read at. */
  static final double MAX_GRADE = 8.0;

  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9'’-]*");
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+(\\s|$)");

  /** Flesch-Kincaid grade: 0.39 × words per sentence + 11.8 × syllables per word − 15.59. */
  static double grade(String text) {
    int sentences = 0;
    Matcher ends = SENTENCE_END.matcher(text);
    while (ends.find()) {
      sentences++;
    }
    int words = 0;
    int syllables = 0;
    Matcher word = WORD.matcher(text);
    while (word.find()) {
      words++;
      syllables += syllables(word.group());
    }
    return 0.39 * words / Math.max(1, sentences) + 11.8 * syllables / Math.max(1, words) - 15.59;
  }

  /** Vowel groups, less a silent final e; a number or an abbreviation counts as one. */
  static int syllables(String word) {
    String w = word.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    if (w.isEmpty() || w.length() <= 3) {
      return 1;
    }
    w = w.replaceAll("(?:[^laeiouy]es|ed|[^laeiouy]e)$", "").replaceAll("^y", "");
    Matcher groups = Pattern.compile("[aeiouy]{1,2}").matcher(w);
    int count = 0;
    while (groups.find()) {
      count++;
    }
    return Math.max(1, count);
  }

  @Test
  void theMeasureTellsPlainFromDenseText() {
    assertThat(grade("The bone broke. It hurts. We said no.")).isLessThan(2);
    assertThat(grade("Documentation demonstrating refractoriness to conservative management is insufficient "
        + "notwithstanding the administration of nonsteroidal anti-inflammatory medications.")).isGreaterThan(16);
    assertThat(syllables("fracture")).isEqualTo(2);
    assertThat(syllables("procedure")).isEqualTo(3);
  }

  @Test
  void everyCriterionsMemberWordingReadsAtGradeEightOrBelow() {
    Map<String, Double> grades = new LinkedHashMap<>();
    Arrays.stream(EligibilityCriterion.values()).forEach(criterion -> grades.put(criterion.name(),
        Math.round(grade(criterion.memberWording(TestPolicy.TERMS)) * 10) / 10.0));

    assertThat(grades).as("Flesch-Kincaid grade of each criterion's member wording")
        .allSatisfy((criterion, grade) -> assertThat(grade).as(criterion).isLessThanOrEqualTo(MAX_GRADE));
  }
}
