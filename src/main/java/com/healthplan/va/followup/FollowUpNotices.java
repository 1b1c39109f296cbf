package com.healthplan.va.followup;

import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.FollowUpMilestone;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.determination.NoticeContent;
import com.healthplan.va.notification.Notice;
import com.healthplan.va.procedure.ProcedureRecord;
import com.healthplan.va.security.CaseRoles;
import java.util.List;
import java.util.Map;

/**
 * The e-mails of the follow-up phase, with the minimum necessary: case id, the patient's initials and date of
 * birth, procedure and date, milestone and what to report. Each kind is per milestone, numbered, so its Message-ID
 * in the sent-mail ledger is stable: a retried job never sends it twice.
 */
final class FollowUpNotices {

  private FollowUpNotices() {
  }

  /** To the PCP: the milestone's report is due; {@code reminder} 0 is the request, 1.. the reminders. */
  static Notice pcpRequest(CaseFile caseFile, ProcedureRecord procedure, FollowUpMilestone milestone, int reminder,
      String link, PlanCalendar calendar) {
    Map<String, Object> model = facts(caseFile, procedure, milestone, calendar);
    model.put("pcpName", caseFile.intake().pcpName());
    model.put("link", link);
    model.put("reminder", reminder);
    String subject = (reminder == 0 ? "" : "Reminder: ") + "Follow-up report requested for case " + caseFile.caseId()
        + " (" + milestone.label() + ")";
    return reminder == 0
        ? Notice.toAddresses(caseFile.caseId(), "PCP_REQUEST_" + milestone.name(), 1, "pcp-follow-up-request",
            List.of(caseFile.intake().pcpEmail()), subject, model)
        : Notice.toAddresses(caseFile.caseId(), "PCP_REMINDER_" + milestone.name(), reminder, "pcp-follow-up-request",
            List.of(caseFile.intake().pcpEmail()), subject, model);
  }

  /** To the coordinators: a follow-up was not done by its due date (alert {@code number}, repeated until done). */
  static Notice overdue(CaseFile caseFile, ProcedureRecord procedure, FollowUp followUp, int number,
      PlanCalendar calendar) {
    Map<String, Object> model = facts(caseFile, procedure, followUp.milestone(), calendar);
    model.put("dueDate", NoticeContent.day(followUp.dueDate()));
    model.put("number", number);
    model.put("pcp", followUp.deferredToPcp());
    model.put("reminders", followUp.pcpReminders());
    return Notice.toGroup(caseFile.caseId(), "FOLLOW_UP_OVERDUE_" + followUp.milestone().name(), number,
        "follow-up-overdue", CaseRoles.COORDINATORS,
        "Follow-up overdue: " + caseFile.caseId() + " (" + followUp.milestone().label() + ")", model);
  }

  private static Map<String, Object> facts(CaseFile caseFile, ProcedureRecord procedure, FollowUpMilestone milestone,
      PlanCalendar calendar) {
    Map<String, Object> model = NoticeContent.caseFacts(caseFile, calendar);
    model.remove("providerName");
    model.put("procedureDate", NoticeContent.day(procedure.procedureDate()));
    model.put("milestone", milestone.label());
    return model;
  }
}
