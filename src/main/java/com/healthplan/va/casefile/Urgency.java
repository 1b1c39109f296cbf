package com.healthplan.va.casefile;

/** How fast the determination is owed: 7 calendar days (standard) or 72 hours (expedited). */
public enum Urgency {
  STANDARD, EXPEDITED
}
