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
  CLOSED_INCOMPLETE;

  /** Whether the determination is made or the case is closed. */
  public boolean isFinal() {
    return this == APPROVED || this == DENIED || this == CLOSED_INCOMPLETE;
  }
}
