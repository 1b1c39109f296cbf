package com.healthplan.va.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The yearly prior-authorization metrics, for standard and expedited requests separately and together: requests
 * decided in the year, the share approved and denied, approved after an appeal or after an extension, and the
 * average and median hours from receipt to determination.
 */
public record PriorAuthorizationReport(int year, List<Row> rows) {

  /** One line of the report: {@code STANDARD}, {@code EXPEDITED} or {@code ALL}. */
  public record Row(String urgency, long requestsDecided, BigDecimal percentApproved, BigDecimal percentDenied,
      BigDecimal percentApprovedAfterAppeal, BigDecimal percentApprovedAfterExtension,
      BigDecimal averageHoursToDetermination, BigDecimal medianHoursToDetermination) {
  }

  static BigDecimal percent(long part, long whole) {
    return whole == 0 ? null
        : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
  }

  static BigDecimal hours(Double value) {
    return value == null ? null : BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
  }

  /** The report as CSV (RFC 4180), one line per row after a header. */
  public String csv() {
    StringBuilder csv = new StringBuilder("year,urgency,requests_decided,percent_approved,percent_denied,"
        + "percent_approved_after_appeal,percent_approved_after_extension,average_hours_to_determination,"
        + "median_hours_to_determination\r\n");
    for (Row row : rows) {
      csv.append(year).append(',').append(row.urgency()).append(',').append(row.requestsDecided());
      for (BigDecimal value : List.of(nullable(row.percentApproved()), nullable(row.percentDenied()),
          nullable(row.percentApprovedAfterAppeal()), nullable(row.percentApprovedAfterExtension()),
          nullable(row.averageHoursToDetermination()), nullable(row.medianHoursToDetermination()))) {
        csv.append(',').append(value.signum() < 0 ? "" : value.toPlainString());
      }
      csv.append("\r\n");
    }
    return csv.toString();
  }

  private static BigDecimal nullable(BigDecimal value) {
    return value == null ? BigDecimal.ONE.negate() : value;
  }
}
