package com.healthplan.va.followup;

import com.healthplan.va.casefile.FollowUpMilestone;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** Milestone names in the contract's order. */
final class FollowUpMilestoneOrder {

  private FollowUpMilestoneOrder() {
  }

  static List<String> of(Collection<String> names) {
    return Arrays.stream(FollowUpMilestone.values()).map(Enum::name).filter(names::contains).toList();
  }
}
