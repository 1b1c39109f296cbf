package com.healthplan.va.appeal;

import static com.healthplan.va.casefile.CaseVariables.APPEAL_REQUESTED_BY;

import com.healthplan.va.security.CaseRoles;
import com.healthplan.va.security.TaskSubmission;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Listener of "Record appeal" (Tasklist for an appeal received by phone or letter, and
 * {@code POST /api/cases/{caseId}/appeals}): on create the form shows what may be appealed and until when; on complete
 * who appeals, why and how urgently is recorded by {@link Appeals}. Refused input leaves the task open, nothing saved.
 */
@Component("appealRecorded")
class AppealRecordListener implements TaskListener {

  private final Appeals appeals;

  AppealRecordListener(Appeals appeals) {
    this.appeals = appeals;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      appeals.showDetermination(task.getExecution(), com.healthplan.va.casefile.CaseScope.caseId(task));
      return;
    }
    TaskSubmission submission = TaskSubmission.of(task, List.of(CaseRoles.NURSES, CaseRoles.COORDINATORS),
        APPEAL_REQUESTED_BY, "Only a utilization-management nurse or a coordinator may record an appeal.");
    Appeals.Submitted appeal = Appeals.Submitted.read(submission.in());
    submission.errors().throwIfAny();
    appeals.record(task.getExecution(), submission.caseId(), appeal, submission.user().userId());
  }
}
