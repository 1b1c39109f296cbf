package com.healthplan.va.input;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input that must not reach a case. Thrown before anything is saved (case API, the engine's command guard) or
 * from an engine listener, which rolls the whole command back (Tasklist forms, engine REST). A bad user request
 * to the engine: its REST API answers 400 when the engine's command guard throws it.
 */
public class InvalidCaseInputException extends BadUserRequestException {

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
