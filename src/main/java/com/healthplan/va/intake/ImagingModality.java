package com.healthplan.va.intake;

/** The imaging that confirmed the fracture ("Fracture confirmed by plain x-ray or MRI"). */
public enum ImagingModality {
  XRAY, MRI, NONE
}
