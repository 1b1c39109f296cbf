package com.healthplan.va.documents;

import java.time.Instant;

/** A document of a case without its content: what the case view, the document list and forms show. */
public record DocumentSummary(
    String documentId,
    String caseId,
    DocumentKind kind,
    String fileName,
    String mediaType,
    long sizeBytes,
    String sha256,
    String uploadedBy,
    Instant uploadedAt) {
}
