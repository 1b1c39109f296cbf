package com.healthplan.va.appeal;

import com.healthplan.va.casefile.Appeal;
import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseScope;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.notice.NoticeBuilder;
import com.healthplan.va.notification.NoticeMailer;
import com.healthplan.va.security.CaseRoles;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The appeal's asynchronous service task (retried; SMTP trouble becomes an incident), as a bean. */
@Configuration(proxyBeanMethods = false)
class AppealDelegates {

  /** The top of Tasklist, as for a determination falling due. */
  static final int DUE_SOON_PRIORITY = 90;

  @Bean
  JavaDelegate alertAppealDueSoon(CaseRepository cases, NoticeMailer mailer, NoticeBuilder notices,
      TaskService tasks, PlanCalendar calendar) {
    return (DelegateExecution execution) -> {
      CaseFile file = cases.get(CaseScope.caseId(execution));
      Appeal appeal = file.latestDecidedRound().orElseThrow().appeal();
      if (appeal == null || !appeal.open()) {
        return; // decided while this alert waited: nothing to chase
      }
      for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
          .taskDefinitionKey("UserTask_ReviewAppeal").list()) {
        tasks.setPriority(task.getId(), DUE_SOON_PRIORITY);
      }
      Map<String, Object> model = notices.facts(file);
      model.put("appealDueAt", calendar.moment(appeal.dueAt()));
      model.put("urgency", appeal.urgency().label());
      mailer.send(notices.toGroup(file, "APPEAL_DUE_SOON", appeal.round(), "appeal-due-soon", CaseRoles.COORDINATORS,
          model));
    };
  }
}
