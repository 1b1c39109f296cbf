package com.healthplan.va.caseapi;

class DocumentNotFoundException extends RuntimeException {
  DocumentNotFoundException() {
    super("No such document of the case");
  }
}
