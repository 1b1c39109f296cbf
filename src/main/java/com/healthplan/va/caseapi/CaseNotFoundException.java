package com.healthplan.va.caseapi;

class CaseNotFoundException extends RuntimeException {
  CaseNotFoundException(String caseId) {
    super("No case " + caseId);
  }
}
