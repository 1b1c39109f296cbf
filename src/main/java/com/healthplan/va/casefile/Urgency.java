package com.healthplan.va.casefile;

/** How fast the determination is owed: the standard or the expedited timeframe ({@code va.determination.*}). */
public enum Urgency {
  STANDARD("Standard"), EXPEDITED("Expedited");

  private final String label;

  Urgency(String label) {
    this.label = label;
  }

  /** The urgency in words. */
  public String label() {
    return label;
  }
}
