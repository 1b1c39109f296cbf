package com.healthplan.va.documents;

import static com.healthplan.va.documents.SampleDocuments.ascii;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The type of a document comes from its content alone; near misses are refused. */
class DocumentTypeTest {

  @Test
  void eachAcceptedTypeIsKnownByItsContent() {
    assertThat(DocumentType.of(SampleDocuments.pdf())).contains(DocumentType.PDF);
    assertThat(DocumentType.of(ascii("%PDF-2.0\n%%EOF"))).contains(DocumentType.PDF);
    assertThat(DocumentType.of(SampleDocuments.png())).contains(DocumentType.PNG);
    assertThat(DocumentType.of(SampleDocuments.jpeg())).contains(DocumentType.JPEG);
    assertThat(DocumentType.of(SampleDocuments.tiff())).contains(DocumentType.TIFF);
    assertThat(DocumentType.of(SampleDocuments.littleEndianTiff())).contains(DocumentType.TIFF);
    assertThat(DocumentType.of(SampleDocuments.text())).contains(DocumentType.PLAIN_TEXT);
  }

  @Test
  void theMediaTypesAreTheStandardOnes() {
    assertThat(DocumentType.PDF.mediaType()).isEqualTo("application/pdf");
    assertThat(DocumentType.PNG.mediaType()).isEqualTo("image/png");
    assertThat(DocumentType.JPEG.mediaType()).isEqualTo("image/jpeg");
    assertThat(DocumentType.TIFF.mediaType()).isEqualTo("image/tiff");
    assertThat(DocumentType.PLAIN_TEXT.mediaType()).isEqualTo("text/plain;charset=UTF-8");
  }

  @Test
  void javaWritesBigEndianTiff() {
    assertThat(Arrays.copyOf(SampleDocuments.tiff(), 4)).containsExactly('M', 'M', 0, '*');
  }

  @Test
  void emptyOrMissingContentIsRefused() {
    assertThat(DocumentType.of(new byte[0])).isEmpty();
    assertThat(DocumentType.of(null)).isEmpty();
  }

  @Test
  void executablesArchivesAndMarkupAreRefused() {
    assertThat(DocumentType.of(SampleDocuments.exe())).isEmpty();
    assertThat(DocumentType.of(SampleDocuments.zip())).isEmpty();
    assertThat(DocumentType.of(SampleDocuments.htmlWithScript())).isEmpty();
  }

  /** A signature alone is too short to be a document; a %PDF without a version is a broken PDF, not text. */
  @Test
  void aSignatureAloneOrABrokenPdfHeaderIsRefused() {
    assertThat(DocumentType.of(ascii("%PDF"))).isEmpty();
    assertThat(DocumentType.of(ascii("%PDF-"))).isEmpty();
    assertThat(DocumentType.of(ascii("%PDF-1"))).isEmpty();
    assertThat(DocumentType.of(ascii("%PDF-1."))).isEmpty();
    assertThat(DocumentType.of(ascii("%PDF-x.y and then some text"))).isEmpty();
    assertThat(DocumentType.of(ascii("%PDF-1.4"))).contains(DocumentType.PDF);
    assertThat(DocumentType.of(Arrays.copyOf(SampleDocuments.png(), 8))).isEmpty();
    assertThat(DocumentType.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})).isEmpty();
    assertThat(DocumentType.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}))
        .contains(DocumentType.JPEG);
    assertThat(DocumentType.of(new byte[] {'I', 'I', '*', 0})).isEmpty();
    assertThat(DocumentType.of(new byte[] {'M', 'M', 0, '*', 0, 0})).isEmpty();
  }

  @Test
  void nearMissesOfTheSignaturesAreRefused() {
    byte[] pngWithoutHeaderChunk = SampleDocuments.png();
    pngWithoutHeaderChunk[12] = 'X';
    assertThat(DocumentType.of(pngWithoutHeaderChunk)).isEmpty();
    byte[] pngWrongSignature = SampleDocuments.png();
    pngWrongSignature[1] = 'p';
    assertThat(DocumentType.of(pngWrongSignature)).isEmpty();
    byte[] jpegWrongSecondByte = SampleDocuments.jpeg();
    jpegWrongSecondByte[1] = (byte) 0xD9;
    assertThat(DocumentType.of(jpegWrongSecondByte)).isEmpty();
    assertThat(DocumentType.of(new byte[] {'I', 'I', 0, '*', 8, 0, 0, 0})).isEmpty();
    assertThat(DocumentType.of(new byte[] {'M', 'M', '*', 0, 0, 0, 0, 8})).isEmpty();
    assertThat(DocumentType.of(ascii("%pdf-1.7\n"))).contains(DocumentType.PLAIN_TEXT);
    assertThat(DocumentType.of(ascii(" %PDF-1.7\n"))).contains(DocumentType.PLAIN_TEXT);
  }

  @Test
  void plainTextMayHaveTabsLineBreaksAndAByteOrderMark() {
    assertThat(DocumentType.of(ascii("a\tb\r\nc\n"))).contains(DocumentType.PLAIN_TEXT);
    byte[] withBom = new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'o', 'k'};
    assertThat(DocumentType.of(withBom)).contains(DocumentType.PLAIN_TEXT);
    assertThat(DocumentType.of("Röntgen: keine Fraktur ≥ L1 😀".getBytes(StandardCharsets.UTF_8)))
        .contains(DocumentType.PLAIN_TEXT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"nul\u0000", "bell\u0007", "escape\u001B[31m", "form feed\f", "vertical tab\u000B",
      "delete\u007F", "next line\u0085", "c1\u009B"})
  void textWithControlCharactersIsRefused(String text) {
    assertThat(DocumentType.of(text.getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void invalidUtf8IsRefused() {
    assertThat(DocumentType.of(new byte[] {'a', (byte) 0xC3, '('})).isEmpty();
    assertThat(DocumentType.of(new byte[] {'a', (byte) 0xC0, (byte) 0xAF})).isEmpty(); // overlong '/'
    assertThat(DocumentType.of(new byte[] {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80})).isEmpty(); // surrogate
    assertThat(DocumentType.of(ascii("caf\u00e9"))).isEmpty(); // Latin-1, not UTF-8
  }

  @Test
  void textWithoutAVisibleCharacterIsRefused() {
    assertThat(DocumentType.of(ascii(" \r\n\t "))).isEmpty();
    assertThat(DocumentType.of(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"<html><body>hi</body></html>", "  \n<?xml version=\"1.0\"?><a/>",
      "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>", "Note\n<SCRIPT>alert(1)</SCRIPT>",
      "see <iframe src=x>", "x <object data=y>", "x <embed src=y>", "inline <svg onload=alert(1)>",
      "report <HTML>"})
  void markupIsNotPlainText(String text) {
    assertThat(DocumentType.of(text.getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void lessThanSignsInProseAreFine() {
    assertThat(DocumentType.of(ascii("VAS < 7 after 6 weeks; levels T12<->L1; a < b; <3"))).contains(DocumentType.PLAIN_TEXT);
  }

  @Test
  void anyTagLikeTextIsMarkupAndRefused() {
    for (String markup : List.of("hello\n<img src=x onerror=alert(1)>", "see <a href=\"javascript:alert(1)\">x</a>",
        "note </p>", "x <!-- y -->", "x <?xml version=\"1.0\"?>")) {
      assertThat(DocumentType.of(ascii(markup))).as(markup).isEmpty();
    }
  }

  @Test
  void aJpegNeedsAMarkerAfterItsSignature() {
    byte[] notAMarker = SampleDocuments.jpeg();
    notAMarker[3] = 0x00;
    assertThat(DocumentType.of(notAMarker)).isEmpty();
  }
}
