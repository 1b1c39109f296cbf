package com.healthplan.va.caseapi;

import java.time.OffsetDateTime;

/** A document of a case as the document API shows it: everything but the content. */
record DocumentView(
    String documentId,
    String kind,
    String fileName,
    String mediaType,
    long sizeBytes,
    String sha256,
    String uploadedBy,
    OffsetDateTime uploadedAt) {
}
