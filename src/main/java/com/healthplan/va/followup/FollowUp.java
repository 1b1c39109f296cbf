package com.healthplan.va.followup;

import com.healthplan.va.casefile.FollowUpMilestone;
import java.time.Instant;
import java.time.LocalDate;

/** One follow-up of a case as {@code va_follow_up} holds it. */
public record FollowUp(
    String caseId,
    FollowUpMilestone milestone,
    LocalDate dueDate,
    boolean deferredToPcp,
    FollowUpStatus status,
    Scores scores,
    String recordedBy,
    Instant completedAt,
    int overdueAlerts,
    String pcpLinkNonce,
    Instant pcpRequestedAt,
    int pcpReminders,
    Instant pcpAcknowledgedAt,
    boolean pcpOverdueAlerted) {

  /** What a completed follow-up records (contract fields). */
  public record Scores(ContactMethod contactMethod, int painScore, int comfortScore, int activityScore, String note) {
  }

  public boolean completed() {
    return status == FollowUpStatus.COMPLETED;
  }

  /**
   * Where the follow-up stands on a day of the plan's calendar, as people read it: done; with the PCP until the
   * reminders are used up; due on its due day; overdue from the day after, whether or not an alert has gone out yet.
   */
  public FollowUpStatus statusOn(LocalDate today) {
    if (completed()) {
      return FollowUpStatus.COMPLETED;
    }
    if (deferredToPcp) {
      return pcpOverdueAlerted ? FollowUpStatus.OVERDUE : FollowUpStatus.DEFERRED_TO_PCP;
    }
    if (today.isAfter(dueDate)) {
      return FollowUpStatus.OVERDUE;
    }
    return today.isBefore(dueDate) ? FollowUpStatus.SCHEDULED : FollowUpStatus.DUE;
  }
}
