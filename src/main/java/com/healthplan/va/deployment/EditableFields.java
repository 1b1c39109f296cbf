package com.healthplan.va.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The fields a person can change in a task's deployed Camunda Form (neither disabled nor read-only), per process
 * definition and task: what a completion of that task may set, and nothing else. Forms are bound to their
 * deployment, so the answer never changes for a process definition and is kept.
 */
@Component
public class EditableFields {

  private final FormService forms;
  private final Map<String, Set<String>> known = new ConcurrentHashMap<>();

  /** Lazy: the engine's command guard needs this before the engine's services exist. */
  public EditableFields(@Lazy FormService forms) {
    this.forms = forms;
  }

  public Set<String> of(Task task) {
    return of(task.getId(), task.getProcessDefinitionId(), task.getTaskDefinitionKey());
  }

  public Set<String> of(DelegateTask task) {
    return of(task.getId(), task.getProcessDefinitionId(), task.getTaskDefinitionKey());
  }

  private Set<String> of(String taskId, String processDefinitionId, String taskDefinitionKey) {
    return known.computeIfAbsent(processDefinitionId + "/" + taskDefinitionKey, key -> read(taskId));
  }

  private Set<String> read(String taskId) {
    try (InputStream form = forms.getDeployedTaskForm(taskId)) {
      return Set.copyOf(CamundaForms.editableKeys(form));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the form of task " + taskId, e);
    }
  }
}
