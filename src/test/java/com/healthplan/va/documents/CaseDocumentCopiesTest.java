package com.healthplan.va.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** File names are shown as text in the forms' markdown, never as markup. */
class CaseDocumentCopiesTest {

  @Test
  void markdownInAFileNameIsShownAsText() {
    assertThat(CaseDocumentCopies.markdownText("x](https://elsewhere.example) [y.pdf"))
        .isEqualTo("x&#93;&#40;https&#58;&#47;&#47;elsewhere.example&#41; &#91;y.pdf");
    assertThat(CaseDocumentCopies.markdownText("**bold** <b>.pdf"))
        .isEqualTo("&#42;&#42;bold&#42;&#42; &#60;b&#62;.pdf");
    assertThat(CaseDocumentCopies.markdownText("mri report 2026.pdf")).isEqualTo("mri report 2026.pdf");
  }
}
