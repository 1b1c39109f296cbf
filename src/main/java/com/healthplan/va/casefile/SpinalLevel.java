package com.healthplan.va.casefile;

import com.healthplan.va.input.SubmittedValues;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The vertebral levels a fracture may be reported at: C1-C7, T1-T12, L1-L5, S1. Which of them are treatable
 * (T5-L5) is a policy rule and lives in the decision {@code vcfEligibility}, not here.
 */
public final class SpinalLevel {

  private static final List<String> ALL = new ArrayList<>();

  static {
    addRange("C", 7);
    addRange("T", 12);
    addRange("L", 5);
    ALL.add("S1");
  }

  private SpinalLevel() {
  }

  private static void addRange(String region, int count) {
    for (int i = 1; i <= count; i++) {
      ALL.add(region + i);
    }
  }

  public static boolean isLevel(String value) {
    return ALL.contains(value);
  }

  /** The given levels from the top of the spine down. */
  public static List<String> inSpinalOrder(java.util.Collection<String> levels) {
    return ALL.stream().filter(levels::contains).toList();
  }

  /** All levels from the top of the spine down. */
  public static List<String> all() {
    return List.copyOf(ALL);
  }

  /**
   * A submitted list of levels (intake's fracture levels, a procedure's treated or biopsy levels): each a level,
   * none repeated, at least one when {@code atLeastOne}. Returns null, with the field's error, when refused; an
   * absent optional list is empty.
   */
  public static List<String> read(SubmittedValues in, String field, String label, boolean atLeastOne) {
    if (!in.isPresent(field)) {
      if (atLeastOne) {
        in.errors().add(field, label + ": choose at least one level.");
        return null;
      }
      return List.of();
    }
    List<String> levels = in.textList(field, label);
    if (levels == null) {
      return null;
    }
    if (levels.isEmpty() && atLeastOne) {
      in.errors().add(field, label + ": choose at least one level.");
      return null;
    }
    Set<String> seen = new HashSet<>();
    for (String level : levels) {
      if (!isLevel(level)) {
        in.errors().add(field, label + ": " + quoteIfPlain(level)
            + " is not a spinal level (C1-C7, T1-T12, L1-L5, S1).");
        return null;
      }
      if (!seen.add(level)) {
        in.errors().add(field, label + ": " + level + " is listed more than once.");
        return null;
      }
    }
    return List.copyOf(levels);
  }

  /** Echoes short plain values only: a message must never carry markup back to a browser. */
  private static String quoteIfPlain(String text) {
    return text.matches("[A-Za-z0-9]{1,6}") ? "'" + text + "'" : "a value";
  }
}
