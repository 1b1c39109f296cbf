package com.healthplan.va.eligibility;

import static com.healthplan.va.casefile.CaseVariables.DETERMINATION_DUE_AT;
import static com.healthplan.va.casefile.CaseVariables.INFORMATION_DUE_AT;

import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.notification.CaseNotice;
import com.healthplan.va.notification.NoticeMailer;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Asks the requesting provider for the missing information, with the deadline counted from now: the request
 * runs as an asynchronous job, which may go out later than the nurse's decision when mail was down.
 */
@Component("requestInformation")
class RequestInformationDelegate implements JavaDelegate {

  private final NoticeMailer mailer;
  private final DeterminationTimeframe timeframe;
  private final PlanCalendar calendar;

  RequestInformationDelegate(NoticeMailer mailer, DeterminationTimeframe timeframe, PlanCalendar calendar) {
    this.mailer = mailer;
    this.timeframe = timeframe;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant determinationDueAt = CaseFile.of(execution).date(DETERMINATION_DUE_AT).toInstant();
    Instant informationDueAt = timeframe.informationDueAt(calendar.now(), determinationDueAt, calendar.zone());
    execution.setVariable(INFORMATION_DUE_AT, Date.from(informationDueAt));
    mailer.send(CaseNotice.INFORMATION_REQUEST, CaseFile.of(execution));
  }
}
