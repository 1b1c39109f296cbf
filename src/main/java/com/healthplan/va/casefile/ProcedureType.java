package com.healthplan.va.casefile;

/** Percutaneous vertebral augmentation procedures covered by the policy. */
public enum ProcedureType {
  /** CPT 22510-22512. */
  VERTEBROPLASTY("Vertebroplasty"),
  /** CPT 22513-22515. */
  KYPHOPLASTY("Kyphoplasty");

  private final String label;

  ProcedureType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
