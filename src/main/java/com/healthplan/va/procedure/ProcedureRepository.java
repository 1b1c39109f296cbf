package com.healthplan.va.procedure;

import com.healthplan.va.casefile.PlanCalendar;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes the procedure phase of a case ({@code va_procedure}). Writers are the phase's listeners and
 * delegates, in the engine's transaction: a change commits or rolls back with the step that made it.
 */
@Repository
public class ProcedureRepository {

  private final JdbcTemplate jdbc;
  private final PlanCalendar calendar;

  ProcedureRepository(JdbcTemplate jdbc, PlanCalendar calendar) {
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  /** Opens the phase's row once (true); a case that comes back after a new approval keeps what it had (false). */
  boolean openIfAbsent(String caseId, Instant documentationDueAt) {
    return 1 == jdbc.update("INSERT INTO va_procedure (case_id, documentation_request_count, documentation_due_at, "
            + "schedule_count, updated_at) SELECT ?, 0, ?, 0, ? WHERE NOT EXISTS "
            + "(SELECT 1 FROM va_procedure WHERE case_id = ?)",
        caseId, moment(documentationDueAt), now(), caseId);
  }

  public Optional<ProcedureFile> find(String caseId) {
    return jdbc.query("SELECT * FROM va_procedure WHERE case_id = ?", this::procedureFile, caseId).stream()
        .findFirst();
  }

  ProcedureFile get(String caseId) {
    return find(caseId).orElseThrow(() -> new IllegalStateException("No procedure phase for " + caseId));
  }

  void recordDocumentationReview(String caseId, List<String> confirmed, List<String> missing, String note,
      String reviewedBy, Instant at) {
    update("UPDATE va_procedure SET documentation_confirmed = ?, documentation_missing = ?, documentation_note = ?, "
            + "documentation_reviewed_by = ?, documentation_reviewed_at = ?, updated_at = ? WHERE case_id = ?",
        codes(confirmed), codes(missing), note, reviewedBy, moment(at), now(), caseId);
  }

  /** A request to the provider was sent: its number, and when the answer is due. */
  int recordDocumentationRequested(String caseId, Instant at, Instant dueAt) {
    update("UPDATE va_procedure SET documentation_request_count = documentation_request_count + 1, "
            + "documentation_requested_at = ?, documentation_due_at = ?, documentation_escalated_at = NULL, "
            + "updated_at = ? WHERE case_id = ?",
        moment(at), moment(dueAt), now(), caseId);
    return get(caseId).documentation().requestCount();
  }

  void restartDocumentationClock(String caseId, Instant dueAt) {
    update("UPDATE va_procedure SET documentation_due_at = ?, documentation_escalated_at = NULL, updated_at = ? "
        + "WHERE case_id = ?", moment(dueAt), now(), caseId);
  }

  void markDocumentationEscalated(String caseId, Instant at) {
    update("UPDATE va_procedure SET documentation_escalated_at = ?, updated_at = ? WHERE case_id = ?", moment(at),
        now(), caseId);
  }

  void recordSchedule(String caseId, ProcedureFile.Schedule schedule) {
    update("UPDATE va_procedure SET facility_name = ?, scheduled_date = ?, setting = ?, inpatient_justification = ?, "
            + "deferred_to_pcp = ?, scheduled_by = ?, scheduled_at = ?, schedule_count = schedule_count + 1, "
            + "updated_at = ? WHERE case_id = ?",
        schedule.facilityName(), schedule.scheduledDate(), schedule.setting().name(),
        schedule.inpatientJustification(), codes(schedule.deferredToPcp()), schedule.scheduledBy(),
        moment(schedule.scheduledAt()), now(), caseId);
  }

  /** The follow-ups to defer to the PCP, changed after scheduling (before the procedure is recorded). */
  public void deferFollowUps(String caseId, List<String> deferredToPcp) {
    update("UPDATE va_procedure SET deferred_to_pcp = ?, updated_at = ? WHERE case_id = ?", codes(deferredToPcp),
        now(), caseId);
  }

  void recordProcedure(String caseId, ProcedureRecord record) {
    update("UPDATE va_procedure SET procedure_date = ?, levels_treated = ?, imaging_guidance = ?, "
            + "trocar_placement_images_retained = ?, final_vertebral_body_images_retained = ?, "
            + "operative_narrative_received = ?, open_spine_procedure_same_session = ?, biopsy_levels = ?, "
            + "early_procedure_rationale = ?, recorded_by = ?, recorded_at = ?, updated_at = ? WHERE case_id = ?",
        record.procedureDate(), codes(record.levelsTreated()), record.imagingGuidance().name(),
        record.trocarPlacementImagesRetained(), record.finalVertebralBodyImagesRetained(),
        record.operativeNarrativeReceived(), record.openSpineProcedureSameSession(), codes(record.biopsyLevels()),
        record.earlyProcedureRationale(), record.recordedBy(), moment(record.recordedAt()), now(), caseId);
  }

  void recordPaymentFindings(String caseId, List<String> findings, int paymentLimitsVersion) {
    update("UPDATE va_procedure SET payment_findings = ?, payment_limits_version = ?, updated_at = ? "
        + "WHERE case_id = ?", codes(findings), paymentLimitsVersion, now(), caseId);
  }

  void resolvePaymentFindings(String caseId, String note, List<String> resolvedByDocument, String resolvedBy,
      Instant at) {
    update("UPDATE va_procedure SET payment_findings_note = ?, payment_findings_resolved = ?, "
            + "payment_findings_resolved_by = ?, payment_findings_resolved_at = ?, updated_at = ? WHERE case_id = ?",
        note, codes(resolvedByDocument), resolvedBy, moment(at), now(), caseId);
  }

  void withdraw(String caseId, ProcedureFile.Withdrawal withdrawal) {
    update("UPDATE va_procedure SET withdrawal_reason = ?, withdrawn_by = ?, withdrawn_at = ?, updated_at = ? "
            + "WHERE case_id = ?",
        withdrawal.reason(), withdrawal.withdrawnBy(), moment(withdrawal.withdrawnAt()), now(), caseId);
  }

  private ProcedureFile procedureFile(ResultSet row, int number) throws SQLException {
    ProcedureFile.Documentation documentation = new ProcedureFile.Documentation(
        list(row.getString("documentation_confirmed")), list(row.getString("documentation_missing")),
        row.getString("documentation_note"), row.getString("documentation_reviewed_by"),
        instant(row, "documentation_reviewed_at"), row.getInt("documentation_request_count"),
        instant(row, "documentation_requested_at"), instant(row, "documentation_due_at"),
        instant(row, "documentation_escalated_at"));
    String setting = row.getString("setting");
    ProcedureFile.Schedule schedule = setting == null ? null : new ProcedureFile.Schedule(
        row.getString("facility_name"), day(row, "scheduled_date"), Setting.valueOf(setting),
        row.getString("inpatient_justification"), list(row.getString("deferred_to_pcp")),
        row.getString("scheduled_by"), instant(row, "scheduled_at"), row.getInt("schedule_count"));
    LocalDate procedureDate = day(row, "procedure_date");
    ProcedureRecord record = procedureDate == null ? null : new ProcedureRecord(procedureDate,
        list(row.getString("levels_treated")), ImagingGuidance.valueOf(row.getString("imaging_guidance")),
        row.getBoolean("trocar_placement_images_retained"), row.getBoolean("final_vertebral_body_images_retained"),
        row.getBoolean("operative_narrative_received"), row.getBoolean("open_spine_procedure_same_session"),
        list(row.getString("biopsy_levels")), row.getString("early_procedure_rationale"),
        row.getString("recorded_by"), instant(row, "recorded_at"));
    String findingCodes = row.getString("payment_findings");
    ProcedureFile.Findings findings = findingCodes == null ? null : new ProcedureFile.Findings(list(findingCodes),
        row.getObject("payment_limits_version", Integer.class), row.getString("payment_findings_note"),
        list(row.getString("payment_findings_resolved")), row.getString("payment_findings_resolved_by"),
        instant(row, "payment_findings_resolved_at"));
    String reason = row.getString("withdrawal_reason");
    ProcedureFile.Withdrawal withdrawal = reason == null ? null
        : new ProcedureFile.Withdrawal(reason, row.getString("withdrawn_by"), instant(row, "withdrawn_at"));
    return new ProcedureFile(row.getString("case_id"), documentation, schedule, record, findings, withdrawal);
  }

  private void update(String sql, Object... values) {
    int rows = jdbc.update(sql, values);
    if (rows != 1) {
      throw new IllegalStateException("Expected one procedure row to change, changed " + rows);
    }
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
}
