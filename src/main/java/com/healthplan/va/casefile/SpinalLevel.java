package com.healthplan.va.casefile;

import java.util.ArrayList;
import java.util.List;

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

  /** All levels from the top of the spine down. */
  public static List<String> all() {
    return List.copyOf(ALL);
  }
}
