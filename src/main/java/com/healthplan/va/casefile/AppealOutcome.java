package com.healthplan.va.casefile;

/** How an appeal was decided (contract values): the adverse part of a determination overturned or upheld. */
public enum AppealOutcome {
  OVERTURNED, UPHELD
}
