package com.healthplan.va.fhir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code va_fhir_submission}: which provider system submitted which request, and the case it opened. */
@Repository
class PasSubmissionRepository {

  private static final TypeReference<List<PasRequest.Item>> ITEMS = new TypeReference<>() {
  };

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  PasSubmissionRepository(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Records a submission; a second one of the same system and identifier fails on the primary key. */
  void insert(PasSubmission submission) {
    jdbc.update("INSERT INTO va_fhir_submission (submitted_by, identifier_system, identifier_value, case_id, "
            + "content_digest, claim_identifier, items, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        submission.submittedBy(), submission.identifierSystem(), submission.identifierValue(), submission.caseId(),
        submission.contentDigest(), submission.claimIdentifier(), write(submission.items()),
        OffsetDateTime.ofInstant(submission.submittedAt(), ZoneOffset.UTC));
  }

  Optional<PasSubmission> find(String submittedBy, String identifierSystem, String identifierValue) {
    return jdbc.query("SELECT * FROM va_fhir_submission WHERE submitted_by = ? AND identifier_system = ? "
            + "AND identifier_value = ?", this::row, submittedBy, identifierSystem, identifierValue)
        .stream().findFirst();
  }

  /**
   * The system's submissions an inquiry's identifier names, newest first: the bundle's identifier, the Claim's
   * identifier, or the authorization number (the case id) the response gave.
   */
  List<PasSubmission> findNamed(String submittedBy, String identifierSystem, String identifierValue) {
    return jdbc.query("SELECT * FROM va_fhir_submission WHERE submitted_by = ? AND ((identifier_system = ? AND "
            + "identifier_value = ?) OR claim_identifier = ? OR case_id = ?) ORDER BY submitted_at DESC", this::row,
        submittedBy, identifierSystem, identifierValue, identifierSystem + "|" + identifierValue, identifierValue);
  }

  private PasSubmission row(ResultSet row, int n) throws SQLException {
    return new PasSubmission(row.getString("submitted_by"), row.getString("identifier_system"),
        row.getString("identifier_value"), row.getString("case_id"), row.getString("content_digest"),
        row.getString("claim_identifier"), read(row.getString("items")),
        row.getObject("submitted_at", OffsetDateTime.class).toInstant());
  }

  private String write(List<PasRequest.Item> items) {
    try {
      return json.writeValueAsString(items);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot store the items of a submission", e);
    }
  }

  private List<PasRequest.Item> read(String items) {
    try {
      return json.readValue(items, ITEMS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot read the items of a submission", e);
    }
  }
}
