package com.healthplan.va.criteria;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The patient criteria and exclusions of the policy, identified by the contract's unmet-criteria codes and in
 * the order of the decision {@code vcfEligibility}. When a criterion is met is decided by the DMN table only;
 * this enum carries the words, four for each criterion: the policy's own, as met, for reviewers; plain language
 * for a denial, saying why it is not met; what a provider must send to show it is met, for an information
 * request; and the member's words, for the member's letters. A sentence never types a policy number: it names it
 * ({@code {fractureAge}}, {@code {levelRange}}, {@code {maxLevels}}, {@code {painFloor}}) and {@link PolicyTerms}
 * fills it from the cell of the case's criteria version.
 */
public enum EligibilityCriterion {
  FRACTURE_OLDER_THAN_4_MONTHS(
      "Vertebral compression fracture (VCF) is {fractureAge} old or less: the request date is no more than "
          + "{fractureAge} after the date of the fracture",
      "The fracture is more than {fractureAge} old, or its date is not documented: the policy covers a fracture "
          + "only when the request is made within {fractureAge} of the date of the fracture.",
      "The date of the fracture (the injury or the onset of pain, not a later diagnosis), no more than "
          + "{fractureAge} before the request date",
      "The plan covers this treatment only in the first {fractureAge} after the bone broke. Your records show the "
          + "break is older than that, or they do not show when it happened."),
  LEVEL_OUTSIDE_T5_L5(
      "{levelSpan} levels only: every fracture level to be treated is within {levelRange}",
      "A fracture level to be treated is outside {levelRange}, or is not documented: the policy covers levels "
          + "{levelRange} only.",
      "Imaging reports naming each fracture level to be treated, within {levelRange} (the policy covers "
          + "levels {levelRange} only)",
      "The plan covers this treatment only for the bones of the spine from {levelRange}. A bone to be treated is "
          + "outside that part of the spine, or your records do not say which bone it is."),
  MORE_THAN_3_LEVELS(
      "{maxLevels} levels or fewer per procedure",
      "More than {maxLevels} levels are to be treated in one procedure: the policy covers {maxLevels} levels or "
          + "fewer per procedure.",
      "The levels to be treated in this procedure: {maxLevels} levels or fewer per procedure",
      "The plan covers treatment of up to {maxLevels} bones of the spine at one time. Your doctor asked to treat "
          + "more than that."),
  PAIN_CRITERION_NOT_MET(
      "Pain is {painFloor} or more on the VAS 0-10 pain scale, and/or pain interferes with activities of daily "
          + "living (ADLs) that were previously independent",
      "The records show neither a pain score of {painFloor} or more on the 0-10 VAS scale nor pain that interferes "
          + "with activities of daily living that were previously independent; the policy requires at least one of "
          + "them.",
      "A pain score of {painFloor} or more on the 0-10 VAS scale, or records that the pain interferes with "
          + "activities of daily living that were previously independent",
      "Your records do not show pain of {painFloor} or more on a scale of 0 to 10. They also do not show that the "
          + "pain stops you from doing daily tasks you could do on your own before."),
  NOT_REFRACTORY_TO_CONSERVATIVE_CARE(
      "Pain refractory to non-invasive pain intervention(s)",
      "The records do not show that the pain is refractory to non-invasive pain intervention(s): that it has "
          + "not responded to them.",
      "Records of the non-invasive pain interventions attempted (such as medication, bracing or physical therapy), "
          + "with dates, showing that the pain has not responded to them",
      "Your records do not show that other care was tried first and did not help. This care can be pain pills, "
          + "a back brace or exercise with a therapist."),
  FRACTURE_NOT_CONFIRMED_BY_IMAGING(
      "Fracture confirmed by plain x-ray or MRI, with the imaging date",
      "The records do not show the fracture confirmed by plain x-ray or MRI.",
      "Imaging (plain x-ray or MRI) with its date confirming the fracture",
      "Your records do not have an x-ray or MRI that shows the broken bone."),
  UNSTABLE_FRACTURE(
      "Patient does NOT have unstable fracture or require stabilization procedure",
      "The fracture is unstable or requires a stabilization procedure, or the records do not rule this out.",
      "Records showing that the fracture is stable and does not require a stabilization procedure",
      "Your records show the break may not be stable. Or you may need a different kind of surgery to hold the "
          + "bones in place."),
  ACTIVE_INFECTION(
      "Patient does NOT have osteomyelitis or any other active infection including UTI",
      "The patient has osteomyelitis or another active infection, including urinary tract infection (UTI), "
          + "or the records do not rule this out.",
      "Records showing no osteomyelitis or other active infection, including urinary tract infection (UTI)",
      "Your records show you may have an infection right now, such as a bone or bladder infection."),
  UNCORRECTED_COAGULOPATHY(
      "Patient does NOT have uncorrected coagulation disorders",
      "The patient has a coagulation disorder that has not been corrected, or the records do not rule this out.",
      "Records showing no uncorrected coagulation disorder",
      "Your records show you may have a bleeding problem that is not under control."),
  BONE_RETROPULSION(
      "Patient does NOT have bone fragment retropulsion",
      "There is bone fragment retropulsion (bone pushed back toward the spinal canal), or the records do not "
          + "rule it out.",
      "Imaging reports showing no bone fragment retropulsion",
      "Your records show a piece of broken bone may have moved back toward your spinal cord."),
  RADICULAR_SYMPTOMS(
      "Patient does NOT have radicular symptoms related to the VCF level",
      "The patient has radicular (nerve-root) symptoms related to the level of the vertebral compression "
          + "fracture (VCF), or the records do not rule them out.",
      "Records showing no radicular (nerve-root) symptoms related to the level of the vertebral compression "
          + "fracture (VCF)",
      "Your records show pain or numbness that may come from a pinched nerve near the break."),
  SPINAL_TUMOR_OR_CORD_COMPRESSION(
      "Patient does NOT have painful metastases to other areas of the spine, spinal cord compression, "
          + "primary bone tumor or solitary plasmacytoma",
      "The patient has painful metastases to other areas of the spine, spinal cord compression, a primary bone "
          + "tumor or a solitary plasmacytoma, or the records do not rule these out.",
      "Records showing no painful metastases to other areas of the spine, no spinal cord compression, and no "
          + "primary bone tumor or solitary plasmacytoma",
      "Your records show you may have a tumor in the spine or bone, or pressure on your spinal cord."),
  MATERIAL_ALLERGY_OR_CONTRAINDICATION(
      "Patient does NOT have a known allergy to any of the materials, or any condition that is a "
          + "contraindication in the FDA labeling",
      "The patient has a known allergy to any of the materials or a condition that is a contraindication in the "
          + "FDA labeling, or the records do not rule these out.",
      "Records showing no known allergy to any of the materials and no condition that is a contraindication in "
          + "the FDA labeling",
      "Your records show you may be allergic to what is used in this treatment. Or you may have a health problem "
          + "that makes it not safe for you."),
  OTHER_SPINAL_PAIN_GENERATORS(
      "Patient does NOT have foraminal stenosis or other spinal degenerative disease, facet arthropathy or other "
          + "significant coexisting spinal or bony pain generators",
      "The patient has foraminal stenosis or other spinal degenerative disease, facet arthropathy or another "
          + "significant coexisting spinal or bony pain generator, or the records do not rule these out.",
      "Records showing no foraminal stenosis or other spinal degenerative disease, no facet arthropathy and no "
          + "other significant coexisting spinal or bony pain generators",
      "Your records show other back problems, like worn joints or a narrow spine, that may be causing your pain.");

  private final String policyWording;
  private final String plainLanguage;
  private final String requestWording;
  private final String memberWording;

  EligibilityCriterion(String policyWording, String plainLanguage, String requestWording, String memberWording) {
    this.policyWording = policyWording;
    this.plainLanguage = plainLanguage;
    this.requestWording = requestWording;
    this.memberWording = memberWording;
  }

  /** The criterion as the policy states it, as met: the reviewers' checklist. */
  public String policyWording(PolicyTerms terms) {
    return terms.fill(policyWording);
  }

  /** Why the criterion is not met, for a denial notice to a provider. */
  public String plainLanguage(PolicyTerms terms) {
    return terms.fill(plainLanguage);
  }

  /**
   * What the provider must send to show the criterion is met, for an information request: what the records
   * should show, never a finding.
   */
  public String requestWording(PolicyTerms terms) {
    return terms.fill(requestWording);
  }

  /** Why the criterion is not met, in a member's words (short sentences, everyday words), for the letters. */
  public String memberWording(PolicyTerms terms) {
    return terms.fill(memberWording);
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
