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

  /** One document with its content, only if it belongs to the case. */
  public Optional<DocumentContent> find(String caseId, String documentId) {
    return documents.find(caseId, documentId);
  }
}
