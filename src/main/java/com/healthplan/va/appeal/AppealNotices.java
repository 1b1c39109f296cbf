package com.healthplan.va.appeal;

import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.determination.NoticeContent;
import com.healthplan.va.notification.Notice;
import com.healthplan.va.security.CaseRoles;
import java.util.List;
import java.util.Map;

/** The appeal's e-mails: its decision to the requesting provider, and the coordinators' alert before it is due. */
final class AppealNotices {

  private AppealNotices() {
  }

  static Notice decision(CaseFile caseFile, Appeal appeal, PlanCalendar calendar) {
    Map<String, Object> model = NoticeContent.caseFacts(caseFile, calendar);
    boolean overturned = appeal.outcome() == Appeal.Outcome.OVERTURNED;
    model.put("overturned", overturned);
    model.put("decidedAt", NoticeContent.moment(appeal.decidedAt(), calendar));
    model.put("rationale", appeal.rationale());
    String kind = overturned ? "APPEAL_OVERTURNED" : "APPEAL_UPHELD";
    return Notice.toAddresses(caseFile.caseId(), kind, 1, "appeal-decision",
        List.of(caseFile.intake().requestingProviderEmail()), "Prior authorization " + caseFile.caseId()
            + ": appeal " + (overturned ? "approved, the denial is overturned" : "decided, the denial is upheld"),
        model);
  }

  static Notice dueSoon(CaseFile caseFile, Appeal appeal, PlanCalendar calendar) {
    Map<String, Object> model = NoticeContent.caseFacts(caseFile, calendar);
    model.put("appealDueAt", NoticeContent.moment(appeal.dueAt(), calendar));
    model.put("urgency", appeal.urgency());
    return Notice.toGroup(caseFile.caseId(), "APPEAL_DUE_SOON", 1, "appeal-due-soon", CaseRoles.COORDINATORS,
        "Appeal due soon: " + caseFile.caseId(), model);
  }
}
