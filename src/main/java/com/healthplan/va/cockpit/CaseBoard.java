package com.healthplan.va.cockpit;

import com.healthplan.va.casefile.CaseIntake;
import com.healthplan.va.casefile.CaseSearch;
import com.healthplan.va.casefile.CaseStatus;
import com.healthplan.va.casefile.PlanCalendar;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The coordinators' board: every open case with its status, urgency, next milestone (or, before the follow-ups,
 * the determination's deadline) and due date, soonest first.
 */
@Component
public class CaseBoard {

  /** Cases the board no longer follows. */
  private static final String CLOSED = "'CLOSED', 'DENIED', 'CLOSED_INCOMPLETE', 'WITHDRAWN'";
  private static final String OPEN_CASES = "SELECT c.case_id, c.status, c.urgency, c.patient_name, c.member_id, "
      + "d.due_at AS determination_due_at, "
      + "p.scheduled_date, p.deferred_to_pcp FROM va_case c "
      + "JOIN va_determination d ON d.case_id = c.case_id AND d.round = c.review_round "
      + "LEFT JOIN va_procedure p ON p.case_id = c.case_id WHERE c.status NOT IN (" + CLOSED + ")";
  private static final String OPEN_FOLLOW_UPS = "SELECT f.case_id, f.milestone, f.due_date, f.deferred_to_pcp, "
      + "f.pcp_overdue_alerted FROM va_follow_up f JOIN va_case c ON c.case_id = f.case_id "
      + "WHERE f.status <> 'COMPLETED' AND c.status NOT IN (" + CLOSED + ")";

  /** A follow-up not yet done, as the board needs it. */
  private record OpenFollowUp(String milestone, LocalDate dueDate, boolean overdue, boolean deferredToPcp) {
  }

  /** The follow-ups not yet done of one case: the next one, and whether any is the PCP's. */
  private record FollowUps(OpenFollowUp next, boolean anyDeferred) {
    FollowUps with(OpenFollowUp followUp) {
      OpenFollowUp sooner = next == null || followUp.dueDate().isBefore(next.dueDate()) ? followUp : next;
      return new FollowUps(sooner, anyDeferred || followUp.deferredToPcp());
    }
  }

  /**
   * One open case (contract fields); the due date as {@code yyyy-MM-dd}, which also sorts. {@code deferredToPcp}:
   * a follow-up of the case not yet done is the PCP's (deferred at scheduling or later), whether or not it is the
   * next one. {@code patient}: the name for administrators, initials for coordinators; {@code statusText} and
   * the rest in words are the board's to show.
   */
  public record Row(String caseId, String status, String urgency, String nextMilestone, String dueDate,
      boolean overdue, boolean deferredToPcp, String patient, String memberId, String statusText) {

    Row named(boolean names, String patientName) {
      return new Row(caseId, status, urgency, nextMilestone, dueDate, overdue, deferredToPcp,
          names ? patientName : CaseIntake.initialsOf(patientName), memberId, statusText);
    }
  }

  /** Cases a search found, open or finished: the board's row for an open one, its status for the others. */
  public record Found(List<Row> rows, boolean more) {
  }

  /** The board's filters; null means any. */
  public record Filter(String status, String milestone, Integer dueWithinDays, Boolean overdue,
      Boolean deferredToPcp) {
  }

  private final JdbcTemplate jdbc;
  private final PlanCalendar calendar;
  private final CaseSearch search;

  CaseBoard(JdbcTemplate jdbc, PlanCalendar calendar, CaseSearch search) {
    this.search = search;
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  /**
   * Two queries on indexed columns (open cases with their schedule; their follow-ups not yet done), joined here:
   * no query per row, so the board stays linear in the number of open cases.
   */
  public List<Row> rows(Filter filter, boolean names) {
    LocalDate today = calendar.today();
    Instant now = calendar.now();
    Map<String, FollowUps> followUps = new HashMap<>();
    jdbc.query(OPEN_FOLLOW_UPS, (ResultSet row) -> {
      LocalDate due = row.getObject("due_date", LocalDate.class);
      boolean deferred = row.getBoolean("deferred_to_pcp");
      // overdue as the plan's calendar has it today: past the due day, or the PCP's report past its reminders
      boolean overdue = deferred ? row.getBoolean("pcp_overdue_alerted") : today.isAfter(due);
      OpenFollowUp followUp = new OpenFollowUp(row.getString("milestone"), due, overdue, deferred);
      followUps.merge(row.getString("case_id"), new FollowUps(followUp, followUp.deferredToPcp()),
          (known, added) -> known.with(added.next()));
    });
    return jdbc.query(OPEN_CASES, (row, number) -> row(row, followUps.get(row.getString("case_id")), now)
            .named(names, row.getString("patient_name"))).stream()
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

  private Row row(ResultSet row, FollowUps followUps, Instant now) throws SQLException {
    String status = row.getString("status");
    String milestone = null;
    LocalDate dueDate;
    boolean overdue;
    boolean deferred;
    if (followUps != null) {
      milestone = followUps.next().milestone();
      dueDate = followUps.next().dueDate();
      overdue = followUps.next().overdue();
      deferred = followUps.anyDeferred();
    } else if (List.of("IN_REVIEW", "PENDED_FOR_INFORMATION", "MEDICAL_DIRECTOR_REVIEW").contains(status)) {
      OffsetDateTime due = row.getObject("determination_due_at", OffsetDateTime.class);
      dueDate = due == null ? null : due.atZoneSameInstant(calendar.zone()).toLocalDate();
      overdue = due != null && due.toInstant().isBefore(now);
      deferred = false;
    } else {
      dueDate = row.getObject("scheduled_date", LocalDate.class);
      overdue = false;
      // deferred at scheduling, before the follow-ups exist
      String scheduledDeferrals = row.getString("deferred_to_pcp");
      deferred = "SCHEDULED".equals(status) && scheduledDeferrals != null && !scheduledDeferrals.isBlank();
    }
    return new Row(row.getString("case_id"), status, row.getString("urgency"), milestone,
        dueDate == null ? null : dueDate.toString(), overdue, deferred, null, row.getString("member_id"),
        CaseStatus.valueOf(status).label());
  }

  /**
   * The cases a search found ({@link CaseSearch}: case id, member id, the patient's name or birth date), newest
   * first: an open case with its board row (next follow-up, due date), a finished one with its status.
   */
  public Found search(String text, boolean names) {
    CaseSearch.Result result = search.find(text);
    Map<String, Row> open = new HashMap<>();
    rows(new Filter(null, null, null, null, null), names).forEach(row -> open.put(row.caseId(), row));
    return new Found(result.matches().stream().map(m -> open.getOrDefault(m.caseId(), new Row(m.caseId(),
        m.status().name(), m.urgency().name(), null, null, false, false, null, m.memberId(), m.status().label())
        .named(names, m.patientName()))).toList(), result.more());
  }
}
