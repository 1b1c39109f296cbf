package com.healthplan.va.procedure;

import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseScope;
import com.healthplan.va.casefile.CaseStatus;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.notification.NoticeMailer;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The documentation deadline passed with the review still open: the review task moves to the top of Tasklist and
 * the coordinators are e-mailed. Nothing is closed: the case waits for the documents or a withdrawal. Async with
 * retries.
 */
@Component("alertDocumentationOverdue")
class DocumentationOverdueDelegate implements JavaDelegate {

  /** Above the default 50 and the determination's due-soon priority: an overdue case comes first. */
  static final int OVERDUE_PRIORITY = 90;

  private final ProcedureRepository procedures;
  private final CaseRepository cases;
  private final TaskService tasks;
  private final NoticeMailer mailer;
  private final ProcedureNotices notices;
  private final PlanCalendar calendar;

  DocumentationOverdueDelegate(ProcedureRepository procedures, CaseRepository cases, TaskService tasks,
      NoticeMailer mailer, ProcedureNotices notices, PlanCalendar calendar) {
    this.procedures = procedures;
    this.cases = cases;
    this.tasks = tasks;
    this.mailer = mailer;
    this.notices = notices;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseId = CaseScope.caseId(execution);
    if (cases.get(caseId).status() != CaseStatus.AWAITING_DOCUMENTATION) {
      return; // reviewed (or withdrawn) while this alert waited, for example for the mail server: nothing to chase
    }
    procedures.markDocumentationEscalated(caseId, calendar.now());
    for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey("UserTask_ReviewDocumentation").list()) {
      tasks.setPriority(task.getId(), OVERDUE_PRIORITY);
    }
    mailer.send(notices.documentationOverdue(cases.get(caseId), procedures.get(caseId)));
  }
}
