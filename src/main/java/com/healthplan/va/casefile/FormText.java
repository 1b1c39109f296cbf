package com.healthplan.va.casefile;

/**
 * The one way a text that a person typed (a file name, a person's name, a reason) is put where a form's template
 * inserts it ({@code {{name}}} inside a form's markdown text): shown as the letters it is, never as markup.
 * Tasklist renders such text as markdown and its sanitizer keeps links, {@code <div class=...>}, same-origin images
 * and headings, so every ASCII punctuation character but {@code .} and {@code ,} is written as a numeric character
 * reference (a reference is always text in markdown and HTML, in every renderer), a {@code .} only after
 * {@code www} (no bare-address link), and line breaks become spaces (a text stays in its line and starts no
 * block). Letters, digits and spaces stay as they are. Values a person edits in a field are never passed through
 * here: fields show their value as text already.
 */
public final class FormText {

  private FormText() {
  }

  /** The text, safe to insert into a form's markdown; {@code null} stays {@code null}. */
  public static String shown(String personTyped) {
    if (personTyped == null) {
      return null;
    }
    StringBuilder shown = new StringBuilder(personTyped.length() + 16);
    personTyped.codePoints().forEach(c -> {
      if (c == '\r' || c == '\n' || c == '\t' || Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
        shown.append(' ');
      } else if (c < 0x80 && !Character.isLetterOrDigit(c) && c != ' ' && c != ',' && (c != '.' || afterWww(shown))) {
        shown.append("&#").append(c).append(';');
      } else {
        shown.appendCodePoint(c);
      }
    });
    return shown.toString();
  }

  private static boolean afterWww(StringBuilder shown) {
    int length = shown.length();
    return length >= 3 && shown.substring(length - 3).equalsIgnoreCase("www");
  }
}
