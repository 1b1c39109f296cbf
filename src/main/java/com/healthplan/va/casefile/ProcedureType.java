package com.healthplan.va.casefile;

/** Percutaneous vertebral augmentation procedures covered by the policy. */
public enum ProcedureType {
  VERTEBROPLASTY("Vertebroplasty", "CPT 22510-22512"),
  KYPHOPLASTY("Kyphoplasty", "CPT 22513-22515");

  private final String label;
  private final String cptCodes;

  ProcedureType(String label, String cptCodes) {
    this.label = label;
    this.cptCodes = cptCodes;
  }

  /** The procedure's CPT code range, as notices name it. */
  public String cptCodes() {
    return cptCodes;
  }

  public String label() {
    return label;
  }
}
