package com.healthplan.va.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** File names are shown as text in the forms' markdown, never as markup. */
class CaseDocumentCopiesTest {

  @Test
  void markdownInAFileNameIsEscaped() {
    assertThat(CaseDocumentCopies.markdownText("x](https://elsewhere.example) [y.pdf"))
        .isEqualTo("x\\]\\(https://elsewhere.example\\) \\[y.pdf");
    assertThat(CaseDocumentCopies.markdownText("**bold** _x_ `code` <b>.pdf"))
        .isEqualTo("\\*\\*bold\\*\\* \\_x\\_ \\`code\\` \\<b\\>.pdf");
    assertThat(CaseDocumentCopies.markdownText("mri report 2026.pdf")).isEqualTo("mri report 2026.pdf");
  }
}
