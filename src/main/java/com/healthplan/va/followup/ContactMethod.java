package com.healthplan.va.followup;

/** How a follow-up was done (contract values); the policy accepts a telephone follow-up. */
public enum ContactMethod {
  TELEPHONE("by telephone"), IN_PERSON("in person"), PCP_REPORT("PCP report");

  private final String label;

  ContactMethod(String label) {
    this.label = label;
  }

  /** How people say it on forms and the case page. */
  public String label() {
    return label;
  }
}
