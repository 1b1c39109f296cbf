package com.healthplan.va.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads and writes the documents of cases ({@code va_document}); lists never read the content. */
@Repository
class DocumentRepository {

  private static final String SUMMARY_COLUMNS = "document_id, case_id, kind, file_name, media_type, size_bytes, "
      + "sha256, uploaded_by, uploaded_at";

  private final JdbcTemplate jdbc;

  DocumentRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(DocumentSummary document, byte[] content) {
    jdbc.update("INSERT INTO va_document (" + SUMMARY_COLUMNS + ", content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        statement -> {
          statement.setString(1, document.documentId());
          statement.setString(2, document.caseId());
          statement.setString(3, document.kind().name());
          statement.setString(4, document.fileName());
          statement.setString(5, document.mediaType());
          statement.setLong(6, document.sizeBytes());
          statement.setString(7, document.sha256());
          statement.setString(8, document.uploadedBy());
          statement.setObject(9, document.uploadedAt().atOffset(ZoneOffset.UTC));
          statement.setBytes(10, content);
        });
  }

  /** How many documents the case holds, and their bytes in all. */
  long[] countAndBytes(String caseId) {
    return jdbc.queryForObject("SELECT COUNT(*), COALESCE(SUM(size_bytes), 0) FROM va_document WHERE case_id = ?",
        (row, number) -> new long[] {row.getLong(1), row.getLong(2)}, caseId);
  }

  /** The case's documents, newest first. */
  List<DocumentSummary> of(String caseId) {
    return jdbc.query("SELECT " + SUMMARY_COLUMNS + " FROM va_document WHERE case_id = ? "
        + "ORDER BY uploaded_at DESC, document_id DESC", DocumentRepository::summary, caseId);
  }

  /** The document with its content, only if it belongs to the case. */
  Optional<DocumentContent> find(String caseId, String documentId) {
    return jdbc.query("SELECT " + SUMMARY_COLUMNS + ", content FROM va_document WHERE case_id = ? AND document_id = ?",
        (row, number) -> new DocumentContent(summary(row, number), row.getBytes("content")), caseId, documentId)
        .stream().findFirst();
  }

  private static DocumentSummary summary(ResultSet row, int number) throws SQLException {
    return new DocumentSummary(row.getString("document_id"), row.getString("case_id"),
        DocumentKind.valueOf(row.getString("kind")), row.getString("file_name"), row.getString("media_type"),
        row.getLong("size_bytes"), row.getString("sha256").trim(), row.getString("uploaded_by"),
        row.getObject("uploaded_at", OffsetDateTime.class).toInstant());
  }
}
