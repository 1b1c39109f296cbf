package com.healthplan.va.notice;

import static com.healthplan.va.casefile.CaseVariables.NOTICE;
import static com.healthplan.va.casefile.CaseVariables.NOTICE_ROUND;

import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseScope;
import com.healthplan.va.casefile.DeterminationRound;
import com.healthplan.va.notification.NoticeMailer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The notice process's two asynchronous steps, each a job with retries of its own: the requesting provider's
 * notice, then the member's letter (so a member's mail server that refuses never holds the provider's notice, and
 * the ledger keeps a retried step from sending twice).
 */
@Configuration(proxyBeanMethods = false)
class NoticeDelegates {

  @Bean
  JavaDelegate sendProviderNotice(CaseRepository cases, ProviderNotices notices, NoticeMailer mailer) {
    return execution -> {
      CaseFile file = cases.get(CaseScope.caseId(execution));
      DeterminationRound round = roundOf(execution, file);
      switch (kindOf(execution)) {
        case DETERMINATION -> mailer.send(notices.determination(file, round));
        case APPEAL_DECISION -> mailer.send(notices.appealDecision(file, round));
        case INFORMATION_REQUEST -> { } // the request itself went to the provider when it was sent
      }
    };
  }

  @Bean
  JavaDelegate sendMemberLetter(CaseRepository cases, MemberNotices letters) {
    return execution -> {
      CaseFile file = cases.get(CaseScope.caseId(execution));
      DeterminationRound round = roundOf(execution, file);
      switch (kindOf(execution)) {
        case DETERMINATION -> letters.determination(file, round);
        case APPEAL_DECISION -> letters.appealDecision(file, round);
        case INFORMATION_REQUEST -> letters.informationRequest(file);
      }
    };
  }

  static NoticeKind kindOf(DelegateExecution execution) {
    return NoticeKind.valueOf((String) execution.getVariable(NOTICE));
  }

  private static DeterminationRound roundOf(DelegateExecution execution, CaseFile file) {
    int number = ((Number) execution.getVariable(NOTICE_ROUND)).intValue();
    return file.rounds().stream().filter(round -> round.number() == number).findFirst()
        .orElseThrow(() -> new IllegalStateException("Case " + file.caseId() + " has no round " + number));
  }
}
