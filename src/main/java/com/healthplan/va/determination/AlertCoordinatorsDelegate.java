package com.healthplan.va.determination;

import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseScope;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.notice.NoticeBuilder;
import com.healthplan.va.notification.NoticeMailer;
import com.healthplan.va.security.CaseRoles;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A determination falls due soon: the review tasks still open move to the top of Tasklist (priority; review tasks
 * created later get it from the case file, through {@link ReviewPriority}) and the follow-up coordinators are
 * e-mailed, once per round. Runs as an asynchronous job with retries.
 */
@Component("alertCoordinators")
class AlertCoordinatorsDelegate implements JavaDelegate {

  private final TaskService tasks;
  private final NoticeMailer mailer;
  private final NoticeBuilder notices;
  private final CaseRepository cases;
  private final PlanCalendar calendar;

  AlertCoordinatorsDelegate(TaskService tasks, NoticeMailer mailer, NoticeBuilder notices, CaseRepository cases,
      PlanCalendar calendar) {
    this.tasks = tasks;
    this.mailer = mailer;
    this.notices = notices;
    this.cases = cases;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseFile file = cases.get(CaseScope.caseId(execution));
    if (file.currentRound().decided()) {
      return; // decided while this alert waited (for example for the mail server): nothing to chase
    }
    cases.markEscalated(file.caseId(), file.currentRound().number());
    // the review tasks live in the case's determination phase, which has the same business key
    for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(file.caseId())
        .processDefinitionKey(com.healthplan.va.casefile.CaseVariables.DETERMINATION_PROCESS_KEY).list()) {
      tasks.setPriority(task.getId(), ReviewPriority.DUE_SOON);
    }
    Map<String, Object> model = notices.facts(file);
    model.put("determinationDueAt", calendar.moment(file.determinationDueAt()));
    model.put("status", file.status().label());
    mailer.send(notices.toGroup(file, "DETERMINATION_DUE_SOON", file.currentRound().number(),
        "determination-due-soon", CaseRoles.COORDINATORS, model));
  }
}
