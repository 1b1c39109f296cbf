package com.healthplan.va.appeal;

import java.time.Instant;

/** The appeal of a denied case as {@code va_appeal} holds it. */
public record Appeal(
    String caseId,
    RequestedBy requestedBy,
    String reason,
    String urgency,
    Instant receivedAt,
    String receivedBy,
    Instant dueAt,
    Instant escalationAt,
    String deniedBy,
    Outcome outcome,
    String decidedBy,
    Instant decidedAt,
    String rationale) {

  /** Who appealed (contract values). */
  public enum RequestedBy {
    MEMBER, PROVIDER
  }

  /** How the appeal was decided (contract values): the denial overturned or upheld. */
  public enum Outcome {
    OVERTURNED, UPHELD
  }

  public boolean open() {
    return outcome == null;
  }
}
