package com.healthplan.va.determination;

import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseStatus;
import java.time.Instant;
import java.util.List;

/**
 * The coverage determination of a case: who decided what, when, why, and which criteria were unmet; an approval
 * names the levels approved, its conditions and the criteria a physician overrode.
 */
record Determination(Outcome outcome, String decidedBy, Instant decidedAt, String rationale,
    List<String> unmetCriteria, List<String> approvedLevels, String conditions, List<String> overriddenCriteria) {

  static Determination denied(String decidedBy, Instant decidedAt, String rationale, List<String> unmetCriteria) {
    return new Determination(Outcome.DENIED, decidedBy, decidedAt, rationale, unmetCriteria, List.of(), null,
        List.of());
  }

  static Determination approved(String decidedBy, Instant decidedAt, String rationale, List<String> approvedLevels,
      String conditions, List<String> overriddenCriteria) {
    return new Determination(Outcome.APPROVED, decidedBy, decidedAt, rationale, List.of(), approvedLevels,
        conditions, overriddenCriteria);
  }

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
    return new CaseFile.Determination(outcome.name(), decidedBy, decidedAt, rationale, unmetCriteria, approvedLevels,
        conditions, overriddenCriteria);
  }
}
