package com.healthplan.va.criteria;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The patient criteria and exclusions of the policy, identified by the contract's unmet-criteria codes and in
 * the order of the decision {@code vcfEligibility}. When a criterion is met is decided by the DMN table only;
 * this enum carries the words, three for each criterion: the policy's own, as met, for reviewers; plain language
 * for a denial, saying why it is not met; and what a provider must send to show it is met, for an information
 * request. Where the DMN table holds a number (4 months, T5 to L5, 3 levels, pain score 7), every wording states
 * it; {@code CriteriaWordingTest} ties them to the table's cells.
 */
public enum EligibilityCriterion {
  FRACTURE_OLDER_THAN_4_MONTHS(
      "Vertebral compression fracture (VCF) is 4 months old or less: the request date is no more than "
          + "4 calendar months after the date of the fracture",
      "The fracture is more than 4 months old, or its date is not documented: the policy covers a fracture "
          + "only when the request is made within 4 calendar months of the date of the fracture.",
      "The date of the fracture (the injury or the onset of pain, not a later diagnosis), no more than "
          + "4 calendar months before the request date"),
  LEVEL_OUTSIDE_T5_L5(
      "T5-L5 levels only: every fracture level to be treated is within T5 to L5",
      "A fracture level to be treated is outside T5 to L5, or is not documented: the policy covers levels "
          + "T5 to L5 only.",
      "Imaging reports naming each fracture level to be treated, within T5 to L5 (the policy covers "
          + "levels T5 to L5 only)"),
  MORE_THAN_3_LEVELS(
      "3 levels or fewer per procedure",
      "More than 3 levels are to be treated in one procedure: the policy covers 3 levels or fewer per procedure.",
      "The levels to be treated in this procedure: 3 levels or fewer per procedure"),
  PAIN_CRITERION_NOT_MET(
      "Pain is 7 or more on the VAS 0-10 pain scale, and/or pain interferes with activities of daily living "
          + "(ADLs) that were previously independent",
      "The records show neither a pain score of 7 or more on the 0-10 VAS scale nor pain that interferes with "
          + "activities of daily living that were previously independent; the policy requires at least one of them.",
      "A pain score of 7 or more on the 0-10 VAS scale, or records that the pain interferes with activities of "
          + "daily living that were previously independent"),
  NOT_REFRACTORY_TO_CONSERVATIVE_CARE(
      "Pain refractory to non-invasive pain intervention(s)",
      "The records do not show that the pain is refractory to non-invasive pain intervention(s): that it has "
          + "not responded to them.",
      "Records of the non-invasive pain interventions attempted (such as medication, bracing or physical therapy), "
          + "with dates, showing that the pain has not responded to them"),
  FRACTURE_NOT_CONFIRMED_BY_IMAGING(
      "Fracture confirmed by plain x-ray or MRI, with the imaging date",
      "The records do not show the fracture confirmed by plain x-ray or MRI.",
      "Imaging (plain x-ray or MRI) with its date confirming the fracture"),
  UNSTABLE_FRACTURE(
      "Patient does NOT have unstable fracture or require stabilization procedure",
      "The fracture is unstable or requires a stabilization procedure, or the records do not rule this out.",
      "Records showing that the fracture is stable and does not require a stabilization procedure"),
  ACTIVE_INFECTION(
      "Patient does NOT have osteomyelitis or any other active infection including UTI",
      "The patient has osteomyelitis or another active infection, including urinary tract infection (UTI), "
          + "or the records do not rule this out.",
      "Records showing no osteomyelitis or other active infection, including urinary tract infection (UTI)"),
  UNCORRECTED_COAGULOPATHY(
      "Patient does NOT have uncorrected coagulation disorders",
      "The patient has a coagulation disorder that has not been corrected, or the records do not rule this out.",
      "Records showing no uncorrected coagulation disorder"),
  BONE_RETROPULSION(
      "Patient does NOT have bone fragment retropulsion",
      "There is bone fragment retropulsion (bone pushed back toward the spinal canal), or the records do not "
          + "rule it out.",
      "Imaging reports showing no bone fragment retropulsion"),
  RADICULAR_SYMPTOMS(
      "Patient does NOT have radicular symptoms related to the VCF level",
      "The patient has radicular (nerve-root) symptoms related to the level of the vertebral compression "
          + "fracture (VCF), or the records do not rule them out.",
      "Records showing no radicular (nerve-root) symptoms related to the level of the vertebral compression "
          + "fracture (VCF)"),
  SPINAL_TUMOR_OR_CORD_COMPRESSION(
      "Patient does NOT have painful metastases to other areas of the spine, spinal cord compression, "
          + "primary bone tumor or solitary plasmacytoma",
      "The patient has painful metastases to other areas of the spine, spinal cord compression, a primary bone "
          + "tumor or a solitary plasmacytoma, or the records do not rule these out.",
      "Records showing no painful metastases to other areas of the spine, no spinal cord compression, and no "
          + "primary bone tumor or solitary plasmacytoma"),
  MATERIAL_ALLERGY_OR_CONTRAINDICATION(
      "Patient does NOT have a known allergy to any of the materials, or any condition that is a "
          + "contraindication in the FDA labeling",
      "The patient has a known allergy to any of the materials or a condition that is a contraindication in the "
          + "FDA labeling, or the records do not rule these out.",
      "Records showing no known allergy to any of the materials and no condition that is a contraindication in "
          + "the FDA labeling"),
  OTHER_SPINAL_PAIN_GENERATORS(
      "Patient does NOT have foraminal stenosis or other spinal degenerative disease, facet arthropathy or other "
          + "significant coexisting spinal or bony pain generators",
      "The patient has foraminal stenosis or other spinal degenerative disease, facet arthropathy or another "
          + "significant coexisting spinal or bony pain generator, or the records do not rule these out.",
      "Records showing no foraminal stenosis or other spinal degenerative disease, no facet arthropathy and no "
          + "other significant coexisting spinal or bony pain generators");

  private final String policyWording;
  private final String plainLanguage;
  private final String requestWording;

  EligibilityCriterion(String policyWording, String plainLanguage, String requestWording) {
    this.policyWording = policyWording;
    this.plainLanguage = plainLanguage;
    this.requestWording = requestWording;
  }

  /** The criterion as the policy states it, as met: the reviewers' checklist. */
  public String policyWording() {
    return policyWording;
  }

  /** Why the criterion is not met, for a denial notice to a provider. */
  public String plainLanguage() {
    return plainLanguage;
  }

  /**
   * What the provider must send to show the criterion is met, for an information request: what the records
   * should show, never a finding.
   */
  public String requestWording() {
    return requestWording;
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
