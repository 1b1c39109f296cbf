package com.healthplan.va.procedure;

/** Where the procedure is done; the policy's REMINDER: not inpatient absent documentation to the contrary. */
public enum Setting {
  OUTPATIENT, INPATIENT
}
