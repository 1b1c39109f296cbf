package com.healthplan.va.procedure;

import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.determination.NoticeContent;
import com.healthplan.va.notification.Notice;
import com.healthplan.va.security.CaseRoles;
import java.util.List;
import java.util.Map;

/**
 * The e-mails of the procedure phase, with the minimum necessary (initials, date of birth, case id), each with
 * its template under {@code templates/mail/}.
 */
final class ProcedureNotices {

  static final String DOCUMENTATION_REQUEST = "DOCUMENTATION_REQUEST";
  static final String DOCUMENTATION_OVERDUE = "DOCUMENTATION_OVERDUE";

  private ProcedureNotices() {
  }

  /** To the requesting provider: the exact list of missing items (the policy's words), and by when. */
  static Notice documentationRequest(CaseFile caseFile, ProcedureFile procedure, PlanCalendar calendar) {
    ProcedureFile.Documentation documentation = procedure.documentation();
    Map<String, Object> model = NoticeContent.caseFacts(caseFile, calendar);
    String dueAt = NoticeContent.moment(documentation.dueAt(), calendar);
    model.put("documentationDueAt", dueAt);
    model.put("missingItems", wording(documentation.missing()));
    return Notice.toAddresses(caseFile.caseId(), DOCUMENTATION_REQUEST, documentation.requestCount(),
        "documentation-request", List.of(caseFile.intake().requestingProviderEmail()),
        "Prior authorization " + caseFile.caseId() + ": pre-procedure documentation needed by " + dueAt, model);
  }

  /** To the coordinators: the documentation deadline passed and the review is still open. */
  static Notice documentationOverdue(CaseFile caseFile, ProcedureFile procedure, PlanCalendar calendar) {
    ProcedureFile.Documentation documentation = procedure.documentation();
    Map<String, Object> model = NoticeContent.caseFacts(caseFile, calendar);
    model.put("documentationDueAt", NoticeContent.moment(documentation.dueAt(), calendar));
    model.put("requestCount", documentation.requestCount());
    model.put("missingItems", wording(documentation.reviewed() ? documentation.missing() : List.of()));
    // one alert per deadline: the initial review's, then each request's
    return Notice.toGroup(caseFile.caseId(), DOCUMENTATION_OVERDUE, documentation.requestCount() + 1,
        "documentation-overdue", CaseRoles.COORDINATORS,
        "Pre-procedure documentation overdue: " + caseFile.caseId(), model);
  }

  private static List<String> wording(List<String> codes) {
    return codes.stream().map(code -> DocumentationItem.valueOf(code).requestWording()).toList();
  }
}
