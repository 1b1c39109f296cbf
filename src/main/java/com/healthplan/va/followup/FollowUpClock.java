package com.healthplan.va.followup;

import com.healthplan.va.casefile.CaseScope;
import com.healthplan.va.casefile.FollowUpMilestone;
import com.healthplan.va.casefile.PlanCalendar;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The follow-up phase's timers and due dates, from the due dates in {@code va_follow_up} (calendar dates in the
 * plan's zone): {@code ${followUpClock.dueAt(execution, 'ONE_WEEK')}} is the start of the due day, when the
 * follow-up opens; it is overdue from the end of that day, and chased again every
 * {@code va.follow-up.overdue-alert-repeat}; the PCP is reminded every {@code va.follow-up.pcp-reminder-interval}.
 */
@Component("followUpClock")
public class FollowUpClock {

  private final FollowUpRepository followUps;
  private final FollowUpSettings settings;
  private final PlanCalendar calendar;

  FollowUpClock(FollowUpRepository followUps, FollowUpSettings settings, PlanCalendar calendar) {
    this.followUps = followUps;
    this.settings = settings;
    this.calendar = calendar;
  }

  /** The start of the due day: the follow-up opens (or goes to the PCP). */
  public Date dueAt(DelegateExecution execution, String milestone) {
    return startOf(dueDate(execution, milestone));
  }

  /** The end of the due day: the task's due date in Tasklist. */
  public Date endOfDueDay(DelegateExecution execution, String milestone) {
    return startOf(dueDate(execution, milestone).plusDays(1));
  }

  /**
   * ISO 8601 repeating interval: from the end of the due day, every overdue-alert period, until done; a follow-up
   * already past its due day when it opens (a procedure recorded late) is chased at once.
   */
  public String overdueCycle(DelegateExecution execution, String milestone) {
    ZonedDateTime endOfDueDay = dueDate(execution, milestone).plusDays(1).atStartOfDay(calendar.zone());
    ZonedDateTime now = calendar.now().atZone(calendar.zone()).withNano(0);
    ZonedDateTime first = endOfDueDay.isBefore(now) ? now : endOfDueDay;
    return "R/" + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(first.toOffsetDateTime()) + "/"
        + settings.overdueRepeat();
  }

  /**
   * When the PCP's report is expected at the latest: the moment the coordinators are alerted, after every reminder
   * (the due date of the coordinator's "Record PCP report" task).
   */
  public Date pcpReportDueAt(DelegateExecution execution, String milestone) {
    FollowUp followUp = followUps.get(CaseScope.caseId(execution), FollowUpMilestone.valueOf(milestone));
    ZonedDateTime requested = followUp.pcpRequestedAt() == null
        ? followUp.dueDate().atStartOfDay(calendar.zone())
        : followUp.pcpRequestedAt().atZone(calendar.zone());
    return Date.from(requested.plus(settings.pcpReminderInterval().multipliedBy(settings.pcpMaxReminders() + 1))
        .toInstant());
  }

  /**
   * ISO 8601 repeating interval of the coordinator's task while the PCP has the link: every reminder interval, once
   * per reminder and once more for the coordinators' alert ({@code R4/P7D} by default).
   */
  public String pcpReminderCycle() {
    return "R" + (settings.pcpMaxReminders() + 1) + "/" + settings.pcpReminderInterval();
  }

  private LocalDate dueDate(DelegateExecution execution, String milestone) {
    return followUps.get(CaseScope.caseId(execution), FollowUpMilestone.valueOf(milestone)).dueDate();
  }

  private Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(calendar.zone()).toInstant());
  }
}
