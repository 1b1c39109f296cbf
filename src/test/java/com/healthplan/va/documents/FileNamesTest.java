package com.healthplan.va.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** File names are shown, never used as paths: no path parts, printable characters only, at most 200. */
class FileNamesTest {

  @Test
  void anOrdinaryNameIsKept() {
    assertThat(FileNames.sanitize("MRI report 2026-01-05.pdf")).isEqualTo("MRI report 2026-01-05.pdf");
    assertThat(FileNames.sanitize("Röntgen-Befund (Müller).pdf")).isEqualTo("Röntgen-Befund (Müller).pdf");
  }

  @Test
  void pathPartsAreStripped() {
    assertThat(FileNames.sanitize("../../etc/passwd")).isEqualTo("passwd");
    assertThat(FileNames.sanitize("C:\\Users\\nurse\\Desktop\\scan.pdf")).isEqualTo("scan.pdf");
    assertThat(FileNames.sanitize("/var/tmp/a\\b/c.txt")).isEqualTo("c.txt");
  }

  @Test
  void onlyPrintableCharactersAreKept() {
    assertThat(FileNames.sanitize("scan\u0000\r\n\t.pdf")).isEqualTo("scan.pdf");
    // a right-to-left override would show "invoice_fdp.exe" as "invoice_exe.pdf"
    assertThat(FileNames.sanitize("invoice_\u202Efdp.exe")).isEqualTo("invoice_fdp.exe");
    assertThat(FileNames.sanitize("a\u2028b\uE000c\uD800d")).isEqualTo("abcd");
    assertThat(FileNames.sanitize("  padded.txt  ")).isEqualTo("padded.txt");
  }

  @Test
  void atMost200CharactersAreKept() {
    assertThat(FileNames.sanitize("a".repeat(300) + ".pdf")).isEqualTo("a".repeat(200));
    String emoji = "\uD83D\uDE00";
    String name = "a".repeat(199) + emoji + "b";
    assertThat(FileNames.sanitize(name)).isEqualTo("a".repeat(199)); // never half a surrogate pair
  }

  @Test
  void nothingLeftIsDocument() {
    assertThat(FileNames.sanitize(null)).isEqualTo("document");
    assertThat(FileNames.sanitize("")).isEqualTo("document");
    assertThat(FileNames.sanitize("uploads/")).isEqualTo("document");
    assertThat(FileNames.sanitize("..")).isEqualTo("document");
    assertThat(FileNames.sanitize("a/..")).isEqualTo("document");
    assertThat(FileNames.sanitize("\u0000\u0001 ")).isEqualTo("document");
  }
}
