package com.healthplan.va.followup;

/** Where a follow-up stands (contract values). */
public enum FollowUpStatus {
  /** Before its due date. */
  SCHEDULED,
  /** Due: the nurse's follow-up task is open. */
  DUE,
  /** Not done by its due date (or the PCP's report not in after the reminders): coordinators are alerted. */
  OVERDUE,
  /** Deferred to the patient's PCP, whose report is awaited. */
  DEFERRED_TO_PCP,
  /** Done: scores recorded. */
  COMPLETED
}
