package com.healthplan.va.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One determination round of a case ({@code va_determination}): the first opens at intake; a new one opens when an
 * approval lapses before the procedure (the procedure is scheduled after the date the approval is valid through).
 * Each round keeps its deadline, its extension, its decision and its appeal: no decision is ever overwritten.
 */
public record DeterminationRound(
    int number,
    Opening opening,
    String openingReason,
    Instant openedAt,
    LocalDate criteriaAsOf,
    Instant dueAt,
    Instant escalationAt,
    boolean escalated,
    Extension extension,
    Decision decision,
    Appeal appeal) {

  /** Why the round was opened. */
  public enum Opening {
    /** The request was received. */
    RECEIVED,
    /** The approval of an earlier round lapsed before the procedure: the criteria are judged again. */
    APPROVAL_LAPSED
  }

  /** The one extension of the round's deadline, granted with a request for information. */
  public record Extension(int days, String reason, String extendedBy, Instant extendedAt, Instant originalDueAt) {
  }

  /**
   * What was decided, by whom, when and why; the unmet criteria an adverse decision rests on; for an approval the
   * levels approved, its conditions, the criteria a physician overrode and the last day of a procedure it covers.
   */
  public record Decision(DeterminationOutcome outcome, String decidedBy, Instant decidedAt, String rationale,
      List<String> unmetCriteria, List<String> approvedLevels, List<String> notApprovedLevels, String conditions,
      List<String> overriddenCriteria, LocalDate validThrough) {

    /** Approved with nothing left to appeal (every level requested, with or without conditions). */
    public boolean approvedInFull() {
      return outcome.approves() && notApprovedLevels.isEmpty();
    }
  }

  public boolean decided() {
    return decision != null;
  }
}
