package com.healthplan.va.procedure;

/** The real-time imaging guidance of the procedure; the policy requires CT or fluoroscopy. */
public enum ImagingGuidance {
  CT, FLUOROSCOPY, NONE
}
