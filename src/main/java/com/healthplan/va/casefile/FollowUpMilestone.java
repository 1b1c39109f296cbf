package com.healthplan.va.casefile;

import java.time.LocalDate;
import java.time.Period;

/**
 * The follow-ups of the policy's "Plan for F/U patient assessment" (contract names), each due a calendar period
 * after the procedure date; the 3-month and 1-year ones may be deferred to the patient's PCP.
 */
public enum FollowUpMilestone {
  ONE_WEEK(Period.ofDays(7), false, "1-week follow-up"),
  ONE_MONTH(Period.ofMonths(1), false, "1-month follow-up"),
  THREE_MONTHS(Period.ofMonths(3), true, "3-month follow-up"),
  ONE_YEAR(Period.ofYears(1), true, "1-year follow-up");

  private final Period after;
  private final boolean deferrableToPcp;
  private final String label;

  FollowUpMilestone(Period after, boolean deferrableToPcp, String label) {
    this.after = after;
    this.deferrableToPcp = deferrableToPcp;
    this.label = label;
  }

  /** The due date; month arithmetic clamps to the month's last day (31 January + 1 month = end of February). */
  public LocalDate dueDate(LocalDate procedureDate) {
    return procedureDate.plus(after);
  }

  /** How long after the procedure the follow-up is due. */
  public Period after() {
    return after;
  }

  public boolean deferrableToPcp() {
    return deferrableToPcp;
  }

  public String label() {
    return label;
  }
}
