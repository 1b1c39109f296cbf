package com.healthplan.va.procedure;

import com.healthplan.va.criteria.PolicyTerms;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The payment limits of the policy applied to a procedure record, identified by the contract's payment-finding
 * codes and in the order of the decision {@code vaPaymentLimits}. When a finding applies is decided by the DMN
 * table only; this enum carries the words: the policy's own, and a plain sentence for coordinators, each naming the
 * policy's numbers for {@link PolicyTerms} to fill from their cells. A finding never refuses the record: it states
 * what is not payable and why.
 */
public enum PaymentFinding {
  PERFORMED_BEFORE_AUTHORIZATION(
      "Prior authorization is required: the procedure is payable only when performed on or after the day of the "
          + "approval",
      "The procedure was performed before the prior authorization was approved, or a date is missing."),
  LEVEL_NOT_AUTHORIZED(
      "Only the levels approved in the prior authorization are payable",
      "A treated level was not approved in the prior authorization, or the levels are not recorded."),
  MORE_THAN_3_LEVELS_TREATED(
      "{maxLevels} or fewer levels per procedure",
      "More than {maxLevels} levels were treated in one procedure, or the levels are not recorded."),
  FRACTURE_OLDER_THAN_4_MONTHS_AT_PROCEDURE(
      "Vertebral compression fracture (VCF) {fractureAge} old or less",
      "On the day of the procedure the fracture was more than {fractureAge} old, or a date is missing."),
  /** The number of days is the plan's, kept in one cell of the DMN table. */
  PERFORMED_TOO_SOON_WITHOUT_RATIONALE(
      "Not payable when performed immediately following an acute compression fracture (the plan: within "
          + "{minDays} days of it), unless the provider documents the rationale for not waiting",
      "The procedure was performed less than {minDays} days after the fracture (or a date is missing), and the "
          + "provider did not document why it could not wait."),
  NO_REAL_TIME_IMAGING_GUIDANCE(
      "Procedure must be performed with CT or fluoroscopic, real-time imaging guidance",
      "The record does not show CT or fluoroscopic real-time imaging guidance."),
  PLACEMENT_IMAGES_NOT_RETAINED(
      "Images of final trocar placement must be retained",
      "The record does not show that images of the final trocar placement were retained."),
  FINAL_IMAGES_NOT_RETAINED(
      "Images of the vertebral body at the end of the procedure must be retained",
      "The record does not show that images of the vertebral body at the end of the procedure were retained."),
  NO_OPERATIVE_NARRATIVE(
      "Detailed operative procedure narrative report",
      "No detailed operative narrative report has been received."),
  OPEN_SPINE_PROCEDURE_SAME_SESSION(
      "Will not be paid in combination with an open spine procedure",
      "An open spine procedure was done in the same session, or the record does not rule one out."),
  BONE_BIOPSY_SAME_LEVEL(
      "Bone biopsy done at the same level as part of the same procedure is not payable",
      "A bone biopsy was taken at a treated level in the same procedure, or the record does not show its "
          + "level; such a biopsy is not payable."),
  INPATIENT_WITHOUT_JUSTIFICATION(
      "Absent clear medical record documentation to the contrary, these procedures are not performed on an "
          + "inpatient basis",
      "The procedure was done as an inpatient (or the setting is not recorded) without documentation of why an "
          + "inpatient stay was needed.");

  private final String policyWording;
  private final String plainLanguage;

  PaymentFinding(String policyWording, String plainLanguage) {
    this.policyWording = policyWording;
    this.plainLanguage = plainLanguage;
  }

  /** The requirement or limitation as the policy states it. */
  public String policyWording(PolicyTerms terms) {
    return terms.fill(policyWording);
  }

  /** What the finding means, in a short plain sentence for coordinators. */
  public String plainLanguage(PolicyTerms terms) {
    return terms.fill(plainLanguage);
  }

  public static Optional<PaymentFinding> ofCode(String code) {
    return Arrays.stream(values()).filter(f -> f.name().equals(code)).findFirst();
  }

  /** The codes in decision order. */
  public static List<String> codes() {
    return Arrays.stream(values()).map(Enum::name).toList();
  }

  /** The given codes in decision order. */
  public static List<String> inDecisionOrder(Collection<String> codes) {
    return codes().stream().filter(codes::contains).toList();
  }
}
