package com.healthplan.va.security;

import com.healthplan.va.casefile.AsApplication;
import com.healthplan.va.casefile.CaseConflictException;
import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseLifecycle;
import com.healthplan.va.casefile.CasePhase;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseVariables;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractInstantiationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractProcessInstanceModificationCommand;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.migration.AbstractMigrationCmd;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.StartEvent;

/**
 * The case's life on the engine's commands that change who works a task or where a case stands, for every user,
 * administrators included (the job executor and the application's own code run without a user): the physicians who
 * denied a request never claim its appeal or a later round's review; a person hands back their own task, a
 * coordinator or administrator anyone's; a modification keeps every listener and moves a case only to a task or
 * phase its record calls for (never to a gateway or an end); a migration keeps every activity where it is; a case
 * is cancelled as a whole, with its listeners, never one phase of it.
 */
final class CaseCommandRules {

  /** The tasks in which a physician decides the request: excluded physicians never claim them. */
  static final Set<String> PHYSICIAN_DECISION_TASKS = Set.of("UserTask_ReviewAppeal", "UserTask_ReviewAsMedicalDirector");

  private final Supplier<TaskService> tasks;
  private final Supplier<RuntimeService> runtime;
  private final Supplier<RepositoryService> repository;
  private final Supplier<IdentityService> identity;
  private final CaseRepository cases;
  private final CaseLifecycle lifecycle;
  private final Set<String> caseProcessKeys;

  CaseCommandRules(Supplier<TaskService> tasks, Supplier<RuntimeService> runtime,
      Supplier<RepositoryService> repository, Supplier<IdentityService> identity, CaseRepository cases,
      CaseLifecycle lifecycle) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.repository = repository;
    this.identity = identity;
    this.cases = cases;
    this.lifecycle = lifecycle;
    this.caseProcessKeys = Set.copyOf(CaseVariables.CASE_PROCESS_KEYS);
  }

  /** The result of a command the rules ran themselves. */
  record Ran<T>(T result) {
  }

  /**
   * Checks the command for the authenticated user; returns what the command returned when the rules ran it
   * themselves (a hand-back the engine's coarser permissions would refuse, a cancellation they record), null when
   * the engine should run it as asked.
   */
  <T> Ran<T> apply(Command<T> command, String userId, List<String> groups, Supplier<T> proceed) {
    if (command instanceof ClaimTaskCmd claim) {
      checkClaim(EngineCommandFields.taskId(claim), EngineCommandFields.userId(claim));
    } else if (command instanceof AssignTaskCmd assign) {
      String assignee = EngineCommandFields.userId(assign);
      if (assignee == null) {
        return new Ran<>(handBack(EngineCommandFields.taskId(assign), userId, groups, proceed));
      }
      checkClaim(EngineCommandFields.taskId(assign), assignee);
    } else if (command instanceof ModifyProcessInstanceCmd modify) {
      checkModification(EngineCommandFields.modification(modify));
    } else if (command instanceof ModifyProcessInstanceAsyncCmd modify) {
      checkModification(EngineCommandFields.modification(modify));
    } else if (command instanceof ProcessInstanceModificationBatchCmd) {
      throw new AuthorizationException("Cases are moved one at a time, so that each move is checked against the "
          + "case's record.");
    } else if (command instanceof AbstractMigrationCmd migration) {
      checkMigration(EngineCommandFields.migration(migration).getMigrationPlan());
    } else if (command instanceof DeleteProcessInstanceCmd delete) {
      checkCancellation(EngineCommandFields.processInstanceId(delete), EngineCommandFields.skipsListeners(delete));
      CaseCancellation.begin(userId, EngineCommandFields.deleteReason(delete));
      try {
        return new Ran<>(proceed.get());
      } finally {
        CaseCancellation.end();
      }
    } else if (command instanceof DeleteProcessInstancesCmd) {
      throw new AuthorizationException("Cases are cancelled one at a time, each with its reason.");
    }
    return null;
  }

  /** A physician who denied this request does not take its appeal or a later round's review; a claimed task waits. */
  private void checkClaim(String taskId, String claimant) {
    Task task = caseTask(taskId);
    if (task == null || claimant == null) {
      return;
    }
    if (task.getAssignee() != null && !task.getAssignee().equals(claimant)) {
      throw new CaseConflictException("This task is already claimed by someone else; they, a coordinator or an "
          + "administrator can hand it back to its group.");
    }
    if (PHYSICIAN_DECISION_TASKS.contains(task.getTaskDefinitionKey())) {
      CaseFile file = caseOf(task);
      if (file != null && lifecycle.excludedDeciders(file).contains(claimant)) {
        throw new CaseConflictException("A physician who denied this request does not decide it again: another "
            + "physician of the medical directors group takes this task.");
      }
    }
  }

  /** Anyone hands back their own task; a coordinator or an administrator hands back anyone's. */
  private <T> T handBack(String taskId, String userId, List<String> groups, Supplier<T> proceed) {
    Task task = caseTask(taskId);
    if (task == null) {
      return proceed.get();
    }
    boolean own = userId.equals(task.getAssignee());
    boolean steward = groups.contains(CaseRoles.COORDINATORS) || groups.contains(CaseRoles.ADMINISTRATORS);
    if (!own && !steward) {
      throw new AuthorizationException(userId + " may hand back only their own tasks; a coordinator or an "
          + "administrator hands back anyone's.");
    }
    return AsApplication.call(identity.get(), proceed);
  }

  /**
   * A modification runs every listener (they hold the case's rules) and starts nothing but a task, an event or a
   * phase the case's record calls for: never a gateway, a start or an end.
   */
  private void checkModification(ProcessInstanceModificationBuilderImpl modification) {
    ProcessInstance instance = AsApplication.call(identity.get(), () -> runtime.get().createProcessInstanceQuery()
        .processInstanceId(modification.getProcessInstanceId()).singleResult());
    if (instance == null || !caseProcessKeys.contains(keyOf(instance.getProcessDefinitionId()))) {
      return;
    }
    if (modification.isSkipCustomListeners() || modification.isSkipIoMappings()) {
      throw new CaseConflictException("A case is moved with every listener and mapping: they keep its record "
          + "whole. Do not skip them.");
    }
    for (AbstractProcessInstanceModificationCommand operation : modification.getModificationOperations()) {
      if (operation instanceof AbstractInstantiationCmd instantiation) {
        checkTarget(instance, targetOf(instantiation));
      }
    }
  }

  private void checkTarget(ProcessInstance instance, String elementId) {
    var model = AsApplication.call(identity.get(), () -> repository.get()
        .getBpmnModelInstance(instance.getProcessDefinitionId()));
    var element = elementId == null ? null : model.getModelElementById(elementId);
    if (!(element instanceof FlowNode node) || node instanceof Gateway || node instanceof StartEvent
        || node instanceof EndEvent) {
      throw new CaseConflictException("A case can be moved only to a task, an event or a phase; \"" + elementId
          + "\" is none of them.");
    }
    if (node instanceof CallActivity call) {
      CasePhase phase = Arrays.stream(CasePhase.values()).filter(p -> p.processKey().equals(call.getCalledElement()))
          .findFirst().orElse(null);
      CaseFile file = cases.find(instance.getBusinessKey()).orElse(null);
      if (phase != null && file != null) {
        long running = AsApplication.call(identity.get(), () -> runtime.get().createProcessInstanceQuery()
            .processInstanceBusinessKey(file.caseId()).processDefinitionKey(phase.processKey()).count());
        if (running > 0) {
          throw new CaseConflictException("The " + phase.name().toLowerCase().replace('_', '-') + " phase of case "
              + file.caseId() + " already runs; a case is moved into a phase only when none of it runs.");
        }
        lifecycle.requirePhaseMayStart(phase, file);
      }
    }
  }

  /** A migration moves running cases to a newer model: every activity keeps its id, so nothing moves. */
  private void checkMigration(MigrationPlan plan) {
    String source = keyOf(plan.getSourceProcessDefinitionId());
    String target = keyOf(plan.getTargetProcessDefinitionId());
    if (!caseProcessKeys.contains(source) && !caseProcessKeys.contains(target)) {
      return;
    }
    if (!source.equals(target)) {
      throw new CaseConflictException("A case migrates only to another version of its own process.");
    }
    for (MigrationInstruction instruction : plan.getInstructions()) {
      if (!instruction.getSourceActivityId().equals(instruction.getTargetActivityId())) {
        throw new CaseConflictException("A case migrates with every activity kept where it is; \""
            + instruction.getSourceActivityId() + "\" would move to \"" + instruction.getTargetActivityId() + "\".");
      }
    }
  }

  /** A case is cancelled as a whole, with its listeners (they record the cancellation); a phase never on its own. */
  private void checkCancellation(String processInstanceId, boolean skipsListeners) {
    ProcessInstance instance = AsApplication.call(identity.get(), () -> runtime.get().createProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult());
    if (instance == null) {
      return;
    }
    String key = keyOf(instance.getProcessDefinitionId());
    if (!caseProcessKeys.contains(key)) {
      return;
    }
    if (!CaseVariables.PROCESS_KEY.equals(key)) {
      throw new CaseConflictException("A phase is not cancelled on its own: cancel the case (its "
          + CaseVariables.PROCESS_KEY + " instance), with a reason.");
    }
    if (skipsListeners) {
      throw new CaseConflictException("A case is cancelled with its listeners: they record the cancellation on its "
          + "record.");
    }
  }

  private Task caseTask(String taskId) {
    if (taskId == null) {
      return null;
    }
    Task task = AsApplication.call(identity.get(), () -> tasks.get().createTaskQuery().taskId(taskId).singleResult());
    return task != null && task.getProcessDefinitionId() != null
        && caseProcessKeys.contains(keyOf(task.getProcessDefinitionId())) ? task : null;
  }

  private CaseFile caseOf(Task task) {
    ProcessInstance instance = AsApplication.call(identity.get(), () -> runtime.get().createProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).singleResult());
    return instance == null || instance.getBusinessKey() == null ? null
        : cases.find(instance.getBusinessKey()).orElse(null);
  }

  private String keyOf(String processDefinitionId) {
    ProcessDefinition definition = AsApplication.call(identity.get(), () -> repository.get()
        .getProcessDefinition(processDefinitionId));
    return definition.getKey();
  }

  private static String targetOf(AbstractInstantiationCmd instantiation) {
    try {
      return (String) instantiation.getClass().getMethod("getTargetElementId").invoke(instantiation);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot read the target of " + instantiation.getClass().getName(), e);
    }
  }
}
