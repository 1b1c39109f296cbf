package com.healthplan.va.casefile;

/** The phases of a case, each its own process, called by the case process with the case id as business key. */
public enum CasePhase {
  DETERMINATION(CaseVariables.DETERMINATION_PROCESS_KEY),
  APPEAL(CaseVariables.APPEAL_PROCESS_KEY),
  PROCEDURE(CaseVariables.PROCEDURE_PROCESS_KEY),
  FOLLOW_UP(CaseVariables.FOLLOW_UP_PROCESS_KEY),
  NOTICE(CaseVariables.NOTICE_PROCESS_KEY);

  private final String processKey;

  CasePhase(String processKey) {
    this.processKey = processKey;
  }

  public String processKey() {
    return processKey;
  }
}
