package com.healthplan.va.casefile;

/**
 * How a determination round ended (contract values of {@code determinations[].outcome}). An approval with
 * modifications approves fewer levels than requested or adds conditions; levels it did not approve are a partial
 * denial, appealable like a denial. A request closed for missing information is decided on the information at hand.
 */
public enum DeterminationOutcome {
  APPROVED(CaseStatus.APPROVED),
  APPROVED_WITH_MODIFICATIONS(CaseStatus.APPROVED),
  DENIED(CaseStatus.DENIED),
  CLOSED_INCOMPLETE(CaseStatus.CLOSED_INCOMPLETE);

  private final CaseStatus status;

  DeterminationOutcome(CaseStatus status) {
    this.status = status;
  }

  /** The status the case enters with this outcome. */
  public CaseStatus status() {
    return status;
  }

  /** Whether the procedure may go ahead (for the approved levels). */
  public boolean approves() {
    return this == APPROVED || this == APPROVED_WITH_MODIFICATIONS;
  }

  /** Whether nothing was approved: the whole request may be appealed. */
  public boolean adverse() {
    return !approves();
  }
}
