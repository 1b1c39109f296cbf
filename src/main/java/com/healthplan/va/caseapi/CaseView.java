package com.healthplan.va.caseapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.healthplan.va.intake.CaseIntake;
import java.time.OffsetDateTime;
import java.util.List;

/** The case as the case API shows it: status, every intake field, deadlines, prescreen and determination. */
@JsonPropertyOrder({"caseId", "status"})
record CaseView(
    String caseId,
    String status,
    @JsonUnwrapped CaseIntake intake,
    OffsetDateTime receivedAt,
    OffsetDateTime determinationDueAt,
    Prescreen prescreen,
    @JsonInclude(JsonInclude.Include.NON_NULL) InformationRequest informationRequest,
    @JsonInclude(JsonInclude.Include.NON_NULL) Determination determination) {

  /** What decision {@code vcfEligibility} found at the latest prescreen. */
  record Prescreen(boolean meetsCriteria, List<String> unmetCriteria) {
  }

  /** The latest request for information sent to the requesting provider. */
  record InformationRequest(int count, OffsetDateTime dueAt) {
  }

  /** The coverage determination, once made. */
  record Determination(String outcome, String decidedBy, OffsetDateTime decidedAt, String rationale,
      List<String> unmetCriteria) {
  }
}
