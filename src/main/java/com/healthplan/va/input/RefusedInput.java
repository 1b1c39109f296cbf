package com.healthplan.va.input;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;

/**
 * Carries input refused inside the engine out to the HTTP layer of the same request.
 *
 * <p>An exception from an engine listener reaches Tasklist and the engine REST API as a 500 whose message is
 * wrapped in engine prefixes. {@link RefusedInputResponseFilter} opens a scope per request; refused input is
 * recorded here ({@link FieldErrors#throwIfAny()}), and the filter turns the answer into a 400 naming the fields.
 */
public final class RefusedInput {

  private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

  private RefusedInput() {
  }

  static Scope open() {
    Scope scope = new Scope();
    CURRENT.set(scope);
    return scope;
  }

  static void close() {
    CURRENT.remove();
  }

  /** Records the refusal for the current request, if an HTTP request is being served, and returns it. */
  public static InvalidCaseInputException record(InvalidCaseInputException refusal) {
    Scope scope = CURRENT.get();
    if (scope != null) {
      scope.refusal = refusal;
    }
    return refusal;
  }

  /**
   * Records a request refused by the case's rules (a conflict with its state, not bad input) for the current
   * request, so that the HTTP layer answers 409 with its message.
   */
  public static <T extends RuntimeException> T recordConflict(T conflict) {
    Scope scope = CURRENT.get();
    if (scope != null && scope.refusal == null) {
      scope.conflict = conflict;
    }
    return conflict;
  }

  /** The refused field names, as safe to log: names only, never values. */
  public static List<String> fieldsOf(InvalidCaseInputException refusal) {
    return refusal.errors().stream().map(FieldError::field)
        .map(field -> field != null && field.matches("[A-Za-z0-9_]{1,60}") ? field : "?").toList();
  }

  /** The request's path for a log line: ids of tasks and cases carry no patient data; query strings are left out. */
  static String pathOf(HttpServletRequest request) {
    String path = request.getRequestURI();
    return path.length() > 200 ? path.substring(0, 200) : path;
  }

  /** Whether input was refused in the current request (its engine error logs are then routine, not failures). */
  static boolean isRecorded() {
    Scope scope = CURRENT.get();
    return scope != null && (scope.refusal != null || scope.conflict != null);
  }

  static final class Scope {
    private InvalidCaseInputException refusal;
    private RuntimeException conflict;

    Optional<InvalidCaseInputException> refusal() {
      return Optional.ofNullable(refusal);
    }

    Optional<RuntimeException> conflict() {
      return Optional.ofNullable(conflict);
    }
  }
}
