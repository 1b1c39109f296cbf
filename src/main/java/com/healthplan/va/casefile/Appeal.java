package com.healthplan.va.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The appeal of one determination round ({@code va_appeal}): who asked, why, how urgent, which levels it concerns
 * (the whole request after a denial, the levels not approved after an approval with modifications), when it is due,
 * and the decision of a physician other than the one who denied. An overturn approves the appealed levels, valid
 * through {@code approvalValidThrough}. An appeal the case no longer needs (a new round reviews the whole request
 * again, or the procedure was withdrawn) is closed without a decision, with when and why.
 */
public record Appeal(
    int round,
    RequestedBy requestedBy,
    String reason,
    Urgency urgency,
    Instant receivedAt,
    String receivedBy,
    Instant dueAt,
    Instant escalationAt,
    List<String> appealedLevels,
    String deniedBy,
    AppealOutcome outcome,
    String decidedBy,
    Instant decidedAt,
    String rationale,
    LocalDate approvalValidThrough,
    Instant closedAt,
    String closedReason) {

  /** Who appealed (contract values). */
  public enum RequestedBy {
    MEMBER, PROVIDER
  }

  /** Filed and waiting for its decision. */
  public boolean open() {
    return outcome == null && closedAt == null;
  }

  /** Closed without a decision because the case no longer needed it. */
  public boolean closedWithoutDecision() {
    return outcome == null && closedAt != null;
  }

  public boolean overturned() {
    return outcome == AppealOutcome.OVERTURNED;
  }
}
