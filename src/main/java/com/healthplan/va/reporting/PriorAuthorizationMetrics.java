package com.healthplan.va.reporting;

import com.healthplan.va.casefile.PlanCalendar;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Computes the yearly report with one aggregate query per line on the case file (the cases decided in the
 * plan's calendar year), never by loading cases. "Approved after appeal" counts the denials decided in the year
 * whose appeal overturned them, "approved after an extension" the approvals whose deadline was extended.
 */
@Service
public class PriorAuthorizationMetrics {

  private static final String HOURS = "(EXTRACT(EPOCH FROM c.determination_decided_at) - EXTRACT(EPOCH FROM c.received_at)) / 3600.0";

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
        + " LEFT JOIN va_appeal a ON a.case_id = c.case_id AND a.review_round = c.review_round"
        + " WHERE c.determination_decided_at >= ? AND c.determination_decided_at < ?"
        + ("ALL".equals(urgency) ? "" : " AND c.urgency = ?");
    Object[] args = "ALL".equals(urgency) ? new Object[] {from, to} : new Object[] {from, to, urgency};
    return jdbc.queryForObject("SELECT COUNT(*), "
            + "SUM(CASE WHEN c.determination_outcome = 'APPROVED' THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN c.determination_outcome = 'DENIED' THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN a.outcome = 'OVERTURNED' THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN c.determination_outcome = 'APPROVED' AND c.extension_days IS NOT NULL THEN 1 ELSE 0 END), "
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
