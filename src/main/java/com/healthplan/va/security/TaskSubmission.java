package com.healthplan.va.security;

import com.healthplan.va.casefile.CaseScope;
import com.healthplan.va.input.FieldErrors;
import com.healthplan.va.input.SubmittedValues;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The common opening of a review task's complete listener: who completes it (who must belong to the task's
 * group, or the completion is refused naming the decision field), which case it belongs to, and what was
 * submitted, read through {@link SubmittedValues} into one {@link FieldErrors}.
 */
public record TaskSubmission(ActingUser user, String caseId, Map<String, Object> variables, SubmittedValues in,
    FieldErrors errors) {

  public static TaskSubmission of(DelegateTask task, String group, String decisionField, String refusal) {
    return of(task, List.of(group), decisionField, refusal);
  }

  /** As {@link #of(DelegateTask, String, String, String)}, for a task that members of any of the groups may do. */
  public static TaskSubmission of(DelegateTask task, List<String> groups, String decisionField, String refusal) {
    ActingUser user = ActingUser.completing(task);
    if (groups.stream().noneMatch(user::isMemberOf)) {
      throw FieldErrors.refusal(decisionField, refusal);
    }
    if (task.getAssignee() == null) {
      // completed through an API without a claim: the history names who did it, as after a claim in Tasklist
      task.setAssignee(user.userId());
    }
    FieldErrors errors = new FieldErrors();
    Map<String, Object> variables = task.getVariables();
    return new TaskSubmission(user, CaseScope.caseId(task), variables, new SubmittedValues(variables, errors), errors);
  }
}
