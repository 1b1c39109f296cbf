package com.healthplan.va.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocumentKindTest {

  @Test
  void everyKindHasAPlainLabel() {
    for (DocumentKind kind : DocumentKind.values()) {
      assertThat(kind.label()).as(kind.name()).isNotBlank().doesNotContain("_");
    }
    assertThat(DocumentKind.PAIN_EVALUATION.label()).isEqualTo("Comprehensive pain evaluation and examination");
  }

  @Test
  void memberNoticesAreTheApplicationsOwn() {
    assertThat(DocumentKind.MEMBER_NOTICE.uploadable()).isFalse();
    assertThat(DocumentKind.uploadableKinds()).containsExactly(DocumentKind.PAIN_EVALUATION,
        DocumentKind.PAIN_MANAGEMENT_PLAN, DocumentKind.HISTORY_AND_PHYSICAL, DocumentKind.IMAGING_REPORT,
        DocumentKind.PROCEDURE_IMAGES, DocumentKind.OPERATIVE_NARRATIVE, DocumentKind.PCP_REPORT,
        DocumentKind.OTHER);
  }

  @Test
  void kindsAreNamedExactly() {
    assertThat(DocumentKind.named("IMAGING_REPORT")).contains(DocumentKind.IMAGING_REPORT);
    assertThat(DocumentKind.named("imaging_report")).isEmpty();
    assertThat(DocumentKind.named(null)).isEmpty();
  }
}
