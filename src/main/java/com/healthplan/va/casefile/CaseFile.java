package com.healthplan.va.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * One case as the application's own tables hold it ({@code va_case}): the source of truth for everything that
 * decides, notifies or reports. Process variables only carry copies of it for forms to show.
 */
public record CaseFile(
    String caseId,
    String processInstanceId,
    CaseStatus status,
    CaseIntake intake,
    Instant receivedAt,
    Instant determinationDueAt,
    Instant determinationEscalationAt,
    boolean determinationEscalated,
    Prescreen prescreen,
    Review review,
    InformationRequest informationRequest,
    Determination determination,
    ReturnedToReview returnedToReview,
    int reviewRound,
    Closure closure,
    Extension extension) {

  /** The one extension of the determination's deadline, granted with a request for information. */
  public record Extension(int days, String reason, String extendedBy, Instant extendedAt, Instant originalDueAt) {
  }

  /** The case closed after its last follow-up, with the outcome in words. */
  public record Closure(Instant closedAt, String outcomeSummary) {
  }

  /**
   * Why an approved case came back to criteria review, and the day on which the criteria are judged since (the
   * scheduled date on which the fracture would be older than 4 months).
   */
  public record ReturnedToReview(LocalDate criteriaAsOf, String reason) {
  }

  /**
   * The facts decision {@code vcfEligibility} judges: the intake, with the request date moved to the day the
   * criteria must hold on when the case came back from scheduling.
   */
  public VariableMap criteriaFacts() {
    VariableMap facts = intake.toVariables();
    if (returnedToReview != null && returnedToReview.criteriaAsOf() != null) {
      facts.putValue(CaseVariables.REQUEST_DATE, returnedToReview.criteriaAsOf().toString());
    }
    return facts;
  }

  /** The latest prescreen by decision {@code vcfEligibility}: the unmet criteria in decision order. */
  public record Prescreen(Instant at, List<String> unmetCriteria, Integer criteriaVersion) {

    public boolean meetsCriteria() {
      return unmetCriteria.isEmpty();
    }
  }

  /** The latest review of the criteria, by a nurse or a medical director. */
  public record Review(String decision, List<String> confirmedCriteria, String note, String reviewedBy,
      Instant reviewedAt) {
  }

  /** Requests for information sent to the requesting provider: how many, the latest one, and its answer. */
  public record InformationRequest(int count, String requestedInformation, Instant dueAt, String receivedNote,
      Instant receivedAt) {
  }

  /**
   * The coverage determination: who decided what, when, why, and which criteria were unmet; for an approval, the
   * levels approved (the request's, or fewer), its conditions and the criteria the physician overrode.
   */
  public record Determination(String outcome, String decidedBy, Instant decidedAt, String rationale,
      List<String> unmetCriteria, List<String> approvedLevels, String conditions, List<String> overriddenCriteria) {
  }

  /** The patient named as on notices: initials only ("Jane Q. Doe" is "J.Q.D."). */
  public String patientInitials() {
    return intake.patientInitials();
  }
}
