package com.healthplan.va.determination;

import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseScope;
import com.healthplan.va.casefile.CaseVariables;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.notification.NoticeMailer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends the notice named by the service task's input {@code notice}. Runs as an asynchronous job with retries
 * (the BPMN's {@code asyncBefore} and retry cycle), so SMTP trouble never rolls back the case.
 */
@Component("sendCaseNotice")
class SendCaseNoticeDelegate implements JavaDelegate {

  private final NoticeMailer mailer;
  private final CaseRepository cases;
  private final PlanCalendar calendar;

  SendCaseNoticeDelegate(NoticeMailer mailer, CaseRepository cases, PlanCalendar calendar) {
    this.mailer = mailer;
    this.cases = cases;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseNotice notice = CaseNotice.valueOf((String) execution.getVariableLocal(CaseVariables.NOTICE));
    mailer.send(NoticeContent.notice(notice, cases.get(CaseScope.caseId(execution)), calendar));
  }
}
