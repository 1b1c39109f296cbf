package com.healthplan.va.followup;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The follow-up phase's service tasks as beans for {@code delegateExpression}, each a thin call of one step. */
@Configuration(proxyBeanMethods = false)
class FollowUpServiceTasks {

  @Bean
  JavaDelegate requestPcpReport(FollowUpDelegates steps) {
    return steps::requestPcpReport;
  }

  @Bean
  JavaDelegate remindPcp(FollowUpDelegates steps) {
    return steps::remindPcp;
  }

  @Bean
  JavaDelegate alertPcpReportOverdue(FollowUpDelegates steps) {
    return steps::alertPcpReportOverdue;
  }

  @Bean
  JavaDelegate alertFollowUpOverdue(FollowUpDelegates steps) {
    return steps::alertFollowUpOverdue;
  }

  @Bean
  JavaDelegate closeCase(CaseClosing closing) {
    return closing::close;
  }
}
