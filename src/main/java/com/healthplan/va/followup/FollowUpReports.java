package com.healthplan.va.followup;

import com.healthplan.va.casefile.CaseConflictException;
import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseVariables;
import com.healthplan.va.casefile.FollowUpMilestone;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.input.FieldErrors;
import com.healthplan.va.input.SubmittedValues;
import com.healthplan.va.procedure.ProcedureFile;
import com.healthplan.va.procedure.ProcedureRepository;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import com.healthplan.va.casefile.AsApplication;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Reports and deferrals that arrive outside the nurse's task: the PCP's page (signed link), a coordinator recording
 * a report received by fax or phone, a deferral to the PCP. A report is stored in {@code va_follow_up} and then
 * ends the milestone's wait in the follow-up phase (message {@code PcpReport_<MILESTONE>}), in one transaction.
 */
@Service
public class FollowUpReports {

  /** Room for "Reported by the PCP (patient seen in person): " before the note, in the note's 4000 characters. */
  static final int PCP_NOTE_MAX = 3900;

  private static final int CORRELATION_ATTEMPTS = 3;

  private final FollowUpRepository followUps;
  private final ProcedureRepository procedures;
  private final CaseRepository cases;
  private final RuntimeService runtime;
  private final PcpLinks links;
  private final PlanCalendar calendar;
  private final TransactionTemplate transaction;
  private final IdentityService identity;
  private final TaskService tasks;

  FollowUpReports(FollowUpRepository followUps, ProcedureRepository procedures, CaseRepository cases,
      RuntimeService runtime, IdentityService identity, TaskService tasks, PcpLinks links, PlanCalendar calendar,
      PlatformTransactionManager transactions) {
    this.tasks = tasks;
    this.identity = identity;
    this.followUps = followUps;
    this.procedures = procedures;
    this.cases = cases;
    this.runtime = runtime;
    this.links = links;
    this.calendar = calendar;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** What the PCP's page may show and do for a token. */
  public sealed interface LinkState {
    /** The link holds: the page shows this, and no more than the e-mail did. */
    record Valid(PcpLinks.Claims claims, CaseFile caseFile, FollowUp followUp, ProcedureFile procedure)
        implements LinkState {
    }

    /** Forged, altered, or of an earlier request. */
    record Invalid() implements LinkState {
    }

    record Expired() implements LinkState {
    }

    /** The report is in: the link has done its work. */
    record AlreadyReported() implements LinkState {
    }
  }

  public LinkState check(String token) {
    Optional<PcpLinks.Claims> verified = links.verify(token);
    if (verified.isEmpty()) {
      return new LinkState.Invalid();
    }
    PcpLinks.Claims claims = verified.get();
    Optional<FollowUp> followUp = followUps.find(claims.caseId(), claims.milestone());
    if (followUp.isEmpty() || !claims.nonce().equals(followUp.get().pcpLinkNonce())) {
      return new LinkState.Invalid();
    }
    if (followUp.get().completed()) {
      return new LinkState.AlreadyReported();
    }
    if (!calendar.now().isBefore(claims.expiresAt())) {
      return new LinkState.Expired();
    }
    return new LinkState.Valid(claims, cases.get(claims.caseId()), followUp.get(),
        procedures.find(claims.caseId()).orElseThrow());
  }

  /** The PCP confirms the request arrived (the report follows after the visit). */
  public LinkState acknowledge(String token) {
    LinkState state = check(token);
    if (state instanceof LinkState.Valid valid) {
      Instant now = calendar.now();
      followUps.acknowledge(valid.claims().caseId(), valid.claims().milestone(), now);
      String day = now.atZone(calendar.zone()).toLocalDate().toString();
      AsApplication.run(identity, () -> FollowUpTaskKeys.tasks(tasks, valid.claims().caseId(),
              FollowUpTaskKeys.RECORD_PCP_REPORT, valid.claims().milestone())
          .forEach(task -> tasks.setVariableLocal(task.getId(), PcpReportTaskListener.PCP_ACKNOWLEDGED_ON, day)));
    }
    return state;
  }

  /**
   * The PCP's report from the page: validated like the nurse's form (the contact method says how the PCP saw the
   * patient; the milestone is completed as {@code PCP_REPORT}). Refused input throws with the fields named.
   */
  public LinkState reportFromPcp(String token, Map<String, ?> values) {
    LinkState state = check(token);
    if (state instanceof LinkState.Valid valid) {
      FieldErrors errors = new FieldErrors();
      FollowUp.Scores scores = FollowUpScores.read(new SubmittedValues(values, errors));
      if (scores != null && scores.note() != null && scores.note().length() > PCP_NOTE_MAX) {
        errors.add(CaseVariables.FOLLOW_UP_NOTE, "Note must be at most " + PCP_NOTE_MAX + " characters.");
      }
      if (scores != null && scores.contactMethod() == ContactMethod.PCP_REPORT) {
        errors.add(CaseVariables.CONTACT_METHOD,
            "How the patient was seen must be in person or by telephone.");
      }
      errors.throwIfAny();
      String how = scores.contactMethod() == ContactMethod.IN_PERSON ? "seen in person" : "by telephone";
      FollowUp.Scores asReport = new FollowUp.Scores(ContactMethod.PCP_REPORT, scores.painScore(),
          scores.comfortScore(), scores.activityScore(), "Reported by the PCP (patient " + how + ")"
          + (scores.note() == null ? "" : ": " + scores.note()));
      complete(valid.claims().caseId(), valid.claims().milestone(), asReport, "pcp");
    }
    return state;
  }

  /**
   * A report received by fax or phone for any milestone that is due or overdue and not done (a milestone deferred to
   * the PCP at any time: a report before the due day means the PCP is not asked); it ends the milestone's open task.
   * 409 when the milestone is not due yet or already done.
   */
  public void recordReceivedReport(String caseId, FollowUpMilestone milestone, Map<String, ?> values, String userId) {
    FieldErrors errors = new FieldErrors();
    FollowUp.Scores scores = FollowUpScores.read(new SubmittedValues(values, errors));
    errors.throwIfAny();
    FollowUp followUp = followUps.find(caseId, milestone).orElseThrow(() -> new CaseConflictException(
        "The case has no follow-ups yet: they start when the procedure is recorded."));
    if (followUp.completed()) {
      throw new CaseConflictException("The " + milestone.label() + " is already completed.");
    }
    if (!followUp.deferredToPcp() && calendar.today().isBefore(followUp.dueDate())) {
      throw new CaseConflictException("The " + milestone.label() + " is not due until "
          + calendar.day(followUp.dueDate()) + ".");
    }
    complete(caseId, milestone, scores, userId);
  }

  /**
   * Defers a milestone to the PCP, at scheduling's side (before the procedure is recorded) or later, as long as it
   * is not due. 409 otherwise, with the reason.
   */
  public void defer(String caseId, FollowUpMilestone milestone) {
    if (!milestone.deferrableToPcp()) {
      throw new CaseConflictException("Only the 3-month and 1-year follow-ups may be deferred to the PCP.");
    }
    transaction.executeWithoutResult(status -> {
      if (!followUps.of(caseId).isEmpty()) {
        if (!followUps.defer(caseId, milestone)) {
          throw new CaseConflictException("The " + milestone.label() + " is already due or done; it can no longer "
              + "be deferred.");
        }
        return;
      }
      ProcedureFile procedure = procedures.find(caseId).orElseThrow(() -> new CaseConflictException(
          "The case has no procedure to follow up yet."));
      if (procedure.schedule() == null || procedure.withdrawal() != null) {
        throw new CaseConflictException("Follow-ups are deferred once the procedure is scheduled.");
      }
      Set<String> deferred = new LinkedHashSet<>(procedure.schedule().deferredToPcp());
      deferred.add(milestone.name());
      procedures.deferFollowUps(caseId, FollowUpMilestoneOrder.of(deferred));
    });
  }

  /**
   * Ends the milestone's wait. The application does it, not the caller (a PCP has no account; a coordinator may not
   * drive the engine): outside the caller's engine authentication, after the report passed every check. No waiting
   * milestone (the reminder job running at this moment) is fine: its next check finds the report in the table.
   */
  private void correlateAsApplication(String caseId, FollowUpMilestone milestone) {
    AsApplication.run(identity, () -> {
      for (int attempt = 1; ; attempt++) {
        try {
          runtime.createMessageCorrelation(CaseVariables.FOLLOW_UP_REPORTED_MESSAGE).processInstanceBusinessKey(caseId)
              .localVariableEquals(CaseVariables.MILESTONE, milestone.name()).correlateAll();
          return;
        } catch (OptimisticLockingException concurrent) {
          // a coordinator's submit or a reminder job touched the phase at the same moment: try again
          if (attempt == CORRELATION_ATTEMPTS) {
            throw concurrent;
          }
        }
      }
    });
  }

  /**
   * The report is stored first (committed on its own), then the milestone's wait is ended in the engine. Should
   * the second step fail, the follow-up phase still finds the report at its next check, before any reminder.
   */
  private void complete(String caseId, FollowUpMilestone milestone, FollowUp.Scores scores, String recordedBy) {
    Boolean stored = transaction.execute(status -> followUps.complete(caseId, milestone, scores, recordedBy,
        calendar.now()));
    if (!Boolean.TRUE.equals(stored)) {
      throw new CaseConflictException("The " + milestone.label() + " is already completed.");
    }
    correlateAsApplication(caseId, milestone);
  }

}
