package com.healthplan.va.casefile;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * One case as the application's own tables hold it ({@code va_case}, its determination rounds in
 * {@code va_determination} and their appeals in {@code va_appeal}): the source of truth for everything that
 * decides, notifies or reports. Process variables only carry copies of it for forms to show.
 */
public record CaseFile(
    String caseId,
    String processInstanceId,
    CaseStatus status,
    CaseIntake intake,
    Instant receivedAt,
    Prescreen prescreen,
    Review review,
    InformationRequest informationRequest,
    List<DeterminationRound> rounds,
    Closure closure,
    Cancellation cancellation) {

  public CaseFile {
    rounds = List.copyOf(rounds);
  }

  /** The case closed after its last follow-up, with the outcome in words. */
  public record Closure(Instant closedAt, String outcomeSummary) {
  }

  /** An administrator cancelled the case (its process instance was deleted), with the reason given. */
  public record Cancellation(Instant cancelledAt, String cancelledBy, String reason) {
  }

  /** The latest prescreen by decision {@code vcfEligibility}: the unmet criteria in decision order. */
  public record Prescreen(Instant at, List<String> unmetCriteria, Integer criteriaVersion) {

    public boolean meetsCriteria() {
      return unmetCriteria.isEmpty();
    }
  }

  /** The latest review of the criteria in the current round, by a nurse or a medical director. */
  public record Review(String decision, List<String> confirmedCriteria, String note, String reviewedBy,
      Instant reviewedAt) {
  }

  /** Requests for information sent to the requesting provider: how many, the latest one, and its answer. */
  public record InformationRequest(int count, String requestedInformation, Instant requestedAt, Instant dueAt,
      String receivedNote, Instant receivedAt) {
  }

  /** The round being made or last made: the last one. */
  public DeterminationRound currentRound() {
    return rounds.get(rounds.size() - 1);
  }

  /** The latest round that was decided (the current one, or the one before while a new round is open). */
  public Optional<DeterminationRound> latestDecidedRound() {
    for (int i = rounds.size() - 1; i >= 0; i--) {
      if (rounds.get(i).decided()) {
        return Optional.of(rounds.get(i));
      }
    }
    return Optional.empty();
  }

  /** The latest decision, or null before the first one. */
  public DeterminationRound.Decision determination() {
    return latestDecidedRound().map(DeterminationRound::decision).orElse(null);
  }

  /** The appeal of the latest decided round, if any. */
  public Optional<Appeal> appeal() {
    return latestDecidedRound().map(DeterminationRound::appeal);
  }

  /** When the current round's determination is due (extended, if it was). */
  public Instant determinationDueAt() {
    return currentRound().dueAt();
  }

  /** The current round's extension, if any. */
  public DeterminationRound.Extension extension() {
    return currentRound().extension();
  }

  /**
   * The facts decision {@code vcfEligibility} judges: the intake, with the request date moved to the day the
   * criteria must hold on when a round was opened for a later date (the scheduled date after an approval lapsed).
   */
  public VariableMap criteriaFacts() {
    VariableMap facts = intake.toVariables();
    if (currentRound().criteriaAsOf() != null) {
      facts.putValue(CaseVariables.REQUEST_DATE, currentRound().criteriaAsOf().toString());
    }
    return facts;
  }

  /** The patient named as on notices: initials only ("Jane Q. Doe" is "J.Q.D."). */
  public String patientInitials() {
    return intake.patientInitials();
  }
}
