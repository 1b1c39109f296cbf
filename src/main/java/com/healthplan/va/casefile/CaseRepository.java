package com.healthplan.va.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes the case file ({@code va_case}). Callers are the application's validated code paths only
 * (listeners and delegates of the case process); they run in the engine's transaction, so a case file change
 * commits or rolls back with the step that made it.
 */
@Repository
public class CaseRepository {

  private static final String INTAKE_COLUMNS = "member_id, patient_name, patient_birth_date, "
      + "requesting_provider_name, requesting_provider_npi, requesting_provider_email, pcp_name, pcp_email, "
      + "pcp_phone, member_email, member_address, procedure_type, request_date, urgency, fracture_levels, "
      + "fracture_date, imaging_modality, imaging_date, pain_score, pain_interferes_with_adls, "
      + "adls_previously_independent, conservative_care_failed, interventions_attempted, unstable_fracture, "
      + "active_infection, uncorrected_coagulopathy, bone_retropulsion, radicular_symptoms, "
      + "spinal_tumor_or_cord_compression, material_allergy_or_contraindication, other_spinal_pain_generators";

  private final JdbcTemplate jdbc;
  private final PlanCalendar calendar;

  public CaseRepository(JdbcTemplate jdbc, PlanCalendar calendar) {
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  /** Opens the case file of a new case, in status {@code IN_REVIEW} until its prescreen says otherwise. */
  public void open(String caseId, String processInstanceId, CaseIntake intake, Instant receivedAt, Instant dueAt,
      Instant escalationAt) {
    Object[] values = append(append(new Object[] {caseId, processInstanceId, CaseStatus.IN_REVIEW.name()},
        intakeValues(intake)), moment(receivedAt), moment(dueAt), moment(escalationAt), false, 0, now());
    jdbc.update("INSERT INTO va_case (case_id, process_instance_id, status, " + INTAKE_COLUMNS
        + ", received_at, determination_due_at, determination_escalation_at, determination_escalated, "
        + "information_request_count, updated_at) VALUES (?" + ", ?".repeat(values.length - 1) + ")", values);
  }

  public Optional<CaseFile> find(String caseId) {
    return jdbc.query("SELECT * FROM va_case WHERE case_id = ?", this::caseFile, caseId).stream().findFirst();
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

  public void enter(String caseId, CaseStatus status) {
    update("UPDATE va_case SET status = ?, updated_at = ? WHERE case_id = ?", status.name(), now(), caseId);
  }

  /** The intake facts corrected from the provider's documents, and the nurse's note of what arrived. */
  public void updateIntake(String caseId, CaseIntake intake, String receivedNote, Instant receivedAt) {
    String assignments = String.join(" = ?, ", INTAKE_COLUMNS.split(", ")) + " = ?";
    Object[] values = append(intakeValues(intake), receivedNote, moment(receivedAt), now(), caseId);
    update("UPDATE va_case SET " + assignments + ", information_received_note = ?, information_received_at = ?, "
        + "updated_at = ? WHERE case_id = ?", values);
  }

  /** A new prescreen: the case waits for (a fresh) criteria review, whose earlier answers no longer count. */
  public void recordPrescreen(String caseId, List<String> unmetCriteria, int criteriaVersion, Instant at) {
    update("UPDATE va_case SET prescreened_at = ?, prescreen_unmet_criteria = ?, criteria_version = ?, "
            + "review_decision = NULL, review_note = NULL, review_confirmed_criteria = NULL, reviewed_by = NULL, "
            + "reviewed_at = NULL, status = ?, updated_at = ? WHERE case_id = ?",
        moment(at), codes(unmetCriteria), criteriaVersion, CaseStatus.IN_REVIEW.name(), now(), caseId);
  }

  public void recordReview(String caseId, CaseFile.Review review) {
    update("UPDATE va_case SET review_decision = ?, review_confirmed_criteria = ?, review_note = ?, "
            + "reviewed_by = ?, reviewed_at = ?, updated_at = ? WHERE case_id = ?",
        review.decision(), codes(review.confirmedCriteria()), review.note(), review.reviewedBy(),
        moment(review.reviewedAt()), now(), caseId);
  }

  /** A request for information decided by the nurse; its deadline is set when it is sent. */
  public void recordInformationRequested(String caseId, String requestedInformation) {
    update("UPDATE va_case SET information_request_count = information_request_count + 1, "
            + "requested_information = ?, information_due_at = NULL, information_received_note = NULL, "
            + "information_received_at = NULL, status = ?, updated_at = ? WHERE case_id = ?",
        requestedInformation, CaseStatus.PENDED_FOR_INFORMATION.name(), now(), caseId);
  }

  public void recordInformationDue(String caseId, Instant dueAt) {
    update("UPDATE va_case SET information_due_at = ?, updated_at = ? WHERE case_id = ?", moment(dueAt), now(),
        caseId);
  }

  /**
   * The determination, and the status it puts the case in. A determination is final: returns false, and changes
   * nothing, when the case was already determined.
   */
  public boolean recordDetermination(String caseId, CaseFile.Determination determination, CaseStatus status) {
    return jdbc.update("UPDATE va_case SET determination_outcome = ?, determination_decided_by = ?, "
            + "determination_decided_at = ?, determination_rationale = ?, determination_unmet_criteria = ?, "
            + "determination_approved_levels = ?, determination_conditions = ?, "
            + "determination_overridden_criteria = ?, status = ?, updated_at = ? "
            + "WHERE case_id = ? AND determination_outcome IS NULL",
        determination.outcome(), determination.decidedBy(), moment(determination.decidedAt()),
        determination.rationale(), codes(determination.unmetCriteria()), codes(determination.approvedLevels()),
        determination.conditions(), codes(determination.overriddenCriteria()), status.name(), now(), caseId) == 1;
  }

  /**
   * An approved case goes back to criteria review: its criteria are judged again as of {@code criteriaAsOf}, with
   * the reason shown to the nurse, under new determination deadlines. The earlier determination stays in the
   * engine's history and the notices sent; the case file holds the one being made.
   */
  public void returnToReview(String caseId, CaseFile.ReturnedToReview returned, Instant dueAt,
      Instant escalationAt) {
    update("UPDATE va_case SET status = ?, criteria_as_of = ?, returned_to_review_reason = ?, "
            + "review_round = review_round + 1, determination_due_at = ?, determination_escalation_at = ?, "
            + "determination_escalated = FALSE, determination_outcome = NULL, determination_decided_by = NULL, "
            + "determination_decided_at = NULL, determination_rationale = NULL, determination_unmet_criteria = NULL, "
            + "determination_approved_levels = NULL, determination_conditions = NULL, "
            + "determination_overridden_criteria = NULL, extension_days = NULL, extension_reason = NULL, "
            + "extended_by = NULL, extended_at = NULL, original_determination_due_at = NULL, "
            + "review_decision = NULL, review_confirmed_criteria = NULL, review_note = NULL, reviewed_by = NULL, "
            + "reviewed_at = NULL, updated_at = ? WHERE case_id = ?",
        CaseStatus.IN_REVIEW.name(), returned.criteriaAsOf(), returned.reason(), moment(dueAt), moment(escalationAt),
        now(), caseId);
  }

  /**
   * Extends the determination's deadline, once: false (nothing changed) when it was extended before. The due-soon
   * alert moves with it.
   */
  public boolean extend(String caseId, CaseFile.Extension extension, Instant newDueAt, Instant newEscalationAt) {
    return jdbc.update("UPDATE va_case SET extension_days = ?, extension_reason = ?, extended_by = ?, extended_at = ?, "
            + "original_determination_due_at = determination_due_at, determination_due_at = ?, "
            + "determination_escalation_at = ?, determination_escalated = FALSE, updated_at = ? "
            + "WHERE case_id = ? AND extension_days IS NULL",
        extension.days(), extension.reason(), extension.extendedBy(), moment(extension.extendedAt()),
        moment(newDueAt), moment(newEscalationAt), now(), caseId) == 1;
  }

  /** Every follow-up is done: the case is closed with its outcome in words. */
  public void close(String caseId, String outcomeSummary, Instant at) {
    update("UPDATE va_case SET status = ?, closed_at = ?, outcome_summary = ?, updated_at = ? WHERE case_id = ?",
        CaseStatus.CLOSED.name(), moment(at), outcomeSummary, now(), caseId);
  }

  public void markEscalated(String caseId) {
    update("UPDATE va_case SET determination_escalated = TRUE, updated_at = ? WHERE case_id = ?", now(), caseId);
  }

  private void update(String sql, Object... values) {
    int rows = jdbc.update(sql, values);
    if (rows != 1) {
      throw new IllegalStateException("Expected one case file row to change, changed " + rows);
    }
  }

  private static Object[] intakeValues(CaseIntake intake) {
    return new Object[] {intake.memberId(), intake.patientName(), intake.patientBirthDate(),
        intake.requestingProviderName(), intake.requestingProviderNpi(), intake.requestingProviderEmail(),
        intake.pcpName(), intake.pcpEmail(), intake.pcpPhone(), intake.memberEmail(), intake.memberAddress(),
        intake.procedureType().name(), intake.requestDate(), intake.urgency().name(), codes(intake.fractureLevels()),
        intake.fractureDate(), intake.imagingModality().name(), intake.imagingDate(), intake.painScore(),
        intake.painInterferesWithAdls(), intake.adlsPreviouslyIndependent(), intake.conservativeCareFailed(),
        intake.interventionsAttempted(), intake.unstableFracture(), intake.activeInfection(),
        intake.uncorrectedCoagulopathy(), intake.boneRetropulsion(), intake.radicularSymptoms(),
        intake.spinalTumorOrCordCompression(), intake.materialAllergyOrContraindication(),
        intake.otherSpinalPainGenerators()};
  }

  private CaseFile caseFile(ResultSet row, int number) throws SQLException {
    CaseIntake intake = new CaseIntake(
        row.getString("member_id"), row.getString("patient_name"), day(row, "patient_birth_date"),
        row.getString("requesting_provider_name"), row.getString("requesting_provider_npi"),
        row.getString("requesting_provider_email"), row.getString("pcp_name"), row.getString("pcp_email"),
        row.getString("pcp_phone"), row.getString("member_email"), row.getString("member_address"),
        ProcedureType.valueOf(row.getString("procedure_type")), day(row, "request_date"),
        Urgency.valueOf(row.getString("urgency")), list(row.getString("fracture_levels")),
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
        list(row.getString("prescreen_unmet_criteria")), row.getObject("criteria_version", Integer.class));
    String reviewDecision = row.getString("review_decision");
    CaseFile.Review review = reviewDecision == null ? null : new CaseFile.Review(reviewDecision,
        list(row.getString("review_confirmed_criteria")), row.getString("review_note"), row.getString("reviewed_by"),
        instant(row, "reviewed_at"));
    int requests = row.getInt("information_request_count");
    CaseFile.InformationRequest informationRequest = requests == 0 ? null : new CaseFile.InformationRequest(
        requests, row.getString("requested_information"), instant(row, "information_due_at"),
        row.getString("information_received_note"), instant(row, "information_received_at"));
    String outcome = row.getString("determination_outcome");
    CaseFile.Determination determination = outcome == null ? null : new CaseFile.Determination(outcome,
        row.getString("determination_decided_by"), instant(row, "determination_decided_at"),
        row.getString("determination_rationale"), list(row.getString("determination_unmet_criteria")),
        list(row.getString("determination_approved_levels")), row.getString("determination_conditions"),
        list(row.getString("determination_overridden_criteria")));
    Instant closedAt = instant(row, "closed_at");
    String returnedReason = row.getString("returned_to_review_reason");
    CaseFile.ReturnedToReview returnedToReview = returnedReason == null ? null
        : new CaseFile.ReturnedToReview(day(row, "criteria_as_of"), returnedReason);
    return new CaseFile(row.getString("case_id"), row.getString("process_instance_id"),
        CaseStatus.valueOf(row.getString("status")), intake, instant(row, "received_at"),
        instant(row, "determination_due_at"), instant(row, "determination_escalation_at"),
        row.getBoolean("determination_escalated"), prescreen, review, informationRequest, determination,
        returnedToReview, row.getInt("review_round"), closedAt == null ? null
            : new CaseFile.Closure(closedAt, row.getString("outcome_summary")),
        row.getObject("extension_days", Integer.class) == null ? null : new CaseFile.Extension(
            row.getInt("extension_days"), row.getString("extension_reason"), row.getString("extended_by"),
            instant(row, "extended_at"), instant(row, "original_determination_due_at")));
  }

  private OffsetDateTime now() {
    return moment(calendar.now());
  }

  private static OffsetDateTime moment(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static LocalDate day(ResultSet row, String column) throws SQLException {
    return row.getObject(column, LocalDate.class);
  }

  /** Codes and levels contain no commas: they are checked against fixed vocabularies before they get here. */
  private static String codes(List<String> codes) {
    return codes == null ? null : String.join(",", codes);
  }

  private static List<String> list(String codes) {
    return codes == null || codes.isEmpty() ? List.of() : List.of(codes.split(","));
  }

  private static Object[] append(Object[] values, Object... more) {
    Object[] all = Arrays.copyOf(values, values.length + more.length);
    System.arraycopy(more, 0, all, values.length, more.length);
    return all;
  }
}
