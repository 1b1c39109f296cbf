package com.healthplan.va.casefile;

import static com.healthplan.va.casefile.Rows.*;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes the case file: {@code va_case}, its determination rounds ({@code va_determination}) and their
 * appeals ({@code va_appeal}). Callers are the application's validated code paths (listeners and delegates of the
 * case's processes), in the engine's transaction, so a change commits or rolls back with the step that made it.
 * A status changes only from the status the caller read ({@link #enter}), and a decision is written once.
 */
@Repository
public class CaseRepository {

  private static final String INTAKE_COLUMNS = "member_id, patient_name, patient_birth_date, "
      + "requesting_provider_name, requesting_provider_npi, requesting_provider_email, pcp_name, pcp_email, "
      + "pcp_phone, member_email, member_address, patient_phone, procedure_type, request_date, urgency, "
      + "fracture_levels, fracture_date, imaging_modality, imaging_date, pain_score, pain_interferes_with_adls, "
      + "adls_previously_independent, conservative_care_failed, interventions_attempted, unstable_fracture, "
      + "active_infection, uncorrected_coagulopathy, bone_retropulsion, radicular_symptoms, "
      + "spinal_tumor_or_cord_compression, material_allergy_or_contraindication, other_spinal_pain_generators";

  private final JdbcTemplate jdbc;
  private final PlanCalendar calendar;

  public CaseRepository(JdbcTemplate jdbc, PlanCalendar calendar) {
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  /** Opens the case file of a new case with its first determination round, in review until it is decided. */
  public void open(String caseId, String processInstanceId, CaseIntake intake, Instant receivedAt, Instant dueAt,
      Instant escalationAt) {
    Object[] values = append(append(new Object[] {caseId, processInstanceId, CaseStatus.IN_REVIEW.name()},
        intakeValues(intake)), moment(receivedAt), 0, 1, now());
    jdbc.update("INSERT INTO va_case (case_id, process_instance_id, status, " + INTAKE_COLUMNS
        + ", received_at, information_request_count, review_round, updated_at) VALUES (?"
        + ", ?".repeat(values.length - 1) + ")", values);
    insertRound(caseId, 1, DeterminationRound.Opening.RECEIVED, null, receivedAt, null, dueAt, escalationAt);
  }

  public Optional<CaseFile> find(String caseId) {
    List<CaseFile> found = jdbc.query("SELECT * FROM va_case WHERE case_id = ?",
        (row, n) -> caseFile(row, rounds(caseId)), caseId);
    return found.stream().findFirst();
  }

  /** Whether there is a case of this id, open or finished. */
  public boolean exists(String caseId) {
    Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM va_case WHERE case_id = ?", Integer.class, caseId);
    return rows != null && rows > 0;
  }

  /** The case file of a running case; its absence is a defect, not user input. */
  public CaseFile get(String caseId) {
    return find(caseId).orElseThrow(() -> new IllegalStateException("No case file for " + caseId));
  }

  /**
   * Moves the case from the status its caller read to another; a status changed meanwhile by a concurrent step is
   * a conflict, and the step is rolled back.
   */
  void enter(String caseId, CaseStatus from, CaseStatus to) {
    if (jdbc.update("UPDATE va_case SET status = ?, updated_at = ? WHERE case_id = ? AND status = ?", to.name(),
        now(), caseId, from.name()) != 1) {
      throw new CaseConflictException("Case " + caseId + " changed while this step ran; try again.");
    }
  }

  /** The intake facts corrected from the provider's documents, and the nurse's note of what arrived. */
  public void updateIntake(String caseId, CaseIntake intake, String receivedNote, Instant receivedAt) {
    String assignments = String.join(" = ?, ", INTAKE_COLUMNS.split(", ")) + " = ?";
    Object[] values = append(intakeValues(intake), receivedNote, moment(receivedAt), now(), caseId);
    one(jdbc.update("UPDATE va_case SET " + assignments + ", information_received_note = ?, "
        + "information_received_at = ?, updated_at = ? WHERE case_id = ?", values), "case file");
  }

  /** A new prescreen: the case waits for (a fresh) criteria review, whose earlier answers no longer count. */
  public void recordPrescreen(String caseId, List<String> unmetCriteria, int criteriaVersion, Instant at) {
    one(jdbc.update("UPDATE va_case SET prescreened_at = ?, prescreen_unmet_criteria = ?, criteria_version = ?, "
            + "review_decision = NULL, review_note = NULL, review_confirmed_criteria = NULL, reviewed_by = NULL, "
            + "reviewed_at = NULL, updated_at = ? WHERE case_id = ?",
        moment(at), codes(unmetCriteria), criteriaVersion, now(), caseId), "case file");
  }

  public void recordReview(String caseId, CaseFile.Review review) {
    one(jdbc.update("UPDATE va_case SET review_decision = ?, review_confirmed_criteria = ?, review_note = ?, "
            + "reviewed_by = ?, reviewed_at = ?, updated_at = ? WHERE case_id = ?",
        review.decision(), codes(review.confirmedCriteria()), review.note(), review.reviewedBy(),
        moment(review.reviewedAt()), now(), caseId), "case file");
  }

  /** A request for information decided by the nurse; its deadline is set when it is sent. */
  public void recordInformationRequested(String caseId, String requestedInformation) {
    one(jdbc.update("UPDATE va_case SET information_request_count = information_request_count + 1, "
            + "requested_information = ?, information_requested_at = NULL, information_due_at = NULL, "
            + "information_received_note = NULL, information_received_at = NULL, updated_at = ? WHERE case_id = ?",
        requestedInformation, now(), caseId), "case file");
  }

  /** The request went out: when, and by when the provider must answer. */
  public void recordInformationSent(String caseId, Instant sentAt, Instant dueAt) {
    one(jdbc.update("UPDATE va_case SET information_requested_at = ?, information_due_at = ?, updated_at = ? "
        + "WHERE case_id = ?", moment(sentAt), moment(dueAt), now(), caseId), "case file");
  }

  /** Records the round's decision, once: false (nothing changed) when the round was decided already. */
  boolean decide(String caseId, int round, DeterminationRound.Decision decision) {
    return jdbc.update("UPDATE va_determination SET outcome = ?, decided_by = ?, decided_at = ?, rationale = ?, "
            + "unmet_criteria = ?, approved_levels = ?, not_approved_levels = ?, conditions = ?, "
            + "overridden_criteria = ?, valid_through = ? WHERE case_id = ? AND round = ? AND outcome IS NULL",
        decision.outcome().name(), decision.decidedBy(), moment(decision.decidedAt()), decision.rationale(),
        codes(decision.unmetCriteria()), codes(decision.approvedLevels()), codes(decision.notApprovedLevels()),
        decision.conditions(), codes(decision.overriddenCriteria()), decision.validThrough(), caseId, round) == 1;
  }

  /** Opens the next round beside the earlier ones; the review of the criteria starts afresh. */
  void openRound(String caseId, int round, DeterminationRound.Opening opening, String reason, LocalDate criteriaAsOf,
      Instant dueAt, Instant escalationAt) {
    insertRound(caseId, round, opening, reason, calendar.now(), criteriaAsOf, dueAt, escalationAt);
    one(jdbc.update("UPDATE va_case SET review_round = ?, review_decision = NULL, review_confirmed_criteria = NULL, "
            + "review_note = NULL, reviewed_by = NULL, reviewed_at = NULL, updated_at = ? "
            + "WHERE case_id = ? AND review_round = ?", round, now(), caseId, round - 1), "case file");
  }

  /** Extends the round's deadline, once: false (nothing changed) when it was extended before. */
  public boolean extend(String caseId, int round, DeterminationRound.Extension extension, Instant newDueAt,
      Instant newEscalationAt) {
    return jdbc.update("UPDATE va_determination SET extension_days = ?, extension_reason = ?, extended_by = ?, "
            + "extended_at = ?, original_due_at = due_at, due_at = ?, escalation_at = ?, escalated = FALSE "
            + "WHERE case_id = ? AND round = ? AND extension_days IS NULL AND outcome IS NULL",
        extension.days(), extension.reason(), extension.extendedBy(), moment(extension.extendedAt()),
        moment(newDueAt), moment(newEscalationAt), caseId, round) == 1;
  }

  public void markEscalated(String caseId, int round) {
    jdbc.update("UPDATE va_determination SET escalated = TRUE WHERE case_id = ? AND round = ?", caseId, round);
  }

  /** Every follow-up is done: the case is closed with its outcome in words. */
  void close(String caseId, String outcomeSummary, Instant at) {
    one(jdbc.update("UPDATE va_case SET closed_at = ?, outcome_summary = ?, updated_at = ? WHERE case_id = ?",
        moment(at), outcomeSummary, now(), caseId), "case file");
  }

  /** An administrator cancelled the case. */
  void cancel(String caseId, String cancelledBy, String reason, Instant at) {
    one(jdbc.update("UPDATE va_case SET cancelled_at = ?, cancelled_by = ?, cancellation_reason = ?, updated_at = ? "
        + "WHERE case_id = ?", moment(at), cancelledBy, reason, now(), caseId), "case file");
  }

  /** Records an appeal of a round; false (nothing changed) when the round already has one. */
  boolean openAppeal(String caseId, Appeal appeal) {
    return jdbc.update("INSERT INTO va_appeal (case_id, review_round, requested_by, reason, urgency, received_at, "
            + "received_by, due_at, escalation_at, denied_by, appealed_levels, updated_at) "
            + "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM va_case WHERE case_id = ? AND NOT EXISTS "
            + "(SELECT 1 FROM va_appeal WHERE case_id = ? AND review_round = ?)",
        caseId, appeal.round(), appeal.requestedBy().name(), appeal.reason(), appeal.urgency().name(),
        moment(appeal.receivedAt()), appeal.receivedBy(), moment(appeal.dueAt()), moment(appeal.escalationAt()),
        appeal.deniedBy() == null ? "" : appeal.deniedBy(), codes(appeal.appealedLevels()), now(), caseId, caseId,
        appeal.round()) == 1;
  }

  /** The appeal's decision, once: false (nothing changed) when it was decided already. */
  boolean decideAppeal(String caseId, int round, AppealOutcome outcome, String decidedBy, Instant at,
      String rationale, LocalDate approvalValidThrough) {
    return jdbc.update("UPDATE va_appeal SET outcome = ?, decided_by = ?, decided_at = ?, rationale = ?, "
            + "approval_valid_through = ?, updated_at = ? WHERE case_id = ? AND review_round = ? AND outcome IS NULL "
            + "AND closed_at IS NULL",
        outcome.name(), decidedBy, moment(at), rationale, approvalValidThrough, now(), caseId, round) == 1;
  }

  /** Closes an open appeal without a decision, once: false (nothing changed) when it was decided or closed. */
  boolean closeAppeal(String caseId, int round, Instant at, String reason) {
    return jdbc.update("UPDATE va_appeal SET closed_at = ?, closed_reason = ?, updated_at = ? WHERE case_id = ? "
        + "AND review_round = ? AND outcome IS NULL AND closed_at IS NULL", moment(at), reason, now(), caseId,
        round) == 1;
  }

  private void insertRound(String caseId, int round, DeterminationRound.Opening opening, String reason,
      Instant openedAt, LocalDate criteriaAsOf, Instant dueAt, Instant escalationAt) {
    jdbc.update("INSERT INTO va_determination (case_id, round, opening, opening_reason, opened_at, criteria_as_of, "
            + "due_at, escalation_at, escalated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE)",
        caseId, round, opening.name(), reason, moment(openedAt), criteriaAsOf, moment(dueAt), moment(escalationAt));
  }

  private List<DeterminationRound> rounds(String caseId) {
    Map<Integer, Appeal> appeals = new HashMap<>();
    jdbc.query("SELECT * FROM va_appeal WHERE case_id = ?", row -> {
      Appeal appeal = appeal(row);
      appeals.put(appeal.round(), appeal);
    }, caseId);
    return jdbc.query("SELECT * FROM va_determination WHERE case_id = ? ORDER BY round",
        (row, n) -> round(row, appeals.get(row.getInt("round"))), caseId);
  }

  private static DeterminationRound round(ResultSet row, Appeal appeal) throws SQLException {
    Integer extensionDays = integer(row, "extension_days");
    DeterminationRound.Extension extension = extensionDays == null ? null : new DeterminationRound.Extension(
        extensionDays, row.getString("extension_reason"), row.getString("extended_by"), instant(row, "extended_at"),
        instant(row, "original_due_at"));
    String outcome = row.getString("outcome");
    DeterminationRound.Decision decision = outcome == null ? null : new DeterminationRound.Decision(
        DeterminationOutcome.valueOf(outcome), row.getString("decided_by"), instant(row, "decided_at"),
        row.getString("rationale"), list(row, "unmet_criteria"), list(row, "approved_levels"),
        list(row, "not_approved_levels"), row.getString("conditions"), list(row, "overridden_criteria"),
        day(row, "valid_through"));
    return new DeterminationRound(row.getInt("round"), DeterminationRound.Opening.valueOf(row.getString("opening")),
        row.getString("opening_reason"), instant(row, "opened_at"), day(row, "criteria_as_of"),
        instant(row, "due_at"), instant(row, "escalation_at"), row.getBoolean("escalated"), extension, decision,
        appeal);
  }

  private static Appeal appeal(ResultSet row) throws SQLException {
    String outcome = row.getString("outcome");
    String deniedBy = row.getString("denied_by");
    return new Appeal(row.getInt("review_round"), Appeal.RequestedBy.valueOf(row.getString("requested_by")),
        row.getString("reason"), Urgency.valueOf(row.getString("urgency")), instant(row, "received_at"),
        row.getString("received_by"), instant(row, "due_at"), instant(row, "escalation_at"),
        list(row, "appealed_levels"), deniedBy == null || deniedBy.isEmpty() ? null : deniedBy,
        outcome == null ? null : AppealOutcome.valueOf(outcome), row.getString("decided_by"),
        instant(row, "decided_at"), row.getString("rationale"), day(row, "approval_valid_through"),
        instant(row, "closed_at"), row.getString("closed_reason"));
  }

  private static Object[] intakeValues(CaseIntake intake) {
    return new Object[] {intake.memberId(), intake.patientName(), intake.patientBirthDate(),
        intake.requestingProviderName(), intake.requestingProviderNpi(), intake.requestingProviderEmail(),
        intake.pcpName(), intake.pcpEmail(), intake.pcpPhone(), intake.memberEmail(), intake.memberAddress(),
        intake.patientPhone(), intake.procedureType().name(), intake.requestDate(), intake.urgency().name(),
        codes(intake.fractureLevels()), intake.fractureDate(), intake.imagingModality().name(), intake.imagingDate(),
        intake.painScore(), intake.painInterferesWithAdls(), intake.adlsPreviouslyIndependent(),
        intake.conservativeCareFailed(), intake.interventionsAttempted(), intake.unstableFracture(),
        intake.activeInfection(), intake.uncorrectedCoagulopathy(), intake.boneRetropulsion(),
        intake.radicularSymptoms(), intake.spinalTumorOrCordCompression(),
        intake.materialAllergyOrContraindication(), intake.otherSpinalPainGenerators()};
  }

  private static CaseFile caseFile(ResultSet row, List<DeterminationRound> rounds) throws SQLException {
    CaseIntake intake = new CaseIntake(
        row.getString("member_id"), row.getString("patient_name"), day(row, "patient_birth_date"),
        row.getString("requesting_provider_name"), row.getString("requesting_provider_npi"),
        row.getString("requesting_provider_email"), row.getString("pcp_name"), row.getString("pcp_email"),
        row.getString("pcp_phone"), row.getString("member_email"), row.getString("member_address"),
        row.getString("patient_phone"), ProcedureType.valueOf(row.getString("procedure_type")),
        day(row, "request_date"), Urgency.valueOf(row.getString("urgency")), list(row, "fracture_levels"),
        day(row, "fracture_date"), ImagingModality.valueOf(row.getString("imaging_modality")),
        day(row, "imaging_date"), row.getInt("pain_score"), row.getBoolean("pain_interferes_with_adls"),
        row.getBoolean("adls_previously_independent"), row.getBoolean("conservative_care_failed"),
        row.getString("interventions_attempted"), row.getBoolean("unstable_fracture"),
        row.getBoolean("active_infection"), row.getBoolean("uncorrected_coagulopathy"),
        row.getBoolean("bone_retropulsion"), row.getBoolean("radicular_symptoms"),
        row.getBoolean("spinal_tumor_or_cord_compression"), row.getBoolean("material_allergy_or_contraindication"),
        row.getBoolean("other_spinal_pain_generators"));
    Instant prescreenedAt = instant(row, "prescreened_at");
    CaseFile.Prescreen prescreen = prescreenedAt == null ? null : new CaseFile.Prescreen(prescreenedAt,
        list(row, "prescreen_unmet_criteria"), integer(row, "criteria_version"));
    String reviewDecision = row.getString("review_decision");
    CaseFile.Review review = reviewDecision == null ? null : new CaseFile.Review(reviewDecision,
        list(row, "review_confirmed_criteria"), row.getString("review_note"), row.getString("reviewed_by"),
        instant(row, "reviewed_at"));
    int requests = row.getInt("information_request_count");
    CaseFile.InformationRequest informationRequest = requests == 0 ? null : new CaseFile.InformationRequest(
        requests, row.getString("requested_information"), instant(row, "information_requested_at"),
        instant(row, "information_due_at"), row.getString("information_received_note"),
        instant(row, "information_received_at"));
    Instant closedAt = instant(row, "closed_at");
    Instant cancelledAt = instant(row, "cancelled_at");
    return new CaseFile(row.getString("case_id"), row.getString("process_instance_id"),
        CaseStatus.valueOf(row.getString("status")), intake, instant(row, "received_at"), prescreen, review,
        informationRequest, rounds,
        closedAt == null ? null : new CaseFile.Closure(closedAt, row.getString("outcome_summary")),
        cancelledAt == null ? null : new CaseFile.Cancellation(cancelledAt, row.getString("cancelled_by"),
            row.getString("cancellation_reason")));
  }

  private OffsetDateTime now() {
    return moment(calendar.now());
  }

  private static Object[] append(Object[] values, Object... more) {
    Object[] all = Arrays.copyOf(values, values.length + more.length);
    System.arraycopy(more, 0, all, values.length, more.length);
    return all;
  }
}
