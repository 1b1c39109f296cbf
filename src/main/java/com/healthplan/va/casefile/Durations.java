package com.healthplan.va.casefile;

import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/** Settings' periods and durations in the words notices and forms print: "65 days", "72 hours", "4 months". */
public final class Durations {

  private Durations() {
  }

  public static String words(Period period) {
    List<String> parts = new ArrayList<>();
    add(parts, period.getYears(), "year");
    add(parts, period.getMonths(), "month");
    add(parts, period.getDays(), "day");
    return parts.isEmpty() ? "0 days" : String.join(" and ", parts);
  }

  /** Whole hours, or days when the duration is a whole number of days longer than three days. */
  public static String words(Duration duration) {
    long hours = duration.toHours();
    if (hours % 24 == 0 && hours > 72) {
      return words(Period.ofDays((int) (hours / 24)));
    }
    List<String> parts = new ArrayList<>();
    add(parts, (int) hours, "hour");
    add(parts, duration.toMinutesPart(), "minute");
    return parts.isEmpty() ? "0 hours" : String.join(" and ", parts);
  }

  private static void add(List<String> parts, int count, String unit) {
    if (count > 0) {
      parts.add(count + " " + unit + (count == 1 ? "" : "s"));
    }
  }
}
