package com.healthplan.va.followup;

import com.healthplan.va.casefile.FollowUpMilestone;
import com.healthplan.va.casefile.PlanCalendar;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes the follow-ups of a case ({@code va_follow_up}). Writers are the follow-up phase's listeners and
 * delegates and the reports (PCP page, case API), each in the engine's or its own single transaction.
 */
@Repository
public class FollowUpRepository {

  private static final String ORDER = "CASE milestone WHEN 'ONE_WEEK' THEN 1 WHEN 'ONE_MONTH' THEN 2 "
      + "WHEN 'THREE_MONTHS' THEN 3 ELSE 4 END";

  private final JdbcTemplate jdbc;
  private final PlanCalendar calendar;

  FollowUpRepository(JdbcTemplate jdbc, PlanCalendar calendar) {
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  /** Opens the four follow-ups of a recorded procedure once; false when they exist already. */
  boolean open(String caseId, LocalDate procedureDate, List<String> deferredToPcp) {
    Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM va_follow_up WHERE case_id = ?", Integer.class,
        caseId);
    if (existing != null && existing > 0) {
      return false;
    }
    for (FollowUpMilestone milestone : FollowUpMilestone.values()) {
      boolean deferred = milestone.deferrableToPcp() && deferredToPcp.contains(milestone.name());
      jdbc.update("INSERT INTO va_follow_up (case_id, milestone, due_date, deferred_to_pcp, status, overdue_alerts, "
              + "pcp_reminders, pcp_overdue_alerted, updated_at) VALUES (?, ?, ?, ?, ?, 0, 0, FALSE, ?)",
          caseId, milestone.name(), milestone.dueDate(procedureDate), deferred,
          (deferred ? FollowUpStatus.DEFERRED_TO_PCP : FollowUpStatus.SCHEDULED).name(), now());
    }
    return true;
  }

  public List<FollowUp> of(String caseId) {
    return jdbc.query("SELECT * FROM va_follow_up WHERE case_id = ? ORDER BY " + ORDER, this::followUp, caseId);
  }

  public Optional<FollowUp> find(String caseId, FollowUpMilestone milestone) {
    return jdbc.query("SELECT * FROM va_follow_up WHERE case_id = ? AND milestone = ?", this::followUp, caseId,
        milestone.name()).stream().findFirst();
  }

  FollowUp get(String caseId, FollowUpMilestone milestone) {
    return find(caseId, milestone).orElseThrow(() -> new IllegalStateException("No follow-up " + milestone
        + " for " + caseId));
  }

  void enter(String caseId, FollowUpMilestone milestone, FollowUpStatus status) {
    update("UPDATE va_follow_up SET status = ?, updated_at = ? WHERE case_id = ? AND milestone = ?",
        status.name(), now(), caseId, milestone.name());
  }

  /** Defers a follow-up that is not due yet; false (nothing changed) when it is due, done or not deferrable. */
  boolean defer(String caseId, FollowUpMilestone milestone) {
    return jdbc.update("UPDATE va_follow_up SET deferred_to_pcp = TRUE, status = ?, updated_at = ? "
            + "WHERE case_id = ? AND milestone = ? AND status IN ('SCHEDULED', 'DEFERRED_TO_PCP') "
            + "AND pcp_requested_at IS NULL",
        FollowUpStatus.DEFERRED_TO_PCP.name(), now(), caseId, milestone.name()) == 1;
  }

  /** Records the scores once: false (nothing changed) when the follow-up was completed already. */
  boolean complete(String caseId, FollowUpMilestone milestone, FollowUp.Scores scores, String recordedBy,
      Instant at) {
    return jdbc.update("UPDATE va_follow_up SET status = ?, contact_method = ?, pain_score = ?, comfort_score = ?, "
            + "activity_score = ?, note = ?, recorded_by = ?, completed_at = ?, updated_at = ? "
            + "WHERE case_id = ? AND milestone = ? AND status <> ?",
        FollowUpStatus.COMPLETED.name(), scores.contactMethod().name(), scores.painScore(), scores.comfortScore(),
        scores.activityScore(), scores.note(), recordedBy, moment(at), now(), caseId, milestone.name(),
        FollowUpStatus.COMPLETED.name()) == 1;
  }

  /** The next overdue alert's number, counted in the same transaction as the alert's mail. */
  int countOverdueAlert(String caseId, FollowUpMilestone milestone) {
    update("UPDATE va_follow_up SET overdue_alerts = overdue_alerts + 1, status = CASE WHEN status = 'COMPLETED' "
            + "THEN status ELSE 'OVERDUE' END, updated_at = ? WHERE case_id = ? AND milestone = ?",
        now(), caseId, milestone.name());
    return get(caseId, milestone).overdueAlerts();
  }

  void recordPcpRequested(String caseId, FollowUpMilestone milestone, String nonce, Instant at) {
    update("UPDATE va_follow_up SET pcp_link_nonce = ?, pcp_requested_at = ?, updated_at = ? "
        + "WHERE case_id = ? AND milestone = ?", nonce, moment(at), now(), caseId, milestone.name());
  }

  int countPcpReminder(String caseId, FollowUpMilestone milestone) {
    update("UPDATE va_follow_up SET pcp_reminders = pcp_reminders + 1, updated_at = ? "
        + "WHERE case_id = ? AND milestone = ?", now(), caseId, milestone.name());
    return get(caseId, milestone).pcpReminders();
  }

  /** Marks the PCP's report overdue once; false when it was already. */
  boolean markPcpOverdue(String caseId, FollowUpMilestone milestone) {
    return jdbc.update("UPDATE va_follow_up SET pcp_overdue_alerted = TRUE, status = CASE WHEN status = 'COMPLETED' "
            + "THEN status ELSE 'OVERDUE' END, updated_at = ? WHERE case_id = ? AND milestone = ? "
            + "AND pcp_overdue_alerted = FALSE", now(), caseId, milestone.name()) == 1;
  }

  void acknowledge(String caseId, FollowUpMilestone milestone, Instant at) {
    jdbc.update("UPDATE va_follow_up SET pcp_acknowledged_at = ?, updated_at = ? WHERE case_id = ? AND milestone = ? "
        + "AND pcp_acknowledged_at IS NULL", moment(at), now(), caseId, milestone.name());
  }

  private FollowUp followUp(ResultSet row, int number) throws SQLException {
    String method = row.getString("contact_method");
    FollowUp.Scores scores = method == null ? null : new FollowUp.Scores(ContactMethod.valueOf(method),
        row.getInt("pain_score"), row.getInt("comfort_score"), row.getInt("activity_score"), row.getString("note"));
    return new FollowUp(row.getString("case_id"), FollowUpMilestone.valueOf(row.getString("milestone")),
        row.getObject("due_date", LocalDate.class), row.getBoolean("deferred_to_pcp"),
        FollowUpStatus.valueOf(row.getString("status")), scores, row.getString("recorded_by"),
        instant(row, "completed_at"), row.getInt("overdue_alerts"), row.getString("pcp_link_nonce"),
        instant(row, "pcp_requested_at"), row.getInt("pcp_reminders"), instant(row, "pcp_acknowledged_at"),
        row.getBoolean("pcp_overdue_alerted"));
  }

  private void update(String sql, Object... values) {
    int rows = jdbc.update(sql, values);
    if (rows != 1) {
      throw new IllegalStateException("Expected one follow-up row to change, changed " + rows);
    }
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
