package com.healthplan.va.procedure;

import static com.healthplan.va.casefile.CaseVariables.*;

import com.healthplan.va.casefile.CaseStatus;
import com.healthplan.va.casefile.CaseStatusUpdater;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.security.TaskSubmission;
import com.healthplan.va.input.FieldErrors;
import com.healthplan.va.input.SubmittedValues;
import com.healthplan.va.security.CaseRoles;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "Review pre-procedure documentation": records which of the five items a nurse confirmed
 * and which are missing. All confirmed: the case is ready to schedule; some missing: they are requested from the
 * provider and the case waits; or the procedure is withdrawn, with a reason. Refused input leaves the task open
 * with nothing saved.
 */
@Component("documentationReviewed")
class DocumentationReviewListener implements TaskListener {

  private final ProcedureRepository procedures;
  private final CaseStatusUpdater caseStatuses;
  private final Withdrawals withdrawals;
  private final PlanCalendar calendar;

  DocumentationReviewListener(ProcedureRepository procedures, CaseStatusUpdater caseStatuses, Withdrawals withdrawals,
      PlanCalendar calendar) {
    this.procedures = procedures;
    this.caseStatuses = caseStatuses;
    this.withdrawals = withdrawals;
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskSubmission submission = TaskSubmission.of(task, CaseRoles.NURSES, DOCUMENTATION_CONFIRMED,
        "Only a utilization-management nurse may review the pre-procedure documentation.");
    SubmittedValues in = submission.in();
    FieldErrors errors = submission.errors();
    List<String> confirmed = read(in);
    String note = in.note(DOCUMENTATION_NOTE, "Documentation note", false);
    boolean withdraw = in.isPresent(WITHDRAW_PROCEDURE)
        && Boolean.TRUE.equals(in.yesNo(WITHDRAW_PROCEDURE, "Whether the procedure will not take place"));
    String reason = withdraw ? Withdrawals.reason(in) : null;
    errors.throwIfAny();

    String caseId = submission.caseId();
    Instant now = calendar.now();
    List<String> missing = DocumentationItem.complementOf(confirmed);
    procedures.recordDocumentationReview(caseId, confirmed, missing, note, submission.user().userId(), now);
    task.getExecution().setVariable(DOCUMENTATION_CONFIRMED, ProcedureCopies.list(confirmed));
    task.getExecution().setVariable(DOCUMENTATION_MISSING, ProcedureCopies.list(missing));
    if (withdraw) {
      withdrawals.withdraw(task.getExecution(), caseId, reason, submission.user().userId(), now);
    } else if (missing.isEmpty()) {
      caseStatuses.enter(task.getExecution(), caseId, CaseStatus.READY_TO_SCHEDULE);
    }
  }

  /** The confirmed items: codes of the contract, none twice; an absent list confirms nothing. */
  private static List<String> read(SubmittedValues in) {
    String label = "Documentation confirmed";
    List<String> codes = in.textList(DOCUMENTATION_CONFIRMED, label);
    if (codes == null) {
      return List.of();
    }
    Set<String> unique = new LinkedHashSet<>();
    for (String code : codes) {
      if (DocumentationItem.ofCode(code).isEmpty() || !unique.add(code)) {
        in.errors().add(DOCUMENTATION_CONFIRMED, label + " contains an entry that is not one of the policy's "
            + "documentation requirements, or lists one twice.");
        return List.of();
      }
    }
    return DocumentationItem.inOrder(unique);
  }
}
