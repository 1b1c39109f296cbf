package com.healthplan.va.input;

import java.util.ArrayList;
import java.util.List;

/** Collects refused values while a submission is checked, then refuses the submission as a whole. */
public class FieldErrors {

  private final List<FieldError> errors = new ArrayList<>();

  /** A refusal of one field, recorded for the current request; to be thrown by the caller. */
  public static InvalidCaseInputException refusal(String field, String message) {
    return RefusedInput.record(new InvalidCaseInputException(List.of(new FieldError(field, message))));
  }

  /**
   * A submitted field's name as a message may echo it: quoted when it is a plain name, otherwise "A field" (a
   * message must never carry markup or other text of the caller's back to a browser).
   */
  public static String nameOf(String field) {
    return field != null && field.matches("[A-Za-z0-9_]{1,60}") ? "'" + field + "'" : "A field";
  }

  public void add(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  public boolean has(String field) {
    return errors.stream().anyMatch(e -> e.field().equals(field));
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  /** Refuses the submission if anything was refused, telling the HTTP layer of the current request. */
  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw RefusedInput.record(new InvalidCaseInputException(errors));
    }
  }
}
