package com.healthplan.va.determination;

import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseScope;
import com.healthplan.va.casefile.CaseVariables;
import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.criteria.EligibilityCriterion;
import com.healthplan.va.letters.MemberLetter;
import com.healthplan.va.letters.MemberLetters;
import java.util.List;
import java.util.Map;
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
  private final MemberLetters letters;

  SendCaseNoticeDelegate(NoticeMailer mailer, CaseRepository cases, PlanCalendar calendar, PlanContacts plan,
      IdentityService identity, MemberLetters letters) {
    this.letters = letters;
    this.plan = plan;
    this.identity = identity;
    this.mailer = mailer;
    this.cases = cases;
    this.calendar = calendar;
  }

  /** The member's letter of the same decision, in plain words (a new determination is a new letter). */
  private void letterToMember(CaseNotice notice, CaseFile caseFile) {
    int round = caseFile.reviewRound();
    switch (notice) {
      case DETERMINATION_APPROVED -> {
        List<String> approved = caseFile.determination().approvedLevels().isEmpty()
            ? caseFile.intake().fractureLevels() : caseFile.determination().approvedLevels();
        List<String> notApproved = caseFile.intake().fractureLevels().stream()
            .filter(level -> !approved.contains(level)).toList();
        letters.send(caseFile, MemberLetter.APPROVED, round, Map.of("levels", String.join(", ", approved),
            "notApprovedLevels", String.join(", ", notApproved), "appealBy", appealBy(caseFile)));
      }
      case DETERMINATION_DENIED -> letters.send(caseFile, MemberLetter.DENIED, round, Map.of(
          "reasons", caseFile.determination().unmetCriteria().stream()
              .map(code -> EligibilityCriterion.valueOf(code).plainLanguage()).toList(),
          "appealBy", appealBy(caseFile)));
      case CLOSED_INCOMPLETE -> letters.send(caseFile, MemberLetter.CLOSED_INCOMPLETE, round, Map.of());
      default -> { }
    }
  }

  private String appealBy(CaseFile caseFile) {
    return letters.day(caseFile.determination().decidedAt().atZone(calendar.zone()).toLocalDate()
        .plus(plan.appealWindow()));
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
    letterToMember(notice, caseFile);
  }
}
