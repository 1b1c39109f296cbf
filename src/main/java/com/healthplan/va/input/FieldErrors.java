package com.healthplan.va.input;

import java.util.ArrayList;
import java.util.List;

/** Collects refused values while a submission is checked, then refuses the submission as a whole. */
public class FieldErrors {

  private final List<FieldError> errors = new ArrayList<>();

  public void add(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  public boolean has(String field) {
    return errors.stream().anyMatch(e -> e.field().equals(field));
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new InvalidCaseInputException(errors);
    }
  }
}
