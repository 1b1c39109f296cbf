package com.healthplan.va.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

/**
 * How the application's tables hold values, in one place for every repository: instants as {@code TIMESTAMP WITH
 * TIME ZONE} in UTC, calendar days as {@code DATE}, lists of codes or levels comma-separated in the contract's
 * order (codes and levels contain no commas: they are checked against fixed vocabularies before they are stored).
 */
public final class Rows {

  private Rows() {
  }

  public static OffsetDateTime moment(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  public static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  public static LocalDate day(ResultSet row, String column) throws SQLException {
    return row.getObject(column, LocalDate.class);
  }

  public static Integer integer(ResultSet row, String column) throws SQLException {
    return row.getObject(column, Integer.class);
  }

  public static String codes(Collection<String> codes) {
    return codes == null ? null : String.join(",", codes);
  }

  public static List<String> list(String codes) {
    return codes == null || codes.isEmpty() ? List.of() : List.of(codes.split(","));
  }

  public static List<String> list(ResultSet row, String column) throws SQLException {
    return list(row.getString(column));
  }

  /** Requires an update to have changed exactly one row: anything else is a defect, not user input. */
  public static void one(int rows, String what) {
    if (rows != 1) {
      throw new IllegalStateException("Expected one " + what + " row to change, changed " + rows);
    }
  }
}
