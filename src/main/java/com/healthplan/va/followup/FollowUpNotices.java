package com.healthplan.va.followup;

import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.FollowUpMilestone;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.notice.NoticeBuilder;
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
@org.springframework.stereotype.Component
class FollowUpNotices {

  private final NoticeBuilder builder;
  private final PlanCalendar calendar;

  FollowUpNotices(NoticeBuilder builder, PlanCalendar calendar) {
    this.builder = builder;
    this.calendar = calendar;
  }

  /** To the PCP: the milestone's report is due; {@code reminder} 0 is the request, 1.. the reminders. */
  Notice pcpRequest(CaseFile caseFile, ProcedureRecord procedure, FollowUpMilestone milestone, int reminder,
      String link) {
    Map<String, Object> model = facts(caseFile, procedure, milestone);
    model.put("pcpName", caseFile.intake().pcpName());
    model.put("link", link);
    model.put("reminder", reminder);
    return reminder == 0
        ? builder.toAddresses(caseFile, "PCP_REQUEST_" + milestone.name(), 1, "pcp-follow-up-request",
            List.of(caseFile.intake().pcpEmail()), model)
        : builder.toAddresses(caseFile, "PCP_REMINDER_" + milestone.name(), reminder, "pcp-follow-up-request",
            List.of(caseFile.intake().pcpEmail()), model);
  }

  /** To the coordinators: a follow-up was not done by its due date (alert {@code number}, repeated until done). */
  Notice overdue(CaseFile caseFile, ProcedureRecord procedure, FollowUp followUp, int number) {
    Map<String, Object> model = facts(caseFile, procedure, followUp.milestone());
    model.put("dueDate", calendar.day(followUp.dueDate()));
    model.put("number", number);
    model.put("pcp", followUp.deferredToPcp());
    model.put("reminders", followUp.pcpReminders());
    return builder.toGroup(caseFile, "FOLLOW_UP_OVERDUE_" + followUp.milestone().name(), number,
        "follow-up-overdue", CaseRoles.COORDINATORS, model);
  }

  private Map<String, Object> facts(CaseFile caseFile, ProcedureRecord procedure, FollowUpMilestone milestone) {
    Map<String, Object> model = builder.facts(caseFile);
    model.remove("providerName");
    model.put("procedureDate", calendar.day(procedure.procedureDate()));
    model.put("milestone", milestone.label());
    return model;
  }
}
