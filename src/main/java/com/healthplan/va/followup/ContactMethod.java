package com.healthplan.va.followup;

/** How a follow-up was done (contract values); the policy accepts a telephone follow-up. */
public enum ContactMethod {
  TELEPHONE, IN_PERSON, PCP_REPORT
}
