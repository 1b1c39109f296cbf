package com.healthplan.va.determination;

import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseStatus;
import java.time.Instant;
import java.util.List;

/** The coverage determination of a case: who decided what, when, why, and which criteria were unmet. */
record Determination(Outcome outcome, String decidedBy, Instant decidedAt, String rationale,
    List<String> unmetCriteria) {

  enum Outcome {
    APPROVED(CaseStatus.APPROVED), DENIED(CaseStatus.DENIED);

    private final CaseStatus status;

    Outcome(CaseStatus status) {
      this.status = status;
    }

    CaseStatus status() {
      return status;
    }
  }

  CaseFile.Determination asRecorded() {
    return new CaseFile.Determination(outcome.name(), decidedBy, decidedAt, rationale, unmetCriteria);
  }
}
