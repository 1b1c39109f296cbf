package com.healthplan.va.determination;

/** What the physician reviewer decides. */
public enum MedicalDirectorDecision {
  APPROVE, DENY
}
