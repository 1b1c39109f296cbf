package com.healthplan.va.casefile;

import java.util.List;

/**
 * Names of the process variables of a vertebral augmentation case, in one place.
 * The intake names are fixed by the case contract; the others are the application's own.
 */
public final class CaseVariables {

  public static final String PROCESS_KEY = "vertebralAugmentationCase";
  /** The determination phase, called by the case process. */
  public static final String DETERMINATION_PROCESS_KEY = "vertebralAugmentationDetermination";
  /** The procedure phase (documentation, scheduling, procedure record), called after an approval. */
  public static final String PROCEDURE_PROCESS_KEY = "vertebralAugmentationProcedure";
  /** The follow-up phase (1 week, 1 month, 3 months, 1 year), called when a procedure is recorded. */
  public static final String FOLLOW_UP_PROCESS_KEY = "vertebralAugmentationFollowUp";
  /** The appeal of a determination adverse in whole or in part, decided by another physician. */
  public static final String APPEAL_PROCESS_KEY = "vertebralAugmentationAppeal";
  /** The notice of a decision to the requesting provider and the member, started by the decision's process. */
  public static final String NOTICE_PROCESS_KEY = "vertebralAugmentationNotice";
  /** Every process of a case: the case process and the phases it calls (each with the case id as business key). */
  public static final List<String> CASE_PROCESS_KEYS = List.of(PROCESS_KEY, DETERMINATION_PROCESS_KEY,
      APPEAL_PROCESS_KEY, PROCEDURE_PROCESS_KEY, FOLLOW_UP_PROCESS_KEY, NOTICE_PROCESS_KEY);
  /** The phase processes (and the notices), which start only when the case's own processes start them. */
  public static final List<String> PHASE_PROCESS_KEYS = List.of(DETERMINATION_PROCESS_KEY, APPEAL_PROCESS_KEY,
      PROCEDURE_PROCESS_KEY, FOLLOW_UP_PROCESS_KEY, NOTICE_PROCESS_KEY);
  public static final String ELIGIBILITY_DECISION_KEY = "vcfEligibility";
  /** The message that starts a notice process. */
  public static final String NOTICE_REQUESTED_MESSAGE = "NoticeRequested";
  /** The message that ends a wait for an appeal the case is no longer open to (withdrawn, or a new round opened). */
  public static final String APPEAL_WINDOW_CLOSED_MESSAGE = "AppealWindowClosed";
  /** The message that ends the review of an appeal the case no longer needs, recorded as closed without a decision. */
  public static final String APPEAL_CLOSED_WITHOUT_DECISION_MESSAGE = "AppealClosedWithoutDecision";
  /** The message that ends a follow-up's wait when its report arrives outside the task (PCP link, fax, phone). */
  public static final String FOLLOW_UP_REPORTED_MESSAGE = "FollowUpReported";
  public static final String PAYMENT_LIMITS_DECISION_KEY = "vaPaymentLimits";

  // Intake (contract names)
  public static final String MEMBER_ID = "memberId";
  public static final String PATIENT_NAME = "patientName";
  /** Copy for task cards: the minimum necessary to tell cases apart. */
  public static final String PATIENT_INITIALS = "patientInitials";
  public static final String PATIENT_BIRTH_DATE = "patientBirthDate";
  public static final String REQUESTING_PROVIDER_NAME = "requestingProviderName";
  public static final String REQUESTING_PROVIDER_NPI = "requestingProviderNpi";
  public static final String REQUESTING_PROVIDER_EMAIL = "requestingProviderEmail";
  public static final String PCP_NAME = "pcpName";
  public static final String PCP_EMAIL = "pcpEmail";
  public static final String PCP_PHONE = "pcpPhone";
  public static final String MEMBER_EMAIL = "memberEmail";
  public static final String MEMBER_ADDRESS = "memberAddress";
  /** The patient's telephone (optional): follow-up calls. */
  public static final String PATIENT_PHONE = "patientPhone";
  public static final String PROCEDURE_TYPE = "procedureType";
  public static final String REQUEST_DATE = "requestDate";
  public static final String URGENCY = "urgency";
  public static final String FRACTURE_LEVELS = "fractureLevels";
  public static final String FRACTURE_DATE = "fractureDate";
  public static final String IMAGING_MODALITY = "imagingModality";
  public static final String IMAGING_DATE = "imagingDate";
  public static final String PAIN_SCORE = "painScore";
  public static final String PAIN_INTERFERES_WITH_ADLS = "painInterferesWithAdls";
  public static final String ADLS_PREVIOUSLY_INDEPENDENT = "adlsPreviouslyIndependent";
  public static final String CONSERVATIVE_CARE_FAILED = "conservativeCareFailed";
  public static final String INTERVENTIONS_ATTEMPTED = "interventionsAttempted";
  public static final String UNSTABLE_FRACTURE = "unstableFracture";
  public static final String ACTIVE_INFECTION = "activeInfection";
  public static final String UNCORRECTED_COAGULOPATHY = "uncorrectedCoagulopathy";
  public static final String BONE_RETROPULSION = "boneRetropulsion";
  public static final String RADICULAR_SYMPTOMS = "radicularSymptoms";
  public static final String SPINAL_TUMOR_OR_CORD_COMPRESSION = "spinalTumorOrCordCompression";
  public static final String MATERIAL_ALLERGY_OR_CONTRAINDICATION = "materialAllergyOrContraindication";
  public static final String OTHER_SPINAL_PAIN_GENERATORS = "otherSpinalPainGenerators";

  // Case record
  public static final String CASE_ID = "caseId";
  public static final String CASE_STATUS = "caseStatus";
  public static final String RECEIVED_AT = "receivedAt";
  /** Copies in words for forms: the procedure with its CPT codes, the urgency, the deadline in the plan's zone. */
  public static final String PROCEDURE_LABEL = "procedureLabel";
  public static final String URGENCY_LABEL = "urgencyLabel";
  public static final String STATUS_LABEL = "statusLabel";
  public static final String DETERMINATION_DUE_TEXT = "determinationDueText";
  public static final String FRACTURE_LEVELS_TEXT = "fractureLevelsText";
  /** The case's page, linked from every form's heading. */
  public static final String CASE_PAGE_URL = "casePageUrl";
  /** The current determination round's number. */
  public static final String ROUND = "round";
  public static final String DETERMINATION_DUE_AT = "determinationDueAt";
  public static final String DETERMINATION_ESCALATION_AT = "determinationEscalationAt";

  // Prescreen (decision vcfEligibility)
  public static final String CRITERIA_VERSION = "criteriaVersion";
  public static final String PRESCREEN_MEETS_CRITERIA = "prescreenMeetsCriteria";
  public static final String PRESCREEN_UNMET_CRITERIA = "prescreenUnmetCriteria";
  /** The decision's list of unmet criteria, as the business rule task returns it (collect entries). */
  public static final String PRESCREEN_RESULT = "prescreenResult";
  /** The criteria as checklist options ({@code valuesKey}), in the wording of the case's criteria version. */
  public static final String CRITERIA_OPTIONS = "criteriaOptions";
  /** The prescreen's unmet criteria in words, for the reviewers' forms. */
  public static final String PRESCREEN_UNMET_WORDING = "prescreenUnmetWording";

  // Criteria review by the utilization-management nurse
  public static final String REVIEW_CONFIRMED_CRITERIA = "reviewConfirmedCriteria";
  public static final String REVIEW_DECISION = "reviewDecision";
  public static final String REVIEW_NOTE = "reviewNote";
  public static final String REQUESTED_INFORMATION = "requestedInformation";
  public static final String INFORMATION_REQUEST_COUNT = "informationRequestCount";
  public static final String INFORMATION_DUE_AT = "informationDueAt";
  public static final String INFORMATION_RECEIVED_NOTE = "informationReceivedNote";
  /** An extension of the determination's deadline, with a request for information (once, up to 14 days). */
  public static final String EXTENSION_DAYS = "extendDeterminationByDays";
  public static final String EXTENSION_REASON = "extensionReason";

  // Review by the medical director
  public static final String MEDICAL_DIRECTOR_DECISION = "medicalDirectorDecision";
  public static final String MEDICAL_DIRECTOR_RATIONALE = "medicalDirectorRationale";
  /** An approval of fewer levels than requested (empty: the request's), and its conditions. */
  public static final String APPROVED_LEVELS = "approvedLevels";
  /** What the approval in force covers, in words: its levels and the last day of a procedure it covers. */
  public static final String APPROVED_LEVELS_TEXT = "approvedLevelsText";
  public static final String VALID_THROUGH = "validThrough";
  public static final String VALID_THROUGH_TEXT = "validThroughText";
  public static final String APPROVAL_CONDITIONS = "approvalConditions";

  // Determination
  public static final String DETERMINATION_OUTCOME = "determinationOutcome";
  public static final String DETERMINATION_DECIDED_BY = "determinationDecidedBy";
  public static final String DETERMINATION_DECIDED_AT = "determinationDecidedAt";
  public static final String DETERMINATION_RATIONALE = "determinationRationale";
  public static final String DETERMINATION_UNMET_CRITERIA = "determinationUnmetCriteria";

  /** Why an approved case came back to criteria review: a new round (shown to the nurse and physician). */
  public static final String RETURNED_TO_REVIEW_REASON = "returnedToReviewReason";
  /** Why the nurse referred the case, shown at the top of the physician's form. */
  public static final String REFERRAL_REASON = "referralReason";

  /** The case's documents for forms to list: file name, kind, upload time and download link of each. */
  public static final String CASE_DOCUMENTS = "caseDocuments";

  // Pre-procedure documentation (contract names for the task's decision fields)
  public static final String DOCUMENTATION_CONFIRMED = "documentationConfirmed";
  public static final String DOCUMENTATION_NOTE = "documentationNote";
  public static final String DOCUMENTATION_MISSING = "documentationMissing";
  public static final String DOCUMENTATION_MISSING_WORDING = "documentationMissingWording";
  public static final String DOCUMENTATION_REQUEST_COUNT = "documentationRequestCount";
  public static final String DOCUMENTATION_REQUESTED_AT = "documentationRequestedAt";
  public static final String DOCUMENTATION_DUE_AT = "documentationDueAt";
  public static final String WITHDRAW_PROCEDURE = "withdrawProcedure";
  public static final String WITHDRAWAL_REASON = "withdrawalReason";

  // Scheduling (contract names)
  public static final String SCHEDULE_DECISION = "scheduleDecision";
  public static final String FACILITY_NAME = "facilityName";
  public static final String SCHEDULED_DATE = "scheduledDate";
  public static final String SETTING = "setting";
  public static final String INPATIENT_JUSTIFICATION = "inpatientJustification";
  public static final String DEFERRED_TO_PCP = "deferredToPcp";

  // Procedure record (contract names)
  public static final String RECORD_DECISION = "recordDecision";
  public static final String PROCEDURE_DATE = "procedureDate";
  public static final String LEVELS_TREATED = "levelsTreated";
  public static final String IMAGING_GUIDANCE = "imagingGuidance";
  public static final String TROCAR_PLACEMENT_IMAGES_RETAINED = "trocarPlacementImagesRetained";
  public static final String FINAL_VERTEBRAL_BODY_IMAGES_RETAINED = "finalVertebralBodyImagesRetained";
  public static final String OPERATIVE_NARRATIVE_RECEIVED = "operativeNarrativeReceived";
  public static final String OPEN_SPINE_PROCEDURE_SAME_SESSION = "openSpineProcedureSameSession";
  public static final String BIOPSY_LEVELS = "biopsyLevels";
  public static final String EARLY_PROCEDURE_RATIONALE = "earlyProcedureRationale";

  // Payment findings (decision vaPaymentLimits)
  public static final String PAYMENT_FINDINGS = "paymentFindings";
  public static final String PAYMENT_FINDINGS_LIST = "paymentFindingsList";
  public static final String PAYMENT_FINDINGS_NOTE = "paymentFindingsNote";

  // Appeals (contract names)
  public static final String APPEAL_REQUESTED_BY = "requestedBy";
  public static final String APPEAL_REASON = "reason";
  public static final String APPEAL_DECISION = "appealDecision";
  public static final String APPEAL_RATIONALE = "appealRationale";
  public static final String APPEAL_DUE_AT = "appealDueAt";
  public static final String APPEAL_ESCALATION_AT = "appealEscalationAt";
  public static final String DENIED_BY = "deniedBy";

  // Follow-ups (contract names for the task's decision fields)
  public static final String CONTACT_METHOD = "contactMethod";
  public static final String FOLLOW_UP_PAIN_SCORE = "painScore";
  public static final String COMFORT_SCORE = "comfortScore";
  public static final String ACTIVITY_SCORE = "activityScore";
  public static final String FOLLOW_UP_NOTE = "followUpNote";
  /** Local input of the follow-up phase's tasks and service tasks: which milestone. */
  public static final String MILESTONE = "milestone";
  /** Copies for the follow-up form: the milestone's label and due date, the baseline and earlier scores. */
  public static final String MILESTONE_LABEL = "milestoneLabel";
  public static final String MILESTONE_DUE_DATE = "milestoneDueDate";
  /**
   * Days in words for the forms' text ("Dec 9, 2026"): the ISO values above stay for date fields, DMN and timers;
   * people read these.
   */
  public static final String MILESTONE_DUE_TEXT = "milestoneDueText";
  public static final String REQUEST_DATE_TEXT = "requestDateText";
  public static final String FRACTURE_DATE_TEXT = "fractureDateText";
  public static final String SCHEDULED_DATE_TEXT = "scheduledDateText";
  public static final String PROCEDURE_DATE_TEXT = "procedureDateText";
  public static final String EARLIER_FOLLOW_UPS = "earlierFollowUps";

  /** Which notice a notice process sends, and of which round. */
  public static final String NOTICE = "notice";
  public static final String NOTICE_ROUND = "noticeRound";
  /** The appeal phase's copies for its forms: what the appeal concerns and until when it may be filed. */
  public static final String APPEALED_LEVELS_TEXT = "appealedLevelsText";
  public static final String APPEAL_UNTIL_TEXT = "appealUntilText";

  private CaseVariables() {
  }
}
