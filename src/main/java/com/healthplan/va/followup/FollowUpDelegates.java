package com.healthplan.va.followup;

import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseScope;
import com.healthplan.va.casefile.CaseVariables;
import com.healthplan.va.casefile.FollowUpMilestone;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.notification.NoticeMailer;
import com.healthplan.va.procedure.ProcedureRecord;
import com.healthplan.va.procedure.ProcedureRepository;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * What the follow-up phase's asynchronous service tasks do, each for the milestone of the task's local input
 * {@code milestone}. Every one runs as a job with retries: SMTP trouble rolls back that step only (counters
 * included), and the sent-mail ledger keeps a retried job from sending twice. Each checks the follow-up first:
 * nothing is sent for a follow-up completed meanwhile.
 */
@Component
class FollowUpDelegates {

  /** The top of Tasklist, as for other overdue work. */
  static final int OVERDUE_PRIORITY = 90;

  private final FollowUpRepository followUps;
  private final CaseRepository cases;
  private final ProcedureRepository procedures;
  private final PcpLinks links;
  private final NoticeMailer mailer;
  private final FollowUpNotices notices;
  private final TaskService tasks;
  private final PlanCalendar calendar;

  FollowUpDelegates(FollowUpRepository followUps, CaseRepository cases, ProcedureRepository procedures,
      PcpLinks links, NoticeMailer mailer, FollowUpNotices notices, TaskService tasks, PlanCalendar calendar) {
    this.notices = notices;
    this.followUps = followUps;
    this.cases = cases;
    this.procedures = procedures;
    this.links = links;
    this.mailer = mailer;
    this.tasks = tasks;
    this.calendar = calendar;
  }

  /** The milestone is due and deferred: the PCP is e-mailed a link to report. */
  void requestPcpReport(DelegateExecution execution) {
    FollowUp followUp = followUpOf(execution);
    if (followUp.completed()) {
      return;
    }
    Instant now = calendar.now();
    String nonce = links.nonceFor(followUp.caseId(), followUp.milestone());
    followUps.recordPcpRequested(followUp.caseId(), followUp.milestone(), nonce, now);
    mailer.send(notices.pcpRequest(cases.get(followUp.caseId()), procedureOf(followUp),
        followUp.milestone(), 0, links.link(followUp.caseId(), followUp.milestone(), nonce, now)));
  }

  /** The PCP's report is not in: a reminder with the same link. */
  void remindPcp(DelegateExecution execution) {
    FollowUp followUp = followUpOf(execution);
    if (followUp.completed()) {
      return;
    }
    int number = followUps.countPcpReminder(followUp.caseId(), followUp.milestone());
    mailer.send(notices.pcpRequest(cases.get(followUp.caseId()), procedureOf(followUp),
        followUp.milestone(), number, links.link(followUp.caseId(), followUp.milestone(), followUp.pcpLinkNonce(),
            followUp.pcpRequestedAt())));
    for (Task task : pcpReportTasks(followUp)) {
      tasks.setVariableLocal(task.getId(), PcpReportTaskListener.PCP_REMINDERS, number);
    }
  }

  /** The reminders are used up: the coordinators are alerted, once, and their task moves to the top. */
  void alertPcpReportOverdue(DelegateExecution execution) {
    FollowUp followUp = followUpOf(execution);
    if (followUp.completed() || !followUps.markPcpOverdue(followUp.caseId(), followUp.milestone())) {
      return;
    }
    CaseFile caseFile = cases.get(followUp.caseId());
    for (Task task : pcpReportTasks(followUp)) {
      tasks.setPriority(task.getId(), OVERDUE_PRIORITY);
    }
    int number = followUps.countOverdueAlert(followUp.caseId(), followUp.milestone());
    mailer.send(notices.overdue(caseFile, procedureOf(followUp), followUps.get(followUp.caseId(),
        followUp.milestone()), number));
  }

  /** The nurse's follow-up is past its due day: coordinators are alerted (again), the task moves up. */
  void alertFollowUpOverdue(DelegateExecution execution) {
    FollowUp followUp = followUpOf(execution);
    if (followUp.completed()) {
      return;
    }
    int number = followUps.countOverdueAlert(followUp.caseId(), followUp.milestone());
    for (Task task : FollowUpTaskKeys.tasks(tasks, followUp.caseId(), FollowUpTaskKeys.FOLLOW_UP,
        followUp.milestone())) {
      tasks.setPriority(task.getId(), OVERDUE_PRIORITY);
    }
    mailer.send(notices.overdue(cases.get(followUp.caseId()), procedureOf(followUp),
        followUps.get(followUp.caseId(), followUp.milestone()), number));
  }

  private List<Task> pcpReportTasks(FollowUp followUp) {
    return FollowUpTaskKeys.tasks(tasks, followUp.caseId(), FollowUpTaskKeys.RECORD_PCP_REPORT, followUp.milestone());
  }

  private FollowUp followUpOf(DelegateExecution execution) {
    return followUps.get(CaseScope.caseId(execution),
        FollowUpMilestone.valueOf((String) execution.getVariable(CaseVariables.MILESTONE)));
  }

  private ProcedureRecord procedureOf(FollowUp followUp) {
    return procedures.find(followUp.caseId()).orElseThrow().record();
  }
}
