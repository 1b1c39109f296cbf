package com.healthplan.va.followup;

import com.healthplan.va.casefile.FollowUpMilestone;

/** The BPMN ids of the follow-up phase's per-milestone tasks ({@code UserTask_FollowUpOneWeek}, ...). */
final class FollowUpTaskKeys {

  private FollowUpTaskKeys() {
  }

  /** "ONE_WEEK" is "OneWeek". */
  static String suffix(FollowUpMilestone milestone) {
    StringBuilder name = new StringBuilder();
    for (String part : milestone.name().split("_")) {
      name.append(part.charAt(0)).append(part.substring(1).toLowerCase());
    }
    return name.toString();
  }

  static String of(FollowUpMilestone milestone) {
    return "UserTask_FollowUp" + suffix(milestone);
  }

  /** The coordinator's "Record PCP report" task of a milestone handed to the PCP. */
  static String pcpReportOf(FollowUpMilestone milestone) {
    return "UserTask_RecordPcpReport" + suffix(milestone);
  }
}
