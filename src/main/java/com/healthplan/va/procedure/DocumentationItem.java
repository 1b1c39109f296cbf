package com.healthplan.va.procedure;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The policy's "Documentation Requirements Prior to Procedure", identified by the contract's codes and in its
 * order: the seed's wording (what the nurse confirms) and what the requesting provider is asked to send when an
 * item is missing.
 */
public enum DocumentationItem {
  PAIN_EVALUATION(
      "Comprehensive pain evaluation and examination.",
      "A comprehensive pain evaluation and examination of the patient."),
  PAIN_MANAGEMENT_PLAN(
      "Pain management treatment plan addressing all pain generators, and beginning with the least invasive "
          + "approach.",
      "The pain management treatment plan, addressing all pain generators and beginning with the least invasive "
          + "approach."),
  HISTORY_AND_PHYSICAL_BY_OPERATOR(
      "Complete history and physical examination by operating provider.",
      "A complete history and physical examination by the provider who will perform the procedure."),
  IMAGING_CORRELATES_WITH_PAIN(
      "Appropriate imaging has been performed pre-operatively and the findings correlate unequivocally with the "
          + "patient's pain.",
      "The pre-operative imaging report, with the findings that correlate with the patient's pain."),
  PAIN_FROM_DEMONSTRATED_FRACTURE(
      "Patient's pain is predominantly, if not solely, related to the demonstrated fracture.",
      "Documentation that the patient's pain is predominantly, if not solely, related to the demonstrated "
          + "fracture.");

  private final String policyWording;
  private final String requestWording;

  DocumentationItem(String policyWording, String requestWording) {
    this.policyWording = policyWording;
    this.requestWording = requestWording;
  }

  /** The item as the policy states it. */
  public String policyWording() {
    return policyWording;
  }

  /** What the requesting provider is asked to send when the item is missing. */
  public String requestWording() {
    return requestWording;
  }

  public static Optional<DocumentationItem> ofCode(String code) {
    return Arrays.stream(values()).filter(item -> item.name().equals(code)).findFirst();
  }

  public static List<String> codes() {
    return Arrays.stream(values()).map(Enum::name).toList();
  }

  /** The given codes in the contract's order. */
  public static List<String> inOrder(Collection<String> codes) {
    return codes().stream().filter(codes::contains).toList();
  }

  /** Every item not among the given codes, in order. */
  public static List<String> complementOf(Collection<String> codes) {
    return codes().stream().filter(code -> !codes.contains(code)).toList();
  }
}
