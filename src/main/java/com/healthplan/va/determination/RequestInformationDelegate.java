package com.healthplan.va.determination;

import static com.healthplan.va.casefile.CaseVariables.INFORMATION_DUE_AT;

import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseScope;
import com.healthplan.va.casefile.DeterminationTimeframe;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.criteria.EligibilityCriterion;
import com.healthplan.va.criteria.PolicyDecisions;
import com.healthplan.va.criteria.PolicyTerms;
import com.healthplan.va.criteria.CriteriaList;
import com.healthplan.va.notice.NoticeBuilder;
import com.healthplan.va.notification.NoticeMailer;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Asks the requesting provider for the missing information, with the deadline counted from now: the request
 * runs as an asynchronous job, which may go out later than the nurse's decision when mail was down. An extension
 * granted with it lengthens the provider's time too, never past the extended determination deadline, and the
 * request states both dates as the case's rules then enforce them.
 */
@Component("requestInformation")
class RequestInformationDelegate implements JavaDelegate {

  private final NoticeMailer mailer;
  private final NoticeBuilder notices;
  private final DeterminationTimeframe timeframe;
  private final PolicyDecisions policy;
  private final PlanCalendar calendar;
  private final CaseRepository cases;

  RequestInformationDelegate(NoticeMailer mailer, NoticeBuilder notices, DeterminationTimeframe timeframe,
      PolicyDecisions policy, PlanCalendar calendar, CaseRepository cases) {
    this.mailer = mailer;
    this.notices = notices;
    this.timeframe = timeframe;
    this.policy = policy;
    this.calendar = calendar;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseId = CaseScope.caseId(execution);
    CaseFile before = cases.get(caseId);
    Instant now = calendar.now();
    int extensionDays = before.extension() == null ? 0 : before.extension().days();
    Instant informationDueAt = timeframe.informationDueAt(now, before.determinationDueAt(), extensionDays,
        calendar.zone());
    cases.recordInformationSent(caseId, now, informationDueAt);
    execution.setVariable(INFORMATION_DUE_AT, Date.from(informationDueAt));
    CaseFile file = cases.get(caseId);
    mailer.send(notices.toProvider(file, "INFORMATION_REQUEST", file.informationRequest().count(),
        "information-request", model(file)));
  }

  private Map<String, Object> model(CaseFile file) {
    PolicyTerms terms = policy.terms(file.prescreen().criteriaVersion());
    Map<String, Object> model = notices.facts(file);
    CaseFile.InformationRequest request = file.informationRequest();
    model.put("informationDueAt", calendar.moment(request.dueAt()));
    model.put("determinationDueAt", calendar.moment(file.determinationDueAt()));
    model.put("requestedInformation", request.requestedInformation());
    model.put("unconfirmedCriteria", CriteriaList.complementOf(file.review().confirmedCriteria()).stream()
        .map(code -> EligibilityCriterion.valueOf(code).requestWording(terms)).toList());
    model.put("extended", file.extension() != null);
    if (file.extension() != null) {
      model.put("extensionDays", file.extension().days());
      model.put("extensionReason", file.extension().reason());
      model.put("originalDueAt", calendar.moment(file.extension().originalDueAt()));
    }
    return model;
  }
}
