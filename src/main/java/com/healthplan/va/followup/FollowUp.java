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
}
