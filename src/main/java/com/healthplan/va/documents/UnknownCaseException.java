package com.healthplan.va.documents;

/** A document was sent for a case that does not exist; nothing was stored. */
public class UnknownCaseException extends RuntimeException {

  UnknownCaseException() {
    super("No such case");
  }
}
