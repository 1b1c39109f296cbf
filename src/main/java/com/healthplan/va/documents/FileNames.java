package com.healthplan.va.documents;

/**
 * The name a document is stored and offered for download under: the sender's file name without any path, of
 * printable characters only, at most {@value #MAX_LENGTH} characters; {@value #FALLBACK} when nothing is left.
 * It is shown, never used as a path. Names may carry patient data: they are not logged.
 */
public final class FileNames {

  public static final int MAX_LENGTH = 200;
  public static final String FALLBACK = "document";

  private FileNames() {
  }

  public static String sanitize(String submitted) {
    if (submitted == null) {
      return FALLBACK;
    }
    String name = submitted.substring(Math.max(submitted.lastIndexOf('/'), submitted.lastIndexOf('\\')) + 1);
    StringBuilder printable = new StringBuilder(Math.min(name.length(), MAX_LENGTH * 2));
    name.codePoints().filter(FileNames::isPrintable).forEach(printable::appendCodePoint);
    name = printable.toString().strip();
    if (name.length() > MAX_LENGTH) {
      int end = Character.isHighSurrogate(name.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
      name = name.substring(0, end).strip();
    }
    return name.isEmpty() || name.equals(".") || name.equals("..") ? FALLBACK : name;
  }

  /**
   * Letters, marks, digits, punctuation, symbols and spaces; not controls, invisible format characters (such as
   * the right-to-left override that disguises a name's extension), line separators, private-use, unassigned or
   * lone surrogate code points.
   */
  private static boolean isPrintable(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
           Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
      default -> true;
    };
  }
}
