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
  static final String ADJUDICATION_SYSTEM = PLAN + "/CodeSystem/pas-adjudication";
  static final String QUESTIONNAIRE_URL = PLAN + "/Questionnaire/" + PasRequestReader.QUESTIONNAIRE_ID;

  static final String PAS = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/";
  static final String PAS_RESPONSE_BUNDLE = PAS + "profile-pas-response-bundle";
  static final String PAS_CLAIM_RESPONSE = PAS + "profile-claimresponse";
  static final String PAS_INQUIRY_RESPONSE = PAS + "profile-claiminquiryresponse";
  static final String REVIEW_ACTION = PAS + "extension-reviewAction";
  static final String REVIEW_ACTION_CODE = PAS + "extension-reviewActionCode";
  static final String ITEM_PREAUTH_PERIOD = PAS + "extension-itemPreAuthPeriod";
  static final String DTR_QUESTIONNAIRE = "http://hl7.org/fhir/us/davinci-dtr/StructureDefinition/dtr-std-questionnaire";
  /** X12 306 review action codes. */
  static final String X12_306 = "https://codesystem.x12.org/005010/306";
  static final String HL7_ADJUDICATION = "http://terminology.hl7.org/CodeSystem/adjudication";
  static final String CLAIM_TYPE = "http://terminology.hl7.org/CodeSystem/claim-type";

  private FhirNames() {
  }
}
