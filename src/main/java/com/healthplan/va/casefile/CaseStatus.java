package com.healthplan.va.casefile;

/** Where a case stands, as shown in the case view ({@code status}) and kept in {@code caseStatus}. */
public enum CaseStatus {
  /** Received, prescreened, waiting for or in the nurse's criteria review. */
  IN_REVIEW("In review"),
  /** The requesting provider was asked for missing information. */
  PENDED_FOR_INFORMATION("Waiting for information from the provider"),
  /** Referred to a physician, who alone may deny. */
  MEDICAL_DIRECTOR_REVIEW("With a medical director"),
  /** Determination made: approved. */
  APPROVED("Approved"),
  /** Determination made: denied by a physician, with a rationale. */
  DENIED("Denied"),
  /** The requested information did not arrive by its deadline: decided on the information at hand, adversely. */
  CLOSED_INCOMPLETE("Not approved: information not received"),
  /** Approved; the pre-procedure documentation is being checked or was requested from the provider. */
  AWAITING_DOCUMENTATION("Awaiting pre-procedure documentation"),
  /** Documentation complete; a coordinator schedules the procedure. */
  READY_TO_SCHEDULE("Ready to schedule"),
  /** Facility, date and setting recorded. */
  SCHEDULED("Scheduled"),
  /** Procedure recorded; follow-ups running. */
  IN_FOLLOW_UP("In follow-up"),
  /** The procedure will not take place, with a reason. */
  WITHDRAWN("Withdrawn"),
  /** Every follow-up completed. */
  CLOSED("Closed"),
  /** A denial was appealed; a physician other than the one who denied decides. */
  APPEAL_IN_REVIEW("Appeal in review");

  private final String label;

  CaseStatus(String label) {
    this.label = label;
  }

  /** The status in the words people read on boards, case pages and notices. */
  public String label() {
    return label;
  }

  /** Whether the determination is made (whatever followed it) or the case is closed. */
  public boolean isFinal() {
    return this != IN_REVIEW && this != PENDED_FOR_INFORMATION && this != MEDICAL_DIRECTOR_REVIEW;
  }
}
