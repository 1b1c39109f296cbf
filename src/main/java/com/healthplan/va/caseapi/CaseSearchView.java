package com.healthplan.va.caseapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.healthplan.va.casefile.CaseCopies;
import com.healthplan.va.casefile.CaseSearch;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.security.CaseRoles;
import java.util.Collection;
import java.util.List;

/**
 * Cases found by a search, in words: the patient by name for the roles that work with the patient, by initials for
 * coordinators (as on the board), each with its page. {@code more}: there were more matches than listed.
 */
record CaseSearchView(List<Found> matches, boolean more) {

  record Found(String caseId, String status, String urgency, String patient,
      @JsonInclude(JsonInclude.Include.NON_NULL) String born, String memberId, String requested, String page) {
  }

  static CaseSearchView of(CaseSearch.Result result, Collection<String> groups, PlanCalendar calendar) {
    boolean identified = CaseRoles.seeThePatient(groups);
    return new CaseSearchView(result.matches().stream().map(m -> new Found(m.caseId(), m.status().label(),
        m.urgency().label(), identified ? m.patientName() : m.patientInitials(),
        identified ? calendar.day(m.birthDate()) : null, m.memberId(), calendar.day(m.requestDate()),
        CaseCopies.casePageUrl(m.caseId()))).toList(), result.more());
  }
}
