package com.healthplan.va.security;

import com.healthplan.va.casefile.CaseVariables;
import com.healthplan.va.deployment.EditableFields;
import com.healthplan.va.input.FieldErrors;
import com.healthplan.va.input.VariableLimits;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.Objects;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobDefinitionStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetProcessInstanceStateCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateAllMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDefinitionPriorityCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.cmd.EvaluateDecisionCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.EvaluateDecisionTableCmd;
import com.healthplan.va.input.SubmittedValues;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobsRetriesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.SetProcessDefinitionVersionCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.camunda.bpm.engine.impl.migration.AbstractMigrationCmd;
import org.camunda.bpm.engine.task.Task;

/**
 * The case's rules on the engine's own commands, where every path passes: engine REST in any spelling,
 * Tasklist's and Cockpit's engine API, and the Java API called on a user's behalf. It acts where Camunda's
 * permissions are coarser than the case's rules, for authenticated users who are not administrators (the job
 * executor and the application's own code run without a user and are trusted):
 * <ul>
 *   <li>a process starts at its start event, with every listener: no start instructions, no skipped listeners
 *       or input mappings, no restart, modification or migration of an instance;</li>
 *   <li>a task of a case is completed with the fields its form lets a person edit and nothing else, and no
 *       variable is set, removed, or thrown with an error or escalation beside the form;</li>
 *   <li>submitted values are checked for kind and size before the engine writes anything;</li>
 *   <li>jobs are executed, retried or rescheduled by administrators only, and an attempt by anyone else
 *       leaves the job untouched (Camunda counts a refused execution as a failure of the job);</li>
 *   <li>a person claims tasks for themselves only, changes their own password but not their name or e-mail
 *       address, adds no attachments and comments of at most 4000 characters, and evaluates no decision
 *       directly (the prescreen does, inside a running command);</li>
 *   <li>password checks go through the {@link LoginThrottle}.</li>
 * </ul>
 */
class CaseCommandGuard extends CommandInterceptor {

  /** Commands only an administrator may run, whatever Camunda's permissions would allow. */
  private static final List<Class<?>> ADMINISTRATORS_ONLY = List.of(
      StartProcessInstanceAtActivitiesCmd.class,
      ModifyProcessInstanceCmd.class, ModifyProcessInstanceAsyncCmd.class, ProcessInstanceModificationBatchCmd.class,
      AbstractMigrationCmd.class, SetProcessDefinitionVersionCmd.class,
      ExecuteJobsCmd.class, SetJobRetriesCmd.class, AbstractSetJobsRetriesBatchCmd.class, SetJobDuedateCmd.class,
      RecalculateJobDuedateCmd.class, SetJobPriorityCmd.class, AbstractSetJobStateCmd.class, DeleteJobCmd.class,
      SetJobDefinitionPriorityCmd.class, AbstractSetJobDefinitionStateCmd.class,
      AbstractSetProcessInstanceStateCmd.class, DeleteProcessInstanceCmd.class, DeleteProcessInstancesCmd.class,
      HandleTaskBpmnErrorCmd.class, HandleTaskEscalationCmd.class, ResolveTaskCmd.class,
      AbstractSetVariableCmd.class, AbstractRemoveVariableCmd.class, AbstractPatchVariablesCmd.class,
      CreateAttachmentCmd.class, DeleteUserCmd.class, CorrelateMessageCmd.class, CorrelateAllMessageCmd.class,
      CorrelateAllMessageBatchCmd.class);

  private final Supplier<IdentityService> identity;
  private final Supplier<TaskService> tasks;
  private final Supplier<RepositoryService> repository;
  private final EditableFields editableFields;
  private final LoginThrottle logins;
  private final Set<String> caseProcessKeys;
  private final Set<String> phaseProcessKeys;
  private final CaseCommandRules caseRules;

  CaseCommandGuard(Supplier<IdentityService> identity, Supplier<TaskService> tasks,
      Supplier<RepositoryService> repository, EditableFields editableFields, LoginThrottle logins,
      Set<String> caseProcessKeys, Set<String> phaseProcessKeys, CaseCommandRules caseRules) {
    this.caseRules = caseRules;
    this.repository = repository;
    this.phaseProcessKeys = phaseProcessKeys;
    this.identity = identity;
    this.tasks = tasks;
    this.editableFields = editableFields;
    this.logins = logins;
    this.caseProcessKeys = caseProcessKeys;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof CheckPassword check) {
      return logins.check(EngineCommandFields.userId(check), EngineCommandFields.password(check),
          () -> next.execute(command));
    }
    var authentication = identity.get().getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      if (command instanceof AbstractRestartProcessInstanceCmd) {
        // a restart skips the intake and may start a phase without its case: nobody restarts, administrators neither
        throw new AuthorizationException("A case or a phase is never restarted; open a new case instead.");
      }
      refusePhaseStart(command);
      List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
      CaseCommandRules.Ran<T> ran = caseRules.apply(command, authentication.getUserId(), groups,
          () -> next.execute(command));
      if (ran != null) {
        return ran.result();
      }
    }
    if (authentication == null || authentication.getUserId() == null
        || (authentication.getGroupIds() != null && authentication.getGroupIds().contains(CaseRoles.ADMINISTRATORS))) {
      return next.execute(command);
    }
    if (command instanceof FailedJobListener) {
      return null; // the execution it would record as a failure was refused below and never ran
    }
    for (Class<?> refused : ADMINISTRATORS_ONLY) {
      if (refused.isInstance(command)) {
        throw new AuthorizationException(authentication.getUserId() + " may not do this: restarting, modifying or "
            + "migrating cases, running or rescheduling their jobs and changing their variables outside a form "
            + "are for administrators.");
      }
    }
    if (command instanceof ClaimTaskCmd claim) {
      checkClaim(authentication.getUserId(), EngineCommandFields.userId(claim));
    } else if (command instanceof SaveUserCmd save) {
      checkProfile(authentication.getUserId(), EngineCommandFields.user(save));
    } else if (command instanceof AddCommentCmd comment) {
      checkComment(EngineCommandFields.message(comment));
    } else if ((command instanceof EvaluateDecisionCmd || command instanceof EvaluateDecisionTableCmd)
        && Context.getCommandContext() == null) {
      // the prescreen evaluates decisions inside a running command; a person calling the API directly may not
      throw new AuthorizationException(authentication.getUserId() + " may not evaluate decisions directly; "
          + "the case's prescreen does.");
    } else if (command instanceof StartProcessInstanceCmd start) {
      checkStart(EngineCommandFields.instantiation(start));
    } else if (command instanceof SubmitStartFormCmd start) {
      checkValues(EngineCommandFields.variables(start));
    } else if (command instanceof CompleteTaskCmd complete) {
      checkCompletion(EngineCommandFields.taskId(complete), EngineCommandFields.variables(complete));
    } else if (command instanceof SubmitTaskFormCmd submit) {
      checkCompletion(EngineCommandFields.taskId(submit), EngineCommandFields.variables(submit));
    }
    return next.execute(command);
  }

  /**
   * A phase process starts only when its case calls it (a call activity, inside the engine): no user starts one
   * on its own, administrators included.
   */
  private void refusePhaseStart(Command<?> command) {
    String key = null;
    if (command instanceof StartProcessInstanceCmd start) {
      key = keyOf(EngineCommandFields.instantiation(start));
    } else if (command instanceof StartProcessInstanceAtActivitiesCmd start) {
      key = keyOf(EngineCommandFields.instantiation(start));
      if (key != null && caseProcessKeys.contains(key)) {
        // start instructions skip the intake: a case starts at its start event, administrators' cases too
        throw new AuthorizationException("A case starts at its intake; start it without start instructions.");
      }
    } else if (command instanceof SubmitStartFormCmd start) {
      key = keyOf(EngineCommandFields.processDefinitionId(start));
    }
    if (key != null && phaseProcessKeys.contains(key)) {
      throw new AuthorizationException("A phase of a case starts only from its case; start a case instead.");
    }
  }

  private String keyOf(ProcessInstantiationBuilderImpl start) {
    return start.getProcessDefinitionKey() != null ? start.getProcessDefinitionKey()
        : keyOf(start.getProcessDefinitionId());
  }

  /** Definition ids are not always {@code key:version:id} (long keys get a plain id): ask the repository. */
  private String keyOf(String processDefinitionId) {
    if (processDefinitionId == null) {
      return null;
    }
    var definition = repository.get().createProcessDefinitionQuery().processDefinitionId(processDefinitionId)
        .singleResult();
    return definition == null ? null : definition.getKey();
  }

  /** A person claims a task for themselves; handing it to someone else is an assignment, for administrators. */
  private static void checkClaim(String caller, String claimant) {
    if (claimant != null && !claimant.equals(caller)) {
      throw new AuthorizationException(caller + " may claim a task only for themselves.");
    }
  }

  /**
   * A person may change their own password, nothing else of their account: names and e-mail addresses (where
   * coordinators' alerts go) are kept by administrators.
   */
  private void checkProfile(String caller, User changed) {
    User stored = changed == null ? null
        : identity.get().createUserQuery().userId(changed.getId()).singleResult();
    if (stored == null || !changed.getId().equals(caller)
        || !Objects.equals(stored.getFirstName(), changed.getFirstName())
        || !Objects.equals(stored.getLastName(), changed.getLastName())
        || !Objects.equals(stored.getEmail(), changed.getEmail())) {
      throw new AuthorizationException(caller + " may change their own password only; an administrator changes "
          + "names and e-mail addresses.");
    }
  }

  private static void checkComment(String message) {
    if (message != null && message.length() > SubmittedValues.MAX_NOTE) {
      throw FieldErrors.refusal("message", "A comment must be at most " + SubmittedValues.MAX_NOTE
          + " characters long.");
    }
  }

  private void checkStart(ProcessInstantiationBuilderImpl start) {
    var modification = start.getModificationBuilder();
    if (modification != null && (modification.isSkipCustomListeners() || modification.isSkipIoMappings())) {
      throw FieldErrors.refusal("skipCustomListeners",
          "A case starts at its intake, with every check: skipping listeners or input mappings is not allowed.");
    }
    checkValues(start.getVariables());
  }

  private void checkCompletion(String taskId, Map<String, Object> variables) {
    // a task of a case's processes that the caller can see; any other task is left to the engine (404 or 403)
    Task task = taskId == null ? null : tasks.get().createTaskQuery().taskId(taskId)
        .processDefinitionKeyIn(caseProcessKeys.toArray(String[]::new)).singleResult();
    if (task != null) {
      Set<String> editable = editableFields.of(task);
      FieldErrors errors = new FieldErrors();
      for (String name : variables.keySet()) {
        if (!editable.contains(name)) {
          errors.add(name, FieldErrors.nameOf(name) + " cannot be changed in the task \"" + task.getName() + "\".");
        }
      }
      errors.throwIfAny();
    }
    checkValues(variables);
  }

  private static void checkValues(Map<String, Object> variables) {
    if (variables == null) {
      return;
    }
    FieldErrors errors = new FieldErrors();
    VariableLimits.check(variables, errors);
    errors.throwIfAny();
  }

}
