package com.healthplan.va.determination;

import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseScope;
import com.healthplan.va.casefile.CaseVariables;
import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.casefile.PlanContacts;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
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
  private final PlanContacts plan;
  private final IdentityService identity;

  SendCaseNoticeDelegate(NoticeMailer mailer, CaseRepository cases, PlanCalendar calendar, PlanContacts plan,
      IdentityService identity) {
    this.plan = plan;
    this.identity = identity;
    this.mailer = mailer;
    this.cases = cases;
    this.calendar = calendar;
  }

  /** The physician who decided, by name (the provider's notice offers a peer-to-peer discussion with them). */
  private String reviewerName(CaseFile caseFile) {
    if (caseFile.determination() == null) {
      return null;
    }
    User user = identity.createUserQuery().userId(caseFile.determination().decidedBy()).singleResult();
    if (user == null || user.getLastName() == null) {
      return null;
    }
    return "Dr. " + (user.getFirstName() == null ? "" : user.getFirstName() + " ") + user.getLastName();
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseNotice notice = CaseNotice.valueOf((String) execution.getVariableLocal(CaseVariables.NOTICE));
    CaseFile caseFile = cases.get(CaseScope.caseId(execution));
    mailer.send(NoticeContent.notice(notice, caseFile, calendar, plan, reviewerName(caseFile)));
  }
}
