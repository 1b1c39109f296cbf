package com.healthplan.va.determination;

import com.healthplan.va.casefile.CaseScope;
import com.healthplan.va.input.FieldErrors;
import com.healthplan.va.input.SubmittedValues;
import com.healthplan.va.security.ActingUser;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The common opening of a review task's complete listener: who completes it (who must belong to the task's
 * group, or the completion is refused naming the decision field), which case it belongs to, and what was
 * submitted, read through {@link SubmittedValues} into one {@link FieldErrors}.
 */
record TaskSubmission(ActingUser user, String caseId, Map<String, Object> variables, SubmittedValues in,
    FieldErrors errors) {

  static TaskSubmission of(DelegateTask task, String group, String decisionField, String refusal) {
    ActingUser user = ActingUser.completing(task);
    user.requireMembership(group, decisionField, refusal);
    FieldErrors errors = new FieldErrors();
    Map<String, Object> variables = task.getVariables();
    return new TaskSubmission(user, CaseScope.caseId(task), variables, new SubmittedValues(variables, errors), errors);
  }
}
