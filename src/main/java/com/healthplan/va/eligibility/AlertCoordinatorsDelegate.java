package com.healthplan.va.eligibility;

import static com.healthplan.va.casefile.CaseVariables.DETERMINATION_ESCALATED;

import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseScope;
import com.healthplan.va.notification.CaseNotice;
import com.healthplan.va.notification.NoticeMailer;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A determination falls due soon: the review tasks still open move to the top of Tasklist (priority; review tasks
 * created later get it from {@code determinationEscalated}) and the follow-up coordinators are e-mailed. Runs as
 * an asynchronous job with retries.
 */
@Component("alertCoordinators")
class AlertCoordinatorsDelegate implements JavaDelegate {

  /** Above Camunda's default task priority of 50; the review tasks' priority expression gives the same. */
  static final int DUE_SOON_PRIORITY = 90;

  private final TaskService tasks;
  private final NoticeMailer mailer;
  private final CaseRepository cases;

  AlertCoordinatorsDelegate(TaskService tasks, NoticeMailer mailer, CaseRepository cases) {
    this.tasks = tasks;
    this.mailer = mailer;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseFile caseFile = cases.get(CaseScope.caseId(execution));
    if (caseFile.status().isFinal()) {
      return; // decided while this alert waited (for example for the mail server): nothing to chase
    }
    cases.markEscalated(caseFile.caseId());
    execution.setVariable(DETERMINATION_ESCALATED, true);
    for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
      tasks.setPriority(task.getId(), DUE_SOON_PRIORITY);
    }
    mailer.send(CaseNotice.DETERMINATION_DUE_SOON, caseFile);
  }
}
