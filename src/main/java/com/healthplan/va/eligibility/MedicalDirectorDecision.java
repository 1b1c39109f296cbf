package com.healthplan.va.eligibility;

/** What the physician reviewer decides. */
public enum MedicalDirectorDecision {
  APPROVE, DENY
}
