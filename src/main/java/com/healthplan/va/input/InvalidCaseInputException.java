package com.healthplan.va.input;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that must not reach a case. Thrown before anything is saved (case API) or from an engine listener,
 * which rolls the whole command back (Tasklist forms, engine REST).
 */
public class InvalidCaseInputException extends RuntimeException {

  private final transient List<FieldError> errors;

  public InvalidCaseInputException(List<FieldError> errors) {
    super(summary(errors));
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }

  private static String summary(List<FieldError> errors) {
    return errors.stream().map(FieldError::message).collect(Collectors.joining(" "));
  }
}
