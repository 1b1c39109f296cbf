package com.healthplan.va.eligibility;

import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.notification.CaseNotice;
import com.healthplan.va.notification.NoticeMailer;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A determination falls due soon: the review tasks still open move to the top of Tasklist (priority) and the
 * follow-up coordinators are e-mailed. Runs as an asynchronous job with retries.
 */
@Component("alertCoordinators")
class AlertCoordinatorsDelegate implements JavaDelegate {

  /** Above Camunda's default task priority of 50. */
  static final int DUE_SOON_PRIORITY = 90;

  private final TaskService tasks;
  private final NoticeMailer mailer;

  AlertCoordinatorsDelegate(TaskService tasks, NoticeMailer mailer) {
    this.tasks = tasks;
    this.mailer = mailer;
  }

  @Override
  public void execute(DelegateExecution execution) {
    for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
      tasks.setPriority(task.getId(), DUE_SOON_PRIORITY);
    }
    mailer.send(CaseNotice.DETERMINATION_DUE_SOON, CaseFile.of(execution));
  }
}
