package com.healthplan.va.caseapi;

class CaseAccessDeniedException extends RuntimeException {
  CaseAccessDeniedException() {
    super("No case role");
  }
}
