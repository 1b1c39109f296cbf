package com.healthplan.va.determination;

import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseScope;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.casefile.PlanContacts;
import com.healthplan.va.notification.NoticeMailer;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A determination falls due soon: the review tasks still open move to the top of Tasklist (priority; review tasks
 * created later get it from the case file, through {@link ReviewPriority}) and the follow-up coordinators are e-mailed. Runs as
 * an asynchronous job with retries.
 */
@Component("alertCoordinators")
class AlertCoordinatorsDelegate implements JavaDelegate {

  private final TaskService tasks;
  private final NoticeMailer mailer;
  private final CaseRepository cases;
  private final PlanCalendar calendar;
  private final PlanContacts plan;

  AlertCoordinatorsDelegate(TaskService tasks, NoticeMailer mailer, CaseRepository cases, PlanCalendar calendar,
      PlanContacts plan) {
    this.plan = plan;
    this.tasks = tasks;
    this.mailer = mailer;
    this.cases = cases;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseFile caseFile = cases.get(CaseScope.caseId(execution));
    if (caseFile.status().isFinal()) {
      return; // decided while this alert waited (for example for the mail server): nothing to chase
    }
    cases.markEscalated(caseFile.caseId());
    // the review tasks live in the case's determination phase, which has the same business key
    for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(caseFile.caseId()).list()) {
      tasks.setPriority(task.getId(), ReviewPriority.DUE_SOON);
    }
    mailer.send(NoticeContent.notice(CaseNotice.DETERMINATION_DUE_SOON, caseFile, calendar, plan, null));
  }
}
