package com.healthplan.va.caseapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.healthplan.va.casefile.CaseIntake;
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
    @JsonInclude(JsonInclude.Include.NON_NULL) Determination determination,
    List<Notice> notices,
    List<Document> documents) {

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

  /** The coverage determination, once made. */
  record Determination(String outcome, String decidedBy, OffsetDateTime decidedAt, String rationale,
      List<String> unmetCriteria) {
  }
}
