package com.healthplan.va.security;

import com.healthplan.va.input.FieldErrors;
import com.healthplan.va.input.SubmittedValues;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.task.Comment;

/**
 * Comments on tasks and cases, on the engine's own commands (engine REST in any spelling, Tasklist's API, the Java
 * API), for every signed-in user, administrators included: a comment is changed or deleted only by its author (a
 * comment is what that person said; nobody rewrites it), a person comments only on a task they can see (or on a
 * case in which they can see a task), and a comment's length is checked before anything is written (400 naming
 * the field; the text is never logged). The application's own code (no signed-in user) is trusted.
 */
final class CommentRules extends CommandInterceptor {

  private final Supplier<IdentityService> identity;
  private final Supplier<TaskService> tasks;

  CommentRules(Supplier<IdentityService> identity, Supplier<TaskService> tasks) {
    this.identity = identity;
    this.tasks = tasks;
  }

  @Override
  public <T> T execute(Command<T> command) {
    var authentication = identity.get().getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      String caller = authentication.getUserId();
      boolean administrator = authentication.getGroupIds() != null
          && authentication.getGroupIds().contains(CaseRoles.ADMINISTRATORS);
      if (command instanceof AddCommentCmd add) {
        var target = EngineCommandFields.target(add);
        checkLength(target.message());
        if (!administrator) {
          checkVisible(caller, target);
        }
      } else if (command instanceof UpdateCommentCmd update) {
        var target = EngineCommandFields.target(update);
        checkLength(target.message());
        checkAuthor(caller, target, "change");
      } else if (command instanceof DeleteTaskCommentCmd delete) {
        checkAuthor(caller, EngineCommandFields.target(delete), "delete");
      } else if (command instanceof DeleteProcessInstanceCommentCmd delete) {
        checkAuthor(caller, EngineCommandFields.target(delete), "delete");
      }
    }
    return next.execute(command);
  }

  private static void checkLength(String message) {
    if (message != null && message.length() > SubmittedValues.MAX_NOTE) {
      throw FieldErrors.refusal("message", "A comment must be at most " + SubmittedValues.MAX_NOTE
          + " characters long; this one has " + message.length() + ".");
    }
  }

  /** Task queries answer only what the caller may see (Camunda's authorizations, candidate groups included). */
  private void checkVisible(String caller, EngineCommandFields.CommentTarget target) {
    var query = tasks.get().createTaskQuery();
    if (target.taskId() != null) {
      query.taskId(target.taskId());
    } else if (target.processInstanceId() != null) {
      query.processInstanceId(target.processInstanceId());
    } else {
      return; // the engine refuses a comment on nothing
    }
    if (query.count() == 0) {
      throw new AuthorizationException(caller + " may comment only on a task they can see.");
    }
  }

  private void checkAuthor(String caller, EngineCommandFields.CommentTarget target, String verb) {
    List<Comment> affected;
    if (target.taskId() != null) {
      affected = target.commentId() == null ? tasks.get().getTaskComments(target.taskId())
          : nullToEmpty(tasks.get().getTaskComment(target.taskId(), target.commentId()));
    } else if (target.processInstanceId() != null) {
      affected = tasks.get().getProcessInstanceComments(target.processInstanceId()).stream()
          .filter(comment -> target.commentId() == null || target.commentId().equals(comment.getId()))
          .toList();
    } else {
      return; // the engine refuses a change of nothing
    }
    for (Comment comment : affected) {
      if (!Objects.equals(caller, comment.getUserId())) {
        throw new AuthorizationException(caller + " may " + verb + " only their own comments; a comment by "
            + "someone else stays as they wrote it.");
      }
    }
  }

  private static List<Comment> nullToEmpty(Comment comment) {
    return comment == null ? List.of() : List.of(comment);
  }
}
