package com.healthplan.va.procedure;

/**
 * What "Record procedure" does: record the procedure as performed (the default, so that an integrator submitting
 * only the record's fields records it), send it back to scheduling, or withdraw it.
 */
enum RecordDecision {
  RECORD, RESCHEDULE, WITHDRAW
}
