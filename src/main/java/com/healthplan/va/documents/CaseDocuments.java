package com.healthplan.va.documents;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Reads the documents of a case: for the case view, the document list and the forms of later phases. */
@Component
public class CaseDocuments {

  private final DocumentRepository documents;

  CaseDocuments(DocumentRepository documents) {
    this.documents = documents;
  }

  /** The case's documents without their content, newest first; empty for a case without any (or no case). */
  public List<DocumentSummary> of(String caseId) {
    return documents.of(caseId);
  }

  /**
   * Stores a document the application wrote (a member letter), once: a retried job that writes the same letter
   * (same id) stores nothing more.
   */
  public void storeOnce(String documentId, String caseId, DocumentKind kind, String fileName, String mediaType,
      byte[] content, java.time.Instant at) {
    if (documents.find(caseId, documentId).isPresent()) {
      return;
    }
    documents.insert(new DocumentSummary(documentId, caseId, kind, fileName, mediaType, content.length,
        DocumentUploads.sha256(content), "system", at), content);
  }

  /** One document with its content, only if it belongs to the case. */
  public Optional<DocumentContent> find(String caseId, String documentId) {
    return documents.find(caseId, documentId);
  }
}
