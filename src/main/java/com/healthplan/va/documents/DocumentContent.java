package com.healthplan.va.documents;

/** A document with its content, for download. */
public record DocumentContent(DocumentSummary summary, byte[] content) {
}
