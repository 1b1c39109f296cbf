package com.healthplan.va.security;

import java.lang.reflect.Field;
import java.util.Map;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractDeleteProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.migration.AbstractMigrationCmd;
import org.camunda.bpm.engine.impl.migration.MigrationPlanExecutionBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;

/**
 * What a start, task completion, claim, comment or user change command carries (task id, variables, start
 * options, claimant, message, user). Camunda 7 gives these
 * commands no getters, and no public API shows a completion's variables before they are written, so their
 * fields are read here, in one place. They are resolved when the engine starts: an engine version that renamed
 * one stops the application instead of letting completions past the guard.
 */
final class EngineCommandFields {

  private static final Field COMPLETE_TASK_ID = field(CompleteTaskCmd.class, "taskId");
  private static final Field COMPLETE_VARIABLES = field(CompleteTaskCmd.class, "variables");
  private static final Field SUBMIT_TASK_ID = field(SubmitTaskFormCmd.class, "taskId");
  private static final Field SUBMIT_VARIABLES = field(SubmitTaskFormCmd.class, "properties");
  private static final Field START_BUILDER = field(StartProcessInstanceCmd.class, "instantiationBuilder");
  private static final Field START_FORM_VARIABLES = field(SubmitStartFormCmd.class, "variables");
  private static final Field CLAIM_USER = field(ClaimTaskCmd.class, "userId");
  private static final Field SAVE_USER = field(SaveUserCmd.class, "user");
  private static final Field COMMENT_MESSAGE = field(AddCommentCmd.class, "message");
  private static final Field START_FORM_DEFINITION = field(SubmitStartFormCmd.class, "processDefinitionId");
  private static final Field START_AT_ACTIVITIES_BUILDER = field(StartProcessInstanceAtActivitiesCmd.class,
      "instantiationBuilder");
  private static final Field CLAIM_TASK = field(ClaimTaskCmd.class, "taskId");
  private static final Field TASK_PROPERTY_TASK = field(AbstractSetTaskPropertyCmd.class, "taskId");
  private static final Field IDENTITY_LINK_USER = field(AbstractAddIdentityLinkCmd.class, "userId");
  private static final Field MODIFY_BUILDER = field(ModifyProcessInstanceCmd.class, "builder");
  private static final Field MODIFY_ASYNC_BUILDER = field(ModifyProcessInstanceAsyncCmd.class, "builder");
  private static final Field MIGRATION_BUILDER = field(AbstractMigrationCmd.class, "executionBuilder");
  private static final Field DELETE_INSTANCE = field(DeleteProcessInstanceCmd.class, "processInstanceId");
  private static final Field DELETE_REASON = field(AbstractDeleteProcessInstanceCmd.class, "deleteReason");
  private static final Field DELETE_SKIPS_LISTENERS = field(AbstractDeleteProcessInstanceCmd.class,
      "skipCustomListeners");
  private static final Field DELETE_SKIPS_IO = field(AbstractDeleteProcessInstanceCmd.class, "skipIoMappings");
  // sign-ins and comments (CommentRules, LoginThrottle)
  private static final Field CHECK_USER = field(CheckPassword.class, "userId");
  private static final Field CHECK_PASSWORD = field(CheckPassword.class, "password");
  private static final Field COMMENT_TASK = field(AddCommentCmd.class, "taskId");
  private static final Field COMMENT_INSTANCE = field(AddCommentCmd.class, "processInstanceId");
  private static final Field UPDATE_COMMENT_TASK = field(UpdateCommentCmd.class, "taskId");
  private static final Field UPDATE_COMMENT_INSTANCE = field(UpdateCommentCmd.class, "processInstanceId");
  private static final Field UPDATE_COMMENT_ID = field(UpdateCommentCmd.class, "commentId");
  private static final Field UPDATE_COMMENT_MESSAGE = field(UpdateCommentCmd.class, "message");
  private static final Field DELETE_TASK_COMMENT_TASK = field(DeleteTaskCommentCmd.class, "taskId");
  private static final Field DELETE_TASK_COMMENT_ID = field(DeleteTaskCommentCmd.class, "commentId");
  private static final Field DELETE_INSTANCE_COMMENT_INSTANCE = field(DeleteProcessInstanceCommentCmd.class,
      "processInstanceId");
  private static final Field DELETE_INSTANCE_COMMENT_ID = field(DeleteProcessInstanceCommentCmd.class, "commentId");

  private EngineCommandFields() {
  }

  /** Fails start-up when a field is missing (called by the engine plugin). */
  static void verify() {
    // the static fields above are resolved by loading this class
  }

  static String taskId(CompleteTaskCmd command) {
    return (String) read(COMPLETE_TASK_ID, command);
  }

  static Map<String, Object> variables(CompleteTaskCmd command) {
    return map(read(COMPLETE_VARIABLES, command));
  }

  static String taskId(SubmitTaskFormCmd command) {
    return (String) read(SUBMIT_TASK_ID, command);
  }

  static Map<String, Object> variables(SubmitTaskFormCmd command) {
    return map(read(SUBMIT_VARIABLES, command));
  }

  static ProcessInstantiationBuilderImpl instantiation(StartProcessInstanceCmd command) {
    return (ProcessInstantiationBuilderImpl) read(START_BUILDER, command);
  }

  static String userId(ClaimTaskCmd command) {
    return (String) read(CLAIM_USER, command);
  }

  static User user(SaveUserCmd command) {
    return (User) read(SAVE_USER, command);
  }

  static String message(AddCommentCmd command) {
    return (String) read(COMMENT_MESSAGE, command);
  }

  static String taskId(ClaimTaskCmd command) {
    return (String) read(CLAIM_TASK, command);
  }

  /** The task of a task property change (assignee, owner, ...). */
  static String taskId(AbstractSetTaskPropertyCmd<?> command) {
    return (String) read(TASK_PROPERTY_TASK, command);
  }

  /** The user an identity link command names (the new assignee of an assignment; null: unclaim). */
  static String userId(AbstractAddIdentityLinkCmd command) {
    return (String) read(IDENTITY_LINK_USER, command);
  }

  static ProcessInstanceModificationBuilderImpl modification(ModifyProcessInstanceCmd command) {
    return (ProcessInstanceModificationBuilderImpl) read(MODIFY_BUILDER, command);
  }

  static ProcessInstanceModificationBuilderImpl modification(ModifyProcessInstanceAsyncCmd command) {
    return (ProcessInstanceModificationBuilderImpl) read(MODIFY_ASYNC_BUILDER, command);
  }

  static MigrationPlanExecutionBuilderImpl migration(AbstractMigrationCmd command) {
    return (MigrationPlanExecutionBuilderImpl) read(MIGRATION_BUILDER, command);
  }

  static String processInstanceId(DeleteProcessInstanceCmd command) {
    return (String) read(DELETE_INSTANCE, command);
  }

  static String deleteReason(AbstractDeleteProcessInstanceCmd command) {
    return (String) read(DELETE_REASON, command);
  }

  static boolean skipsListeners(AbstractDeleteProcessInstanceCmd command) {
    return (Boolean) read(DELETE_SKIPS_LISTENERS, command) || (Boolean) read(DELETE_SKIPS_IO, command);
  }

  static ProcessInstantiationBuilderImpl instantiation(StartProcessInstanceAtActivitiesCmd command) {
    return (ProcessInstantiationBuilderImpl) read(START_AT_ACTIVITIES_BUILDER, command);
  }

  static String processDefinitionId(SubmitStartFormCmd command) {
    return (String) read(START_FORM_DEFINITION, command);
  }

  static Map<String, Object> variables(SubmitStartFormCmd command) {
    return map(read(START_FORM_VARIABLES, command));
  }

  static String userId(CheckPassword command) {
    return (String) read(CHECK_USER, command);
  }

  static String password(CheckPassword command) {
    return (String) read(CHECK_PASSWORD, command);
  }

  /** A comment's task and process instance (either may be null), its id (null: a new one) and its text. */
  record CommentTarget(String taskId, String processInstanceId, String commentId, String message) {
  }

  static CommentTarget target(AddCommentCmd command) {
    return new CommentTarget((String) read(COMMENT_TASK, command), (String) read(COMMENT_INSTANCE, command), null,
        (String) read(COMMENT_MESSAGE, command));
  }

  static CommentTarget target(UpdateCommentCmd command) {
    return new CommentTarget((String) read(UPDATE_COMMENT_TASK, command),
        (String) read(UPDATE_COMMENT_INSTANCE, command), (String) read(UPDATE_COMMENT_ID, command),
        (String) read(UPDATE_COMMENT_MESSAGE, command));
  }

  /** A deletion's comment id is null when every comment of the task or instance is deleted. */
  static CommentTarget target(DeleteTaskCommentCmd command) {
    return new CommentTarget((String) read(DELETE_TASK_COMMENT_TASK, command), null,
        (String) read(DELETE_TASK_COMMENT_ID, command), null);
  }

  static CommentTarget target(DeleteProcessInstanceCommentCmd command) {
    return new CommentTarget(null, (String) read(DELETE_INSTANCE_COMMENT_INSTANCE, command),
        (String) read(DELETE_INSTANCE_COMMENT_ID, command), null);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value == null ? Map.of() : (Map<String, Object>) value;
  }

  private static Object read(Field field, Object command) {
    try {
      return field.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot read " + field, e);
    }
  }

  private static Field field(Class<?> type, String name) {
    try {
      Field field = type.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("This Camunda version has no field " + type.getName() + "." + name
          + ": the engine command guard cannot check such commands", e);
    }
  }
}
