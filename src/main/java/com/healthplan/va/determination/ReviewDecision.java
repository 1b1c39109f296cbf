package com.healthplan.va.determination;

/** What the utilization-management nurse decides after the criteria review. A nurse cannot deny. */
public enum ReviewDecision {
  /** Every criterion is confirmed as met. */
  APPROVE,
  /** The requesting provider must send missing information first. */
  REQUEST_INFORMATION,
  /** A criterion is not met, or the nurse is in doubt: a physician decides. */
  REFER_TO_MEDICAL_DIRECTOR
}
