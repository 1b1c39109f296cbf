package com.healthplan.va.cockpit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The cohort's outcomes for the board's chart: per point (intake, then each milestone) the median and the
 * interquartile range of pain, comfort and activity over the completed follow-ups, in aggregate queries.
 */
@Component
public class Outcomes {

  /** One point of the chart: how many, and quartiles (null when there is nothing yet). */
  public record Point(String label, long count, Double painMedian, Double painQ1, Double painQ3,
      Double comfortMedian, Double comfortQ1, Double comfortQ3, Double activityMedian, Double activityQ1,
      Double activityQ3) {
  }

  private static final Map<String, String> MILESTONES = Map.of("ONE_WEEK", "1 week", "ONE_MONTH", "1 month",
      "THREE_MONTHS", "3 months", "ONE_YEAR", "1 year");

  private final JdbcTemplate jdbc;

  Outcomes(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<Point> cohort() {
    List<Point> points = new ArrayList<>();
    points.add(jdbc.queryForObject("SELECT COUNT(*), " + quartiles("pain_score") + ", NULL, NULL, NULL, NULL, NULL, "
        + "NULL FROM va_case WHERE case_id IN (SELECT case_id FROM va_follow_up)",
        (row, n) -> point("Intake", row)));
    for (String milestone : List.of("ONE_WEEK", "ONE_MONTH", "THREE_MONTHS", "ONE_YEAR")) {
      points.add(jdbc.queryForObject("SELECT COUNT(*), " + quartiles("pain_score") + ", " + quartiles("comfort_score")
              + ", " + quartiles("activity_score") + " FROM va_follow_up WHERE milestone = ? AND status = 'COMPLETED'",
          (row, n) -> point(MILESTONES.get(milestone), row), milestone));
    }
    return points;
  }

  private static String quartiles(String column) {
    return "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY " + column + "), PERCENTILE_CONT(0.25) WITHIN GROUP (ORDER BY "
        + column + "), PERCENTILE_CONT(0.75) WITHIN GROUP (ORDER BY " + column + ")";
  }

  private static Point point(String label, java.sql.ResultSet row) throws java.sql.SQLException {
    return new Point(label, row.getLong(1), number(row, 2), number(row, 3), number(row, 4), number(row, 5),
        number(row, 6), number(row, 7), number(row, 8), number(row, 9), number(row, 10));
  }

  private static Double number(java.sql.ResultSet row, int column) throws java.sql.SQLException {
    Object value = row.getObject(column);
    return value == null ? null : ((Number) value).doubleValue();
  }
}
