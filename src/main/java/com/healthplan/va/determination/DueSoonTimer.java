package com.healthplan.va.determination;

import com.healthplan.va.casefile.AsApplication;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Moves the case's "Determination due soon" timer when the deadline is extended. The nurse may not reschedule
 * jobs (the command guard refuses it to every user but administrators); the application does it, outside her
 * engine authentication, inside the step that recorded the extension.
 */
@Component
class DueSoonTimer {

  static final String TIMER = "Timer_DeterminationDueSoon";

  private final ManagementService management;
  private final IdentityService identity;

  DueSoonTimer(@Lazy ManagementService management, @Lazy IdentityService identity) {
    this.management = management;
    this.identity = identity;
  }

  /** The determination phase's execution; the timer is on the calling case's call activity. */
  void moveTo(DelegateExecution phase, Instant escalationAt) {
    DelegateExecution caller = phase.getProcessInstance().getSuperExecution();
    if (caller == null) {
      return;
    }
    AsApplication.run(identity, () -> {
      for (Job job : management.createJobQuery().processInstanceId(caller.getProcessInstanceId()).timers()
          .activityId(TIMER).list()) {
        management.setJobDuedate(job.getId(), Date.from(escalationAt));
      }
    });
  }
}
