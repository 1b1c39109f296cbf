package com.healthplan.va.cockpit;

import com.healthplan.va.casefile.PlanCalendar;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The coordinators' board: every open case with its status, urgency, next milestone (or, before the follow-ups,
 * the determination's deadline) and due date, in one query on indexed columns, soonest first.
 */
@Component
public class CaseBoard {

  /** Cases the board no longer follows. */
  private static final String CLOSED = "'CLOSED', 'DENIED', 'CLOSED_INCOMPLETE', 'WITHDRAWN'";
  private static final String QUERY = "WITH next_follow_up AS (SELECT case_id, milestone, due_date, status, "
      + "deferred_to_pcp, ROW_NUMBER() OVER (PARTITION BY case_id ORDER BY due_date) AS position "
      + "FROM va_follow_up WHERE status <> 'COMPLETED') "
      + "SELECT c.case_id, c.status, c.urgency, c.determination_due_at, n.milestone, n.due_date, "
      + "n.status AS follow_up_status, p.scheduled_date, "
      + "(EXISTS (SELECT 1 FROM va_follow_up d WHERE d.case_id = c.case_id AND d.deferred_to_pcp "
      + "AND d.status <> 'COMPLETED') OR (p.deferred_to_pcp IS NOT NULL AND p.deferred_to_pcp <> '' "
      + "AND NOT EXISTS (SELECT 1 FROM va_follow_up f WHERE f.case_id = c.case_id))) AS deferred_to_pcp "
      + "FROM va_case c LEFT JOIN next_follow_up n ON n.case_id = c.case_id AND n.position = 1 "
      + "LEFT JOIN va_procedure p ON p.case_id = c.case_id "
      + "WHERE c.status NOT IN (" + CLOSED + ")";

  /**
   * One open case (contract fields); the due date as {@code yyyy-MM-dd}, which also sorts. {@code deferredToPcp}:
   * a follow-up of the case not yet done is the PCP's (deferred at scheduling or later), whichever comes next.
   */
  public record Row(String caseId, String status, String urgency, String nextMilestone, String dueDate,
      boolean overdue, boolean deferredToPcp) {
  }

  /** The board's filters; null means any. */
  public record Filter(String status, String milestone, Integer dueWithinDays, Boolean overdue,
      Boolean deferredToPcp) {
  }

  private final JdbcTemplate jdbc;
  private final PlanCalendar calendar;

  CaseBoard(JdbcTemplate jdbc, PlanCalendar calendar) {
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  public List<Row> rows(Filter filter) {
    LocalDate today = calendar.today();
    Instant now = calendar.now();
    return jdbc.query(QUERY, (row, number) -> row(row, today, now)).stream()
        .filter(row -> filter.status() == null || filter.status().equals(row.status()))
        .filter(row -> filter.milestone() == null || filter.milestone().equals(row.nextMilestone()))
        .filter(row -> filter.dueWithinDays() == null
            || row.dueDate() != null && row.dueDate().compareTo(today.plusDays(filter.dueWithinDays()).toString()) <= 0)
        .filter(row -> filter.overdue() == null || filter.overdue() == row.overdue())
        .filter(row -> filter.deferredToPcp() == null || filter.deferredToPcp() == row.deferredToPcp())
        .sorted(Comparator.comparing(Row::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Row::caseId))
        .toList();
  }

  private Row row(ResultSet row, LocalDate today, Instant now) throws SQLException {
    String status = row.getString("status");
    String milestone = row.getString("milestone");
    LocalDate dueDate;
    boolean overdue;
    if (milestone != null) {
      dueDate = row.getObject("due_date", LocalDate.class);
      overdue = "OVERDUE".equals(row.getString("follow_up_status"));
    } else if (List.of("IN_REVIEW", "PENDED_FOR_INFORMATION", "MEDICAL_DIRECTOR_REVIEW").contains(status)) {
      OffsetDateTime due = row.getObject("determination_due_at", OffsetDateTime.class);
      dueDate = due == null ? null : due.atZoneSameInstant(calendar.zone()).toLocalDate();
      overdue = due != null && due.toInstant().isBefore(now);
    } else {
      dueDate = row.getObject("scheduled_date", LocalDate.class);
      overdue = false;
    }
    return new Row(row.getString("case_id"), status, row.getString("urgency"), milestone,
        dueDate == null ? null : dueDate.toString(), overdue, row.getBoolean("deferred_to_pcp"));
  }
}
