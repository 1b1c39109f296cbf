package com.healthplan.va.documents;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a document of a case is, with its plain label. */
public enum DocumentKind {

  PAIN_EVALUATION("Comprehensive pain evaluation and examination"),
  PAIN_MANAGEMENT_PLAN("Pain management treatment plan"),
  HISTORY_AND_PHYSICAL("Complete history and physical examination by the operating provider"),
  IMAGING_REPORT("Pre-operative imaging report"),
  PROCEDURE_IMAGES("Images retained from the procedure (final trocar placement, vertebral body at the end)"),
  OPERATIVE_NARRATIVE("Detailed operative procedure narrative report"),
  PCP_REPORT("Communication with the primary care provider"),
  /** Written by the application only; never uploaded. */
  MEMBER_NOTICE("Notice to the member"),
  OTHER("Other document");

  private final String label;

  DocumentKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether a person may upload a document of this kind (member notices are the application's own). */
  public boolean uploadable() {
    return this != MEMBER_NOTICE;
  }

  /** The kinds a person may upload, in this order. */
  public static List<DocumentKind> uploadableKinds() {
    return Arrays.stream(values()).filter(DocumentKind::uploadable).toList();
  }

  /** The kind of this exact name (as the API sends it), if there is one. */
  public static Optional<DocumentKind> named(String name) {
    return Arrays.stream(values()).filter(kind -> kind.name().equals(name)).findFirst();
  }
}
