package com.healthplan.va.notification;

import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseScope;
import com.healthplan.va.casefile.CaseVariables;
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

  SendCaseNoticeDelegate(NoticeMailer mailer, CaseRepository cases) {
    this.mailer = mailer;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseNotice notice = CaseNotice.valueOf((String) execution.getVariableLocal(CaseVariables.NOTICE));
    mailer.send(notice, cases.get(CaseScope.caseId(execution)));
  }
}
