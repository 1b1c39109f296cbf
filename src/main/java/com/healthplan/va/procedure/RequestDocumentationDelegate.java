package com.healthplan.va.procedure;

import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseScope;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.notification.NoticeMailer;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Request missing documentation": e-mails the requesting provider the exact list of missing items; the deadline
 * counts from the moment the request is sent. Async with retries: an SMTP failure rolls back this step only and
 * becomes an incident after the last retry; the sent-mail ledger keeps a retry from sending it twice.
 */
@Component("requestDocumentation")
class RequestDocumentationDelegate implements JavaDelegate {

  private final ProcedureRepository procedures;
  private final CaseRepository cases;
  private final ProcedureCopies copies;
  private final DocumentationDeadline deadline;
  private final NoticeMailer mailer;
  private final ProcedureNotices notices;
  private final PlanCalendar calendar;

  RequestDocumentationDelegate(ProcedureRepository procedures, CaseRepository cases, ProcedureCopies copies,
      DocumentationDeadline deadline, NoticeMailer mailer, ProcedureNotices notices, PlanCalendar calendar) {
    this.notices = notices;
    this.procedures = procedures;
    this.cases = cases;
    this.copies = copies;
    this.deadline = deadline;
    this.mailer = mailer;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseId = CaseScope.caseId(execution);
    Instant now = calendar.now();
    procedures.recordDocumentationRequested(caseId, now, deadline.from(now));
    ProcedureFile file = procedures.get(caseId);
    copies.copy(execution, file);
    mailer.send(notices.documentationRequest(cases.get(caseId), file));
  }
}
