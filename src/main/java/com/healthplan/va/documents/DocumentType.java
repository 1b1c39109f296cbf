package com.healthplan.va.documents;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The types of document a case accepts, decided from the content alone: never from the file name or the
 * Content-Type the sender declared. A file is
 * <ul>
 *   <li>PDF when it begins {@code %PDF-} and a version ({@code %PDF-1.7}, {@code %PDF-2.0});</li>
 *   <li>PNG when it begins with the PNG signature (89 50 4E 47 0D 0A 1A 0A) and the IHDR chunk every PNG opens
 *       with;</li>
 *   <li>JPEG when it begins FF D8 FF and a marker;</li>
 *   <li>TIFF when it begins {@code II*\0} (little-endian) or {@code MM\0*} (big-endian) and the 4-byte offset of
 *       its first directory;</li>
 *   <li>plain text when it is valid UTF-8 (a byte order mark is allowed) with at least one visible character, no
 *       control character other than tab, CR and LF (no NUL, no DEL, no C1 controls), and is not markup: it does
 *       not begin with {@code <} (HTML, XML, SVG) and holds no {@code <script}, {@code <html}, {@code <iframe},
 *       {@code <object}, {@code <embed} or {@code <svg} tag.</li>
 * </ul>
 * Anything else is refused, a signature alone included: it is too short to be a document of its type. Content
 * beginning {@code %PDF} without a PDF version ({@code %PDF}, {@code %PDF-}, {@code %PDF-x}) is a broken PDF, not
 * text, and is refused as well.
 */
public enum DocumentType {

  PDF("application/pdf"),
  PNG("image/png"),
  JPEG("image/jpeg"),
  TIFF("image/tiff"),
  PLAIN_TEXT("text/plain;charset=UTF-8");

  /** The accepted types as people name them. */
  public static final String ACCEPTED = "a PDF, PNG, JPEG, TIFF or plain-text document";

  private static final byte[] PDF_SIGNATURE = ascii("%PDF-");
  private static final byte[] PDF_MARKER = ascii("%PDF");
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  private static final byte[] PNG_FIRST_CHUNK = {0, 0, 0, 13, 'I', 'H', 'D', 'R'};
  private static final byte[] JPEG_SIGNATURE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] TIFF_LITTLE_ENDIAN = {'I', 'I', '*', 0};
  private static final byte[] TIFF_BIG_ENDIAN = {'M', 'M', 0, '*'};
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final String mediaType;

  DocumentType(String mediaType) {
    this.mediaType = mediaType;
  }

  /** The media type the document is stored and served with. */
  public String mediaType() {
    return mediaType;
  }

  /** The type of the content, or empty when it is none of the accepted types (empty content included). */
  public static Optional<DocumentType> of(byte[] content) {
    if (content == null || content.length == 0) {
      return Optional.empty();
    }
    if (startsWith(content, PDF_MARKER, 0)) {
      return isPdf(content) ? Optional.of(PDF) : Optional.empty();
    }
    if (startsWith(content, PNG_SIGNATURE, 0) && startsWith(content, PNG_FIRST_CHUNK, PNG_SIGNATURE.length)) {
      return Optional.of(PNG);
    }
    // the third byte starts a marker segment: the fourth is its code, C0 to FE
    if (startsWith(content, JPEG_SIGNATURE, 0) && content.length > JPEG_SIGNATURE.length
        && (content[3] & 0xFF) >= 0xC0 && (content[3] & 0xFF) <= 0xFE) {
      return Optional.of(JPEG);
    }
    if ((startsWith(content, TIFF_LITTLE_ENDIAN, 0) || startsWith(content, TIFF_BIG_ENDIAN, 0))
        && content.length >= 8) {
      return Optional.of(TIFF);
    }
    return isPlainText(content) ? Optional.of(PLAIN_TEXT) : Optional.empty();
  }

  private static boolean isPdf(byte[] content) {
    int at = PDF_SIGNATURE.length;
    return startsWith(content, PDF_SIGNATURE, 0) && content.length >= at + 3
        && isDigit(content[at]) && content[at + 1] == '.' && isDigit(content[at + 2]);
  }

  private static boolean isPlainText(byte[] content) {
    int start = startsWith(content, UTF8_BOM, 0) ? UTF8_BOM.length : 0;
    CharBuffer text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content, start, content.length - start));
    } catch (CharacterCodingException e) {
      return false;
    }
    int firstVisible = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isControl(c)) {
        return false;
      }
      if (firstVisible < 0 && !Character.isWhitespace(c)) {
        firstVisible = i;
      }
    }
    return firstVisible >= 0 && text.charAt(firstVisible) != '<' && !containsMarkupTag(text);
  }

  private static boolean isControl(char c) {
    return (c < 0x20 && c != '\t' && c != '\r' && c != '\n') || (c >= 0x7F && c <= 0x9F);
  }

  /**
   * Any tag-like text: a {@code <} followed by a letter, {@code /}, {@code !} or {@code ?}. A clinical note has no
   * use for one ("pain < 7" still passes), and a browser could read one as markup.
   */
  private static boolean containsMarkupTag(CharBuffer text) {
    String content = text.toString();
    for (int at = content.indexOf('<'); at >= 0 && at + 1 < content.length(); at = content.indexOf('<', at + 1)) {
      char next = content.charAt(at + 1);
      if (Character.isLetter(next) || next == '/' || next == '!' || next == '?') {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWith(byte[] content, byte[] prefix, int offset) {
    if (content.length < offset + prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (content[offset + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
