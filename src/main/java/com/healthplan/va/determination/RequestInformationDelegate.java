package com.healthplan.va.determination;

import static com.healthplan.va.casefile.CaseVariables.INFORMATION_DUE_AT;

import com.healthplan.va.casefile.DeterminationTimeframe;
import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.letters.MemberLetter;
import com.healthplan.va.letters.MemberLetters;
import java.util.Map;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseScope;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.casefile.PlanContacts;
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
  private final PlanContacts plan;
  private final CaseRepository cases;
  private final MemberLetters letters;

  RequestInformationDelegate(NoticeMailer mailer, DeterminationTimeframe timeframe, PlanCalendar calendar,
      CaseRepository cases, PlanContacts plan, MemberLetters letters) {
    this.letters = letters;
    this.plan = plan;
    this.cases = cases;
    this.mailer = mailer;
    this.timeframe = timeframe;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseId = CaseScope.caseId(execution);
    Instant determinationDueAt = cases.get(caseId).determinationDueAt();
    Instant informationDueAt = timeframe.informationDueAt(calendar.now(), determinationDueAt, calendar.zone());
    cases.recordInformationDue(caseId, informationDueAt);
    execution.setVariable(INFORMATION_DUE_AT, Date.from(informationDueAt));
    CaseFile caseFile = cases.get(caseId);
    mailer.send(NoticeContent.notice(CaseNotice.INFORMATION_REQUEST, caseFile, calendar, plan, null));
    // the member's letters: the request, and the extension that came with it (once: stable ids)
    String decideBy = letters.day(caseFile.determinationDueAt().atZone(calendar.zone()).toLocalDate());
    letters.send(caseFile, MemberLetter.INFORMATION_REQUESTED, caseFile.informationRequest().count(),
        Map.of("decideBy", decideBy));
    if (caseFile.extension() != null) {
      letters.send(caseFile, MemberLetter.EXTENDED, 1,
          Map.of("decideBy", decideBy, "reason", caseFile.extension().reason()));
    }
  }
}
