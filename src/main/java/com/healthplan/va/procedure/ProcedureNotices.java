package com.healthplan.va.procedure;

import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.notice.NoticeBuilder;
import com.healthplan.va.notification.Notice;
import com.healthplan.va.security.CaseRoles;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The e-mails of the procedure phase, with the minimum necessary (initials, date of birth, case id), each with its
 * template and subject under {@code templates/mail/}.
 */
@Component
class ProcedureNotices {

  static final String DOCUMENTATION_REQUEST = "DOCUMENTATION_REQUEST";
  static final String DOCUMENTATION_OVERDUE = "DOCUMENTATION_OVERDUE";

  private final NoticeBuilder builder;
  private final PlanCalendar calendar;

  ProcedureNotices(NoticeBuilder builder, PlanCalendar calendar) {
    this.builder = builder;
    this.calendar = calendar;
  }

  /** To the requesting provider: the exact list of missing items (the policy's words), and by when. */
  Notice documentationRequest(CaseFile caseFile, ProcedureFile procedure) {
    ProcedureFile.Documentation documentation = procedure.documentation();
    Map<String, Object> model = builder.facts(caseFile);
    model.put("documentationDueAt", calendar.moment(documentation.dueAt()));
    model.put("missingItems", wording(documentation.missing()));
    return builder.toProvider(caseFile, DOCUMENTATION_REQUEST, documentation.requestCount(), "documentation-request",
        model);
  }

  /** To the coordinators: the documentation deadline passed and the review is still open. */
  Notice documentationOverdue(CaseFile caseFile, ProcedureFile procedure) {
    ProcedureFile.Documentation documentation = procedure.documentation();
    Map<String, Object> model = builder.facts(caseFile);
    model.put("documentationDueAt", calendar.moment(documentation.dueAt()));
    model.put("requestCount", documentation.requestCount());
    model.put("missingItems", wording(documentation.reviewed() ? documentation.missing() : List.of()));
    // one alert per deadline: the initial review's, then each request's
    return builder.toGroup(caseFile, DOCUMENTATION_OVERDUE, documentation.requestCount() + 1,
        "documentation-overdue", CaseRoles.COORDINATORS, model);
  }

  private static List<String> wording(List<String> codes) {
    return codes.stream().map(code -> DocumentationItem.valueOf(code).requestWording()).toList();
  }
}
