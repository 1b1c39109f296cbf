package com.healthplan.va.notification;

import java.time.Instant;

/**
 * A notice an administrator has to settle: its send was cut off and is not confirmed (in doubt), or it was sent
 * again after such a cut-off and may have reached its recipients twice.
 */
public record NoticeToSettle(String messageId, String caseId, String kind, String to, State state,
    Instant claimedAt, Instant sentAt) {

  /** Where the notice stands. */
  public enum State {
    /** Claimed, handed to the SMTP server or not, and not confirmed. */
    IN_DOUBT,
    /** Sent again with the same Message-ID after a cut-off send: recipients may hold two copies. */
    SENT_POSSIBLY_TWICE
  }
}
