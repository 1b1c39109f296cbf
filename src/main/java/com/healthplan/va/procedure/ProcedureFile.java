package com.healthplan.va.procedure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The procedure phase of one case as {@code va_procedure} holds it: pre-procedure documentation, the latest
 * schedule, the procedure record with its payment findings, and a withdrawal. Parts not reached yet are null.
 */
public record ProcedureFile(
    String caseId,
    Documentation documentation,
    Schedule schedule,
    ProcedureRecord record,
    Findings findings,
    Withdrawal withdrawal) {

  /** The nurse's latest review of the documentation items and the requests sent to the provider. */
  public record Documentation(List<String> confirmed, List<String> missing, String note, String reviewedBy,
      Instant reviewedAt, int requestCount, Instant requestedAt, Instant dueAt, Instant escalatedAt) {

    public boolean reviewed() {
      return reviewedAt != null;
    }

    /** Every item confirmed by a nurse. */
    public boolean complete() {
      return reviewed() && missing.isEmpty();
    }
  }

  /** Where, when and in which setting the procedure is to be done, and which follow-ups go to the PCP. */
  public record Schedule(String facilityName, LocalDate scheduledDate, Setting setting, String inpatientJustification,
      List<String> deferredToPcp, String scheduledBy, Instant scheduledAt, int count) {
  }

  /** How a coordinator resolved the findings: those a recorded document settles, and a note on the rest. */
  public record Findings(List<String> codes, Integer paymentLimitsVersion, String note,
      List<String> resolvedByDocument, String resolvedBy, Instant resolvedAt) {
  }

  /** Why the procedure will not take place. */
  public record Withdrawal(String reason, String withdrawnBy, Instant withdrawnAt) {
  }
}
