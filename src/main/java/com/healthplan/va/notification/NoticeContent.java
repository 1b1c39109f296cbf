package com.healthplan.va.notification;

import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.eligibility.EligibilityCriterion;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a notice says about a case: the minimum necessary. Patients are named by initials and date of birth
 * beside the case id, never by name or member id; free text written by reviewers goes into the templates as
 * text, which Thymeleaf escapes in the HTML part.
 */
record NoticeContent(String subject, int sequence, Map<String, Object> model) {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.US);
  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("MMM d, uuuu h:mm a z", Locale.US);

  static NoticeContent of(CaseNotice notice, CaseFile caseFile, PlanCalendar calendar) {
    String caseId = caseFile.caseId();
    Map<String, Object> model = new HashMap<>();
    model.put("caseId", caseId);
    model.put("patientInitials", caseFile.patientInitials());
    model.put("patientBirthDate", day(caseFile.intake().patientBirthDate()));
    model.put("procedure", caseFile.intake().procedureType().label());
    model.put("levels", String.join(", ", caseFile.intake().fractureLevels()));
    model.put("providerName", caseFile.intake().requestingProviderName());
    model.put("determinationDueAt", moment(caseFile.determinationDueAt(), calendar));

    int sequence = 1;
    String subject;
    switch (notice) {
      case INFORMATION_REQUEST -> {
        CaseFile.InformationRequest request = caseFile.informationRequest();
        sequence = request.count();
        String dueAt = moment(request.dueAt(), calendar);
        model.put("informationDueAt", dueAt);
        model.put("requestedInformation", request.requestedInformation());
        List<String> confirmed = caseFile.review().confirmedCriteria();
        model.put("unconfirmedCriteria", plainLanguage(EligibilityCriterion.codes().stream()
            .filter(code -> !confirmed.contains(code)).toList()));
        subject = "Prior authorization " + caseId + ": information needed by " + dueAt;
      }
      case DETERMINATION_APPROVED -> {
        model.put("decidedAt", moment(caseFile.determination().decidedAt(), calendar));
        subject = "Prior authorization " + caseId + ": approved";
      }
      case DETERMINATION_DENIED -> {
        model.put("decidedAt", moment(caseFile.determination().decidedAt(), calendar));
        model.put("unmetCriteria", plainLanguage(caseFile.determination().unmetCriteria()));
        model.put("rationale", caseFile.determination().rationale());
        subject = "Prior authorization " + caseId + ": denied";
      }
      case CLOSED_INCOMPLETE -> {
        model.put("informationDueAt", moment(caseFile.informationRequest().dueAt(), calendar));
        subject = "Prior authorization " + caseId + ": closed, requested information not received";
      }
      case DETERMINATION_DUE_SOON -> {
        model.put("status", caseFile.status().name());
        subject = "Determination due soon: " + caseId;
      }
      default -> throw new IllegalArgumentException(notice.name());
    }
    return new NoticeContent(subject, sequence, model);
  }

  private static List<String> plainLanguage(List<String> codes) {
    return codes.stream().map(code -> EligibilityCriterion.valueOf(code).plainLanguage()).toList();
  }

  private static String day(LocalDate day) {
    return day == null ? "" : DAY.format(day);
  }

  private static String moment(Instant instant, PlanCalendar calendar) {
    return instant == null ? "" : MOMENT.format(instant.atZone(calendar.zone()));
  }
}
