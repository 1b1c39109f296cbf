package com.healthplan.va.casefile;

import com.healthplan.va.input.RefusedInput;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A request that the case's current state does not allow (a procedure recorded for a case that is not scheduled, a
 * phase the case's record does not call for, ...): the case API answers 409 with this message, and so do the engine
 * REST API and Tasklist when a listener or the command guard refuses it inside the engine. The message names the
 * state and the rule, never patient data.
 */
public class CaseConflictException extends BadUserRequestException {

  public CaseConflictException(String message) {
    super(message);
    RefusedInput.recordConflict(this);
  }
}
