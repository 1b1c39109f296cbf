package com.healthplan.va.security;

import com.healthplan.va.casefile.CaseVariables;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.HistoricDetailQueryImpl;
import org.camunda.bpm.engine.impl.HistoricVariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.cmd.GetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Minimum necessary (HIPAA) on the engine's own variable reads, for every path (engine REST, Cockpit's and
 * Tasklist's engine API, the Java API on a user's behalf): a person who is not an administrator reads process and
 * history variables only of cases in which they can see a task, one case (or a page of tasks) at a time; a query
 * naming no case, task or execution ("every patient's name") is refused. Coordinators, who follow cases but
 * do not review them, never get the patient's identifying values (name, birth date, member id, contact): they
 * see the initials, as on the case page. Administrators and the application's own code are not limited.
 */
final class PatientDataQueries extends CommandInterceptor {

  /** Identifying values a coordinator does not get (they get patientInitials). */
  static final Set<String> IDENTIFYING = Set.of(CaseVariables.PATIENT_NAME, CaseVariables.PATIENT_BIRTH_DATE,
      CaseVariables.MEMBER_ID, CaseVariables.MEMBER_EMAIL, CaseVariables.MEMBER_ADDRESS,
      CaseVariables.PATIENT_PHONE);
  private static final int MAX_IDS = 200;

  private final Supplier<IdentityService> identity;
  private final Supplier<TaskService> tasks;
  private final Supplier<RuntimeService> runtime;
  private final Supplier<HistoryService> history;

  PatientDataQueries(Supplier<IdentityService> identity, Supplier<TaskService> tasks,
      Supplier<RuntimeService> runtime, Supplier<HistoryService> history) {
    this.identity = identity;
    this.tasks = tasks;
    this.runtime = runtime;
    this.history = history;
  }

  @Override
  public <T> T execute(Command<T> command) {
    var authentication = identity.get().getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null || Context.getCommandContext() != null) {
      return next.execute(command); // the application's own code, or a read inside a running command
    }
    List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    if (groups.contains(CaseRoles.ADMINISTRATORS)) {
      return next.execute(command);
    }
    Set<String> scope;
    if (command instanceof VariableInstanceQueryImpl query) {
      scope = ids(query.getProcessInstanceIds(), query.getTaskIds(), query.getExecutionIds(),
          query.getVariableScopeIds());
    } else if (command instanceof HistoricVariableInstanceQueryImpl query) {
      scope = ids(new String[] {query.getProcessInstanceId()}, query.getProcessInstanceIds(), query.getTaskIds(),
          query.getExecutionIds());
    } else if (command instanceof HistoricDetailQueryImpl query) {
      scope = ids(new String[] {query.getProcessInstanceId(), query.getTaskId(), query.getExecutionId()},
          query.getProcessInstanceIds());
    } else if (command instanceof GetExecutionVariablesCmd) {
      // one execution, already checked by Camunda's permissions; coordinators get no identifying values
      return withoutIdentifying(next.execute(command), groups);
    } else {
      return next.execute(command);
    }
    if (scope.isEmpty() || scope.size() > MAX_IDS) {
      throw new AuthorizationException(authentication.getUserId() + " may read variables of one case at a time "
          + "(a process instance, task or execution it names), not of every case.");
    }
    for (String id : scope) {
      if (!seesATaskOf(id)) {
        throw new AuthorizationException(authentication.getUserId() + " may read variables only of cases in "
            + "which they can see a task.");
      }
    }
    return withoutIdentifying(next.execute(command), groups);
  }

  private static Set<String> ids(String[]... lists) {
    Set<String> ids = new LinkedHashSet<>();
    for (String[] list : lists) {
      if (list != null) {
        for (String id : list) {
          if (id != null) {
            ids.add(id);
          }
        }
      }
    }
    return ids;
  }

  /** A task the caller can see, or a process instance or execution of a case with such a task. */
  private boolean seesATaskOf(String id) {
    if (tasks.get().createTaskQuery().taskId(id).count() > 0) {
      return true;
    }
    String businessKey = asApplication(() -> {
      var execution = runtime.get().createExecutionQuery().executionId(id).singleResult();
      String instanceId = execution == null ? id : execution.getProcessInstanceId();
      var instance = history.get().createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult();
      return instance == null ? null : instance.getBusinessKey();
    });
    return businessKey != null && tasks.get().createTaskQuery().processInstanceBusinessKey(businessKey).count() > 0;
  }

  /** Looks up where an id belongs without the caller's permissions (the answer is only used to check them). */
  private <R> R asApplication(Supplier<R> lookup) {
    var caller = identity.get().getCurrentAuthentication();
    identity.get().clearAuthentication();
    try {
      return lookup.get();
    } finally {
      identity.get().setAuthentication(caller);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T withoutIdentifying(T result, List<String> groups) {
    if (groups.contains(CaseRoles.NURSES) || groups.contains(CaseRoles.MEDICAL_DIRECTORS)) {
      return result;
    }
    if (result instanceof VariableMap variables) {
      IDENTIFYING.forEach(variables::remove);
      return result;
    }
    if (result instanceof List<?> list) {
      List<Object> kept = new ArrayList<>();
      for (Object item : list) {
        if (!IDENTIFYING.contains(nameOf(item))) {
          kept.add(item);
        }
      }
      return (T) kept;
    }
    return result;
  }

  private static String nameOf(Object item) {
    if (item instanceof VariableInstance variable) {
      return variable.getName();
    }
    if (item instanceof HistoricVariableInstance variable) {
      return variable.getName();
    }
    if (item instanceof HistoricVariableUpdate update) {
      return update.getVariableName();
    }
    return null;
  }
}
