package com.healthplan.va.casefile;

/**
 * A request that the case's current state does not allow (a procedure recorded for a case that is not scheduled,
 * ...): the case API answers 409 with this message, which names the state and never patient data.
 */
public class CaseConflictException extends RuntimeException {

  public CaseConflictException(String message) {
    super(message);
  }
}
