package com.healthplan.va.notice;

import static com.healthplan.va.casefile.CaseVariables.NOTICE;
import static com.healthplan.va.casefile.CaseVariables.NOTICE_REQUESTED_MESSAGE;
import static com.healthplan.va.casefile.CaseVariables.NOTICE_ROUND;

import com.healthplan.va.casefile.AsApplication;
import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseScope;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * A decision's "notice requested" event: starts the notice process for it, in the same transaction as the decision
 * and without waiting for the mail, so that what the decision opens (an appeal, the procedure) is open at once and a
 * mail outage holds nothing but the notice. The round is fixed here: the notice tells of this decision, whatever
 * the case does next.
 */
@Component("requestNotice")
class RequestNoticeDelegate implements JavaDelegate {

  private final CaseRepository cases;
  private final RuntimeService runtime;
  private final IdentityService identity;

  RequestNoticeDelegate(CaseRepository cases, @Lazy RuntimeService runtime, @Lazy IdentityService identity) {
    this.cases = cases;
    this.runtime = runtime;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    NoticeKind kind = NoticeDelegates.kindOf(execution);
    CaseFile file = cases.get(CaseScope.caseId(execution));
    int round = kind == NoticeKind.INFORMATION_REQUEST ? file.currentRound().number()
        : file.latestDecidedRound().orElseThrow(() -> new IllegalStateException("No decision to notify")).number();
    AsApplication.run(identity, () -> runtime.createMessageCorrelation(NOTICE_REQUESTED_MESSAGE)
        .processInstanceBusinessKey(file.caseId())
        .setVariables(Variables.createVariables().putValue(NOTICE, kind.name()).putValue(NOTICE_ROUND, round))
        .correlateStartMessage());
  }
}
