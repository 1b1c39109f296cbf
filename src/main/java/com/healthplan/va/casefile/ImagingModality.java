package com.healthplan.va.casefile;

/** The imaging that confirmed the fracture ("Fracture confirmed by plain x-ray or MRI"). */
public enum ImagingModality {
  XRAY, MRI, NONE
}
