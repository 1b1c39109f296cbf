package com.healthplan.va.appeal;

import com.healthplan.va.casefile.PlanCalendar;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads and writes the appeal of a case ({@code va_appeal}); writers are the appeal's listeners. */
@Repository
public class AppealRepository {

  private final JdbcTemplate jdbc;
  private final PlanCalendar calendar;

  AppealRepository(JdbcTemplate jdbc, PlanCalendar calendar) {
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  /** The appeal of the case's current determination (a case determined again starts without one). */
  public Optional<Appeal> find(String caseId) {
    return jdbc.query("SELECT a.* FROM va_appeal a JOIN va_case c ON c.case_id = a.case_id "
        + "WHERE a.case_id = ? AND a.review_round = c.review_round", this::appeal, caseId).stream().findFirst();
  }

  void open(Appeal appeal) {
    jdbc.update("INSERT INTO va_appeal (case_id, review_round, requested_by, reason, urgency, received_at, "
            + "received_by, due_at, escalation_at, denied_by, updated_at) "
            + "SELECT ?, review_round, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM va_case WHERE case_id = ?",
        appeal.caseId(), appeal.requestedBy().name(), appeal.reason(), appeal.urgency(), moment(appeal.receivedAt()),
        appeal.receivedBy(), moment(appeal.dueAt()), moment(appeal.escalationAt()), appeal.deniedBy(), now(),
        appeal.caseId());
  }

  /** The decision, once: false (nothing changed) when the appeal was decided already. */
  boolean decide(String caseId, Appeal.Outcome outcome, String decidedBy, Instant at, String rationale) {
    return jdbc.update("UPDATE va_appeal SET outcome = ?, decided_by = ?, decided_at = ?, rationale = ?, "
            + "updated_at = ? WHERE case_id = ? AND outcome IS NULL "
            + "AND review_round = (SELECT review_round FROM va_case WHERE case_id = va_appeal.case_id)",
        outcome.name(), decidedBy, moment(at), rationale, now(), caseId) == 1;
  }

  private Appeal appeal(ResultSet row, int number) throws SQLException {
    String outcome = row.getString("outcome");
    return new Appeal(row.getString("case_id"), Appeal.RequestedBy.valueOf(row.getString("requested_by")),
        row.getString("reason"), row.getString("urgency"), instant(row, "received_at"), row.getString("received_by"),
        instant(row, "due_at"), instant(row, "escalation_at"), row.getString("denied_by"),
        outcome == null ? null : Appeal.Outcome.valueOf(outcome), row.getString("decided_by"),
        instant(row, "decided_at"), row.getString("rationale"));
  }

  private OffsetDateTime now() {
    return moment(calendar.now());
  }

  private static OffsetDateTime moment(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
