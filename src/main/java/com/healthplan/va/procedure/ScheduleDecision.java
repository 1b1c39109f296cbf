package com.healthplan.va.procedure;

/** The coordinator's decision in "Schedule procedure" (contract values). */
enum ScheduleDecision {
  SCHEDULE, WITHDRAW
}
