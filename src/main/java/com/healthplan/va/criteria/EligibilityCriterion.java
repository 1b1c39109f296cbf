package com.healthplan.va.criteria;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The patient criteria and exclusions of the policy, identified by the contract's unmet-criteria codes and in
 * the order of the decision {@code vcfEligibility}. When a criterion is met is decided by the DMN table only;
 * this enum carries the words: the policy's own, for reviewers, and plain language for notices.
 */
public enum EligibilityCriterion {
  FRACTURE_OLDER_THAN_4_MONTHS(
      "Vertebral compression fracture is 4 months old or less",
      "The fracture is more than 4 months old."),
  LEVEL_OUTSIDE_T5_L5(
      "Fracture levels are within T5-L5",
      "A fracture level is outside T5 to L5, the levels the policy covers."),
  MORE_THAN_3_LEVELS(
      "3 or fewer levels per procedure",
      "More than 3 levels are to be treated in one procedure."),
  PAIN_CRITERION_NOT_MET(
      "Pain is severe on the VAS scale and/or interferes with previously independent ADLs",
      "The pain is neither severe on the 0-10 scale nor interfering with previously independent daily activities."),
  NOT_REFRACTORY_TO_CONSERVATIVE_CARE(
      "Pain refractory to non-invasive pain intervention(s)",
      "Non-invasive pain treatment has not been shown to fail."),
  FRACTURE_NOT_CONFIRMED_BY_IMAGING(
      "Fracture confirmed by plain x-ray or MRI",
      "The fracture has not been confirmed by x-ray or MRI."),
  UNSTABLE_FRACTURE(
      "Patient does NOT have unstable fracture or require stabilization procedure",
      "The fracture is unstable or needs a stabilization procedure."),
  ACTIVE_INFECTION(
      "Patient does NOT have osteomyelitis or any other active infection including UTI",
      "The patient has osteomyelitis or another active infection."),
  UNCORRECTED_COAGULOPATHY(
      "Patient does NOT have uncorrected coagulation disorders",
      "The patient has a coagulation disorder that has not been corrected."),
  BONE_RETROPULSION(
      "Patient does NOT have bone fragment retropulsion",
      "Bone fragments are pushed back toward the spinal canal (retropulsion)."),
  RADICULAR_SYMPTOMS(
      "Patient does NOT have radicular symptoms related to the VCF level",
      "The patient has nerve-root (radicular) symptoms related to the fracture level."),
  SPINAL_TUMOR_OR_CORD_COMPRESSION(
      "Patient does NOT have painful metastases elsewhere in the spine, spinal cord compression, "
          + "primary bone tumor or solitary plasmacytoma",
      "The patient has a spinal tumor, painful spinal metastases or spinal cord compression."),
  MATERIAL_ALLERGY_OR_CONTRAINDICATION(
      "Patient does NOT have a known allergy to any of the materials or an FDA-label contraindication",
      "The patient is allergic to the materials used or has a contraindication in the FDA labeling."),
  OTHER_SPINAL_PAIN_GENERATORS(
      "Patient does NOT have foraminal stenosis, degenerative disease, facet arthropathy or other significant "
          + "spinal or bony pain generators",
      "Other spinal conditions (such as foraminal stenosis or facet arthropathy) may be causing the pain.");

  private final String policyWording;
  private final String plainLanguage;

  EligibilityCriterion(String policyWording, String plainLanguage) {
    this.policyWording = policyWording;
    this.plainLanguage = plainLanguage;
  }

  /** The criterion as the policy states it, as met. */
  public String policyWording() {
    return policyWording;
  }

  /** Why the criterion is not met, for a notice to a provider. */
  public String plainLanguage() {
    return plainLanguage;
  }

  public static Optional<EligibilityCriterion> ofCode(String code) {
    return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst();
  }

  /** The codes in decision order. */
  public static List<String> codes() {
    return Arrays.stream(values()).map(Enum::name).toList();
  }

  /** The given codes in decision order. */
  public static List<String> inDecisionOrder(java.util.Collection<String> codes) {
    return codes().stream().filter(codes::contains).toList();
  }
}
