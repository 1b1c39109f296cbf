package com.healthplan.va.appeal;

import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.letters.MemberLetter;
import com.healthplan.va.letters.MemberLetters;
import java.util.Map;
import com.healthplan.va.casefile.CaseScope;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.notification.NoticeMailer;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The appeal's asynchronous service tasks (retried; SMTP trouble becomes an incident), as beans. */
@Configuration(proxyBeanMethods = false)
class AppealDelegates {

  /** The top of Tasklist, as for a determination falling due. */
  static final int DUE_SOON_PRIORITY = 90;

  @Bean
  JavaDelegate sendAppealNotice(AppealRepository appeals, CaseRepository cases, NoticeMailer mailer,
      PlanCalendar calendar, MemberLetters letters) {
    return execution -> {
      String caseId = CaseScope.caseId(execution);
      CaseFile caseFile = cases.get(caseId);
      Appeal appeal = appeals.find(caseId).orElseThrow();
      mailer.send(AppealNotices.decision(caseFile, appeal, calendar));
      letters.send(caseFile, appeal.outcome() == Appeal.Outcome.OVERTURNED ? MemberLetter.APPEAL_OVERTURNED
          : MemberLetter.APPEAL_UPHELD, 1, Map.of("rationale", appeal.rationale()));
    };
  }

  @Bean
  JavaDelegate alertAppealDueSoon(AppealRepository appeals, CaseRepository cases, NoticeMailer mailer,
      TaskService tasks, PlanCalendar calendar) {
    return (DelegateExecution execution) -> {
      String caseId = CaseScope.caseId(execution);
      Appeal appeal = appeals.find(caseId).orElseThrow();
      if (!appeal.open()) {
        return; // decided while this alert waited: nothing to chase
      }
      for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(caseId)
          .taskDefinitionKey("UserTask_ReviewAppeal").list()) {
        tasks.setPriority(task.getId(), DUE_SOON_PRIORITY);
      }
      mailer.send(AppealNotices.dueSoon(cases.get(caseId), appeal, calendar));
    };
  }
}
