package com.healthplan.va.casefile;

/** Where a case stands, as shown in the case view ({@code status}) and kept in {@code caseStatus}. */
public enum CaseStatus {
  /** Received, prescreened, waiting for or in the nurse's criteria review. */
  IN_REVIEW,
  /** The requesting provider was asked for missing information. */
  PENDED_FOR_INFORMATION,
  /** Referred to a physician, who alone may deny. */
  MEDICAL_DIRECTOR_REVIEW,
  /** Determination made: approved. */
  APPROVED,
  /** Determination made: denied by a physician, with a rationale. */
  DENIED,
  /** The requested information did not arrive by its deadline. */
  CLOSED_INCOMPLETE,
  /** Approved; the pre-procedure documentation is being checked or was requested from the provider. */
  AWAITING_DOCUMENTATION,
  /** Documentation complete; a coordinator schedules the procedure. */
  READY_TO_SCHEDULE,
  /** Facility, date and setting recorded. */
  SCHEDULED,
  /** Procedure recorded; follow-ups running. */
  IN_FOLLOW_UP,
  /** The procedure will not take place, with a reason. */
  WITHDRAWN,
  /** Every follow-up completed. */
  CLOSED,
  /** A denial was appealed; a physician other than the one who denied decides. */
  APPEAL_IN_REVIEW;

  /** Whether the determination is made (whatever followed it) or the case is closed. */
  public boolean isFinal() {
    return this != IN_REVIEW && this != PENDED_FOR_INFORMATION && this != MEDICAL_DIRECTOR_REVIEW;
  }
}
