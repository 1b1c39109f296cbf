package com.healthplan.va.caseapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.healthplan.va.casefile.CaseIntake;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The case as the case API shows it, read from the case file: status, every intake field, deadlines, prescreen
 * (with the version of the criteria that made it), determination, the notices sent and the case's documents
 * (newest first, without content).
 */
@JsonPropertyOrder({"caseId", "status"})
record CaseView(
    String caseId,
    String status,
    @JsonUnwrapped CaseIntake intake,
    OffsetDateTime receivedAt,
    OffsetDateTime determinationDueAt,
    Prescreen prescreen,
    Integer criteriaVersion,
    @JsonInclude(JsonInclude.Include.NON_NULL) InformationRequest informationRequest,
    @JsonInclude(JsonInclude.Include.NON_NULL) Extension extension,
    @JsonInclude(JsonInclude.Include.NON_NULL) Determination determination,
    List<Round> determinations,
    @JsonInclude(JsonInclude.Include.NON_NULL) Appeal appeal,
    @JsonInclude(JsonInclude.Include.NON_NULL) ReturnedToReview returnedToReview,
    @JsonInclude(JsonInclude.Include.NON_NULL) Documentation documentation,
    @JsonInclude(JsonInclude.Include.NON_NULL) Schedule schedule,
    @JsonInclude(JsonInclude.Include.NON_NULL) Procedure procedure,
    @JsonInclude(JsonInclude.Include.NON_NULL) Withdrawal withdrawal,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<FollowUp> followUps,
    @JsonInclude(JsonInclude.Include.NON_NULL) Outcome outcome,
    List<Notice> notices,
    List<Document> documents) {

  /** The one extension of the determination's deadline: by how many days, why, from which deadline. */
  record Extension(int days, String reason, String extendedBy, OffsetDateTime extendedAt,
      OffsetDateTime originalDueAt) {
  }

  /**
   * The appeal of a determination adverse in whole or in part (contract fields first); outcome and decision once
   * decided; the levels it concerns and, when overturned, until when the approval it grants is valid.
   */
  @JsonPropertyOrder({"receivedAt", "dueAt", "outcome", "decidedBy", "decidedAt", "rationale"})
  record Appeal(OffsetDateTime receivedAt, OffsetDateTime dueAt, String outcome, String decidedBy,
      OffsetDateTime decidedAt, String rationale, String requestedBy, String reason, String urgency,
      List<String> levels, @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate validThrough,
      @JsonInclude(JsonInclude.Include.NON_NULL) OffsetDateTime closedWithoutDecisionAt,
      @JsonInclude(JsonInclude.Include.NON_NULL) String closedReason) {
  }

  /**
   * One determination round (contract fields first): why it was opened, its deadline, what was decided, until
   * when an approval is valid and until when the determination may be appealed, its appeal and its notices.
   */
  @JsonPropertyOrder({"round", "outcome", "decidedBy", "decidedAt", "validThrough", "approvedLevels", "unmetCriteria",
      "appeal", "notices"})
  record Round(int round, String outcome, String decidedBy, OffsetDateTime decidedAt, LocalDate validThrough,
      List<String> approvedLevels, List<String> unmetCriteria, @JsonInclude(JsonInclude.Include.NON_NULL) Appeal appeal,
      List<Notice> notices, String openedBecause, @JsonInclude(JsonInclude.Include.NON_NULL) String openingReason,
      OffsetDateTime openedAt, @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate criteriaAsOf,
      OffsetDateTime dueAt, @JsonInclude(JsonInclude.Include.NON_NULL) Extension extension,
      @JsonInclude(JsonInclude.Include.NON_NULL) String rationale,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> notApprovedLevels,
      @JsonInclude(JsonInclude.Include.NON_NULL) String conditions,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> overriddenCriteria,
      @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate appealUntil) {
  }

  /** Why an approved case came back to criteria review, and the day its criteria are judged on since. */
  record ReturnedToReview(LocalDate criteriaAsOf, String reason) {
  }

  /** The pre-procedure documentation items (contract codes) a nurse confirmed or found missing. */
  @JsonPropertyOrder({"confirmed", "missing"})
  record Documentation(List<String> confirmed, List<String> missing, OffsetDateTime reviewedAt, String reviewedBy,
      int requestCount, OffsetDateTime requestedAt, OffsetDateTime dueAt) {
  }

  /** Where and when the procedure is scheduled, and which follow-ups go to the PCP. */
  record Schedule(String facilityName, LocalDate scheduledDate, String setting, String inpatientJustification,
      List<String> deferredToPcp, String scheduledBy, OffsetDateTime scheduledAt) {
  }

  /** The procedure as recorded, with its payment findings (decision vaPaymentLimits, in its order). */
  record Procedure(LocalDate procedureDate, List<String> levelsTreated, String imagingGuidance,
      boolean trocarPlacementImagesRetained, boolean finalVertebralBodyImagesRetained,
      boolean operativeNarrativeReceived, boolean openSpineProcedureSameSession, List<String> biopsyLevels,
      String earlyProcedureRationale, String recordedBy, OffsetDateTime recordedAt, List<String> paymentFindings,
      Integer paymentLimitsVersion, @JsonInclude(JsonInclude.Include.NON_NULL) FindingsResolution findingsResolution) {
  }

  /** How a coordinator resolved the payment findings. */
  record FindingsResolution(List<String> resolvedByDocument, String note, String resolvedBy,
      OffsetDateTime resolvedAt) {
  }

  /** A follow-up of the recorded procedure (contract fields; scores once completed). */
  @JsonPropertyOrder({"milestone", "dueDate", "status", "deferredToPcp", "completedAt", "contactMethod", "painScore",
      "comfortScore", "activityScore"})
  record FollowUp(String milestone, LocalDate dueDate, String status, boolean deferredToPcp,
      OffsetDateTime completedAt, String contactMethod, Integer painScore, Integer comfortScore,
      Integer activityScore, String note, String recordedBy, OffsetDateTime pcpRequestedAt, int pcpReminders,
      OffsetDateTime pcpAcknowledgedAt) {
  }

  /** The closed case's outcome: pain at intake against each milestone. */
  record Outcome(OffsetDateTime closedAt, String summary) {
  }

  /** The procedure will not take place. */
  record Withdrawal(String reason, String withdrawnBy, OffsetDateTime withdrawnAt) {
  }

  /** What decision {@code vcfEligibility} found at the latest prescreen. */
  record Prescreen(boolean meetsCriteria, List<String> unmetCriteria) {
  }

  /** The latest request for information sent to the requesting provider. */
  record InformationRequest(int count, OffsetDateTime dueAt) {
  }

  /** An e-mail the SMTP server accepted for this case. */
  record Notice(String kind, String to, OffsetDateTime sentAt, String messageId) {
  }

  /** A document of the case (its content is downloaded from the document API). */
  record Document(String documentId, String kind, String fileName, String mediaType, long sizeBytes,
      OffsetDateTime uploadedAt) {
  }

  /**
   * The latest determination, once made (contract fields first): {@code APPROVED} (with the levels approved, and
   * any conditions: an approval with modifications), {@code DENIED}, or {@code CLOSED_INCOMPLETE}; its round number
   * and, for an approval, the last day of a procedure it covers.
   */
  @JsonPropertyOrder({"outcome", "decidedBy", "decidedAt", "rationale", "unmetCriteria"})
  record Determination(String outcome, String decidedBy, OffsetDateTime decidedAt, String rationale,
      List<String> unmetCriteria, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> approvedLevels,
      @JsonInclude(JsonInclude.Include.NON_NULL) String conditions,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> overriddenCriteria, int round,
      @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate validThrough) {
  }
}
