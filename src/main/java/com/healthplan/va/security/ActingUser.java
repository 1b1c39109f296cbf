package com.healthplan.va.security;

import com.healthplan.va.input.FieldErrors;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.Group;

/**
 * The person completing a task, in whose name a decision is recorded: the authenticated user of the request
 * (Tasklist, engine REST), who must be the task's assignee if it has one; without an authenticated user (work
 * done by the engine itself), the assignee.
 */
public record ActingUser(String userId, Set<String> groupIds) {

  private static final String ASSIGNEE = "assignee";

  public static ActingUser completing(DelegateTask task) {
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    // the engine's own authentication type; only its public getters are used
    var authentication = identity.getCurrentAuthentication();
    String assignee = task.getAssignee();
    if (authentication != null && authentication.getUserId() != null) {
      if (assignee != null && !assignee.equals(authentication.getUserId())) {
        throw FieldErrors.refusal(ASSIGNEE, "This task is claimed by someone else; claim it yourself before completing it.");
      }
      List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
      return new ActingUser(authentication.getUserId(), Set.copyOf(groups));
    }
    if (assignee != null) {
      Set<String> groups = identity.createGroupQuery().groupMember(assignee).list().stream()
          .map(Group::getId).collect(Collectors.toSet());
      return new ActingUser(assignee, groups);
    }
    throw FieldErrors.refusal(ASSIGNEE, "Claim the task before completing it, so that the decision is recorded in your name.");
  }

  public boolean isMemberOf(String groupId) {
    return groupIds.contains(groupId);
  }

  /** Refuses the completion, naming the field of the decision, unless this person belongs to the group. */
  public void requireMembership(String groupId, String field, String message) {
    if (!isMemberOf(groupId)) {
      throw FieldErrors.refusal(field, message);
    }
  }
}
