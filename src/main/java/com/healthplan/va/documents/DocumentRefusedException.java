package com.healthplan.va.documents;

import com.healthplan.va.input.FieldError;
import java.util.List;

/**
 * An upload refused before anything was stored: each refused part ({@code file}, {@code kind}) with what is wrong
 * in plain words. {@link #tooLarge()} marks a file over the limit (answered 413); every other refusal is a 400.
 */
public class DocumentRefusedException extends RuntimeException {

  private final transient List<FieldError> errors;
  private final boolean tooLarge;

  private DocumentRefusedException(List<FieldError> errors, boolean tooLarge) {
    super("Document refused: " + errors.stream().map(FieldError::field).toList());
    this.errors = List.copyOf(errors);
    this.tooLarge = tooLarge;
  }

  static DocumentRefusedException of(List<FieldError> errors) {
    return new DocumentRefusedException(errors, false);
  }

  /** A file over {@link DocumentUploads#MAX_BYTES}, however it was found out. */
  public static DocumentRefusedException fileTooLarge() {
    return new DocumentRefusedException(
        List.of(new FieldError(DocumentUploads.FILE, DocumentUploads.TOO_LARGE)), true);
  }

  public List<FieldError> errors() {
    return errors;
  }

  public boolean tooLarge() {
    return tooLarge;
  }
}
