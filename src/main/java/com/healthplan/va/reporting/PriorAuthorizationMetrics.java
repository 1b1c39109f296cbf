package com.healthplan.va.reporting;

import com.healthplan.va.casefile.PlanCalendar;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Computes the yearly report with one aggregate query per line on the case file, never by loading cases: the
 * requests whose first determination was made in the plan's calendar year (a later round of the same request, after
 * an approval lapsed, is not a new request). Approved: approved in whole or with modifications; denied: denied, or
 * decided adversely on the information at hand. "Approved after appeal" counts the adverse first determinations
 * an appeal overturned, "approved after an extension" the approvals whose deadline was extended.
 */
@Service
public class PriorAuthorizationMetrics {

  private static final String HOURS = "(EXTRACT(EPOCH FROM d.decided_at) - EXTRACT(EPOCH FROM c.received_at)) / 3600.0";
  private static final String APPROVED = "d.outcome IN ('APPROVED', 'APPROVED_WITH_MODIFICATIONS')";

  private final JdbcTemplate jdbc;
  private final PlanCalendar calendar;

  PriorAuthorizationMetrics(JdbcTemplate jdbc, PlanCalendar calendar) {
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  public PriorAuthorizationReport forYear(int year) {
    OffsetDateTime from = LocalDate.of(year, 1, 1).atStartOfDay(calendar.zone()).toOffsetDateTime();
    OffsetDateTime to = LocalDate.of(year + 1, 1, 1).atStartOfDay(calendar.zone()).toOffsetDateTime();
    List<PriorAuthorizationReport.Row> rows = new ArrayList<>();
    for (String urgency : List.of("STANDARD", "EXPEDITED", "ALL")) {
      rows.add(row(urgency, from, to));
    }
    return new PriorAuthorizationReport(year, rows);
  }

  private PriorAuthorizationReport.Row row(String urgency, OffsetDateTime from, OffsetDateTime to) {
    String where = " FROM va_case c"
        + " JOIN va_determination d ON d.case_id = c.case_id AND d.round = 1"
        + " LEFT JOIN va_appeal a ON a.case_id = c.case_id AND a.review_round = 1"
        + " WHERE d.decided_at >= ? AND d.decided_at < ?"
        + ("ALL".equals(urgency) ? "" : " AND c.urgency = ?");
    Object[] args = "ALL".equals(urgency) ? new Object[] {from, to} : new Object[] {from, to, urgency};
    return jdbc.queryForObject("SELECT COUNT(*), "
            + "SUM(CASE WHEN " + APPROVED + " THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN d.outcome IN ('DENIED', 'CLOSED_INCOMPLETE') THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN d.outcome IN ('DENIED', 'CLOSED_INCOMPLETE') AND a.outcome = 'OVERTURNED' THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN " + APPROVED + " AND d.extension_days IS NOT NULL THEN 1 ELSE 0 END), "
            + "AVG(" + HOURS + "), "
            + "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY " + HOURS + ")" + where,
        (result, number) -> {
          long decided = result.getLong(1);
          return new PriorAuthorizationReport.Row(urgency, decided,
              PriorAuthorizationReport.percent(result.getLong(2), decided),
              PriorAuthorizationReport.percent(result.getLong(3), decided),
              PriorAuthorizationReport.percent(result.getLong(4), decided),
              PriorAuthorizationReport.percent(result.getLong(5), decided),
              PriorAuthorizationReport.hours(result.getObject(6) == null ? null : result.getDouble(6)),
              PriorAuthorizationReport.hours(result.getObject(7) == null ? null : result.getDouble(7)));
        }, args);
  }
}
