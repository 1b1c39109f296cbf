package com.healthplan.va.fhir;

/** The systems and canonical URLs this API names things by: the Da Vinci guides', the plan's own. */
final class FhirNames {

  /** The plan's namespace of identifiers and code systems (canonical names, not addresses to resolve). */
  static final String PLAN = "https://healthplan.example/fhir";
  /** Authorization numbers: the case id. */
  static final String AUTHORIZATION_SYSTEM = PLAN + "/sid/prior-authorization";
  static final String MEMBER_SYSTEM = PLAN + "/sid/member-id";
  static final String RESPONSE_SYSTEM = PLAN + "/sid/pas-response";
  /** The policy's criteria, by the contract's unmet-criteria codes. */
  static final String CRITERIA_SYSTEM = PLAN + "/CodeSystem/vertebral-augmentation-criteria";
  /** The criteria Questionnaire's questions (code = the question's linkId), for Observations of the same facts. */
  static final String FACT_SYSTEM = PLAN + "/CodeSystem/vertebral-augmentation-facts";
  /** The plan's extension on a ClaimResponse item: one reason it was not certified in total (kind and concept). */
  static final String ITEM_REASON = PLAN + "/StructureDefinition/pas-item-reason";
  /** Why an item was not certified beside the criteria (a physician's decision on a level, missing information). */
  static final String REVIEW_REASON_SYSTEM = PLAN + "/CodeSystem/pas-review-reason";
  static final String ADJUDICATION_SYSTEM = PLAN + "/CodeSystem/pas-adjudication";
  static final String QUESTIONNAIRE_URL = PLAN + "/Questionnaire/" + PasRequestReader.QUESTIONNAIRE_ID;

  static final String PAS = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/";
  static final String PAS_RESPONSE_BUNDLE = PAS + "profile-pas-response-bundle";
  static final String PAS_CLAIM_RESPONSE = PAS + "profile-claimresponse";
  static final String PAS_INQUIRY_RESPONSE_BUNDLE = PAS + "profile-pas-inquiry-response-bundle";
  static final String PAS_INQUIRY_RESPONSE = PAS + "profile-claiminquiryresponse";
  static final String REVIEW_ACTION = PAS + "extension-reviewAction";
  static final String REVIEW_ACTION_CODE = PAS + "extension-reviewActionCode";
  static final String ITEM_PREAUTH_PERIOD = PAS + "extension-itemPreAuthPeriod";
  /** SDC: a question whose answer may be sent as (or extracted to) an Observation coded as the question is. */
  static final String SDC_OBSERVATION_EXTRACT =
      "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-observationExtract";
  static final String DTR_QUESTIONNAIRE = "http://hl7.org/fhir/us/davinci-dtr/StructureDefinition/dtr-std-questionnaire";
  /** X12 306 review action codes. */
  static final String X12_306 = "https://codesystem.x12.org/005010/306";
  static final String HL7_ADJUDICATION = "http://terminology.hl7.org/CodeSystem/adjudication";
  static final String CLAIM_TYPE = "http://terminology.hl7.org/CodeSystem/claim-type";

  private FhirNames() {
  }
}
