package com.healthplan.va.determination;

import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.casefile.PlanContacts;
import com.healthplan.va.criteria.CriteriaList;
import com.healthplan.va.criteria.EligibilityCriterion;
import com.healthplan.va.notification.Notice;
import com.healthplan.va.security.CaseRoles;
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
public record NoticeContent(String subject, int sequence, Map<String, Object> model) {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.US);
  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("MMM d, uuuu h:mm a z", Locale.US);

  static NoticeContent of(CaseNotice notice, CaseFile caseFile, PlanCalendar calendar, PlanContacts plan,
      String reviewerName) {
    String caseId = caseFile.caseId();
    Map<String, Object> model = caseFacts(caseFile, calendar);
    model.put("determinationDueAt", moment(caseFile.determinationDueAt(), calendar));
    model.put("planName", plan.planName());
    model.put("umPhone", plan.umPhone());
    model.put("criteriaPolicy", plan.criteriaPolicy());
    model.put("criteriaVersion",
        caseFile.prescreen() == null ? "" : String.valueOf(caseFile.prescreen().criteriaVersion()));

    // a case back from scheduling is determined again: its notices are new ones, not repeats of the first
    int sequence = caseFile.reviewRound();
    String subject;
    switch (notice) {
      case INFORMATION_REQUEST -> {
        CaseFile.InformationRequest request = caseFile.informationRequest();
        sequence = request.count();
        String dueAt = moment(request.dueAt(), calendar);
        model.put("informationDueAt", dueAt);
        model.put("requestedInformation", request.requestedInformation());
        model.put("unconfirmedCriteria",
            requestWording(CriteriaList.complementOf(caseFile.review().confirmedCriteria())));
        putExtension(model, caseFile, calendar);
        subject = "Prior authorization " + caseId + ": information needed by " + dueAt;
      }
      case DETERMINATION_APPROVED -> {
        model.put("decidedAt", moment(caseFile.determination().decidedAt(), calendar));
        // the policy's limit: the procedure is done while the fracture is at most 4 months old
        model.put("validThrough", day(caseFile.intake().fractureDate().plusMonths(4)));
        // what was approved, not the request as sent
        List<String> approved = caseFile.determination().approvedLevels();
        if (!approved.isEmpty()) {
          model.put("levels", String.join(", ", approved));
        }
        List<String> notApproved = caseFile.intake().fractureLevels().stream()
            .filter(level -> !approved.isEmpty() && !approved.contains(level)).toList();
        model.put("notApprovedLevels", String.join(", ", notApproved));
        String conditions = caseFile.determination().conditions();
        model.put("conditions", conditions == null ? "" : conditions);
        model.put("approvalRationale", notApproved.isEmpty() && conditions == null ? ""
            : caseFile.determination().rationale());
        // levels not approved are a partial denial: the same appeal rights
        model.put("appealBy", day(caseFile.determination().decidedAt().atZone(calendar.zone()).toLocalDate()
            .plus(plan.appealWindow())));
        subject = "Prior authorization " + caseId + ": approved";
      }
      case DETERMINATION_DENIED -> {
        model.put("decidedAt", moment(caseFile.determination().decidedAt(), calendar));
        model.put("unmetCriteria", caseFile.determination().unmetCriteria().stream()
            .map(code -> EligibilityCriterion.valueOf(code))
            .map(criterion -> Map.of("plain", criterion.plainLanguage(), "policy", criterion.policyWording()))
            .toList());
        model.put("rationale", caseFile.determination().rationale());
        model.put("reviewerName", reviewerName == null ? "a medical director" : reviewerName);
        model.put("peerToPeerPhone", plan.peerToPeerPhone());
        model.put("appealBy", day(caseFile.determination().decidedAt().atZone(calendar.zone()).toLocalDate()
            .plus(plan.appealWindow())));
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

  private static void putExtension(Map<String, Object> model, CaseFile caseFile, PlanCalendar calendar) {
    CaseFile.Extension extension = caseFile.extension();
    model.put("extended", extension != null);
    if (extension != null) {
      model.put("extensionDays", extension.days());
      model.put("extensionReason", extension.reason());
      model.put("originalDueAt", moment(extension.originalDueAt(), calendar));
    }
  }

  /**
   * What every notice shows of a case (the templates' {@code case-facts} fragment): case id, the patient's
   * initials and date of birth, procedure and levels, and the requesting provider's name.
   */
  public static Map<String, Object> caseFacts(CaseFile caseFile, PlanCalendar calendar) {
    Map<String, Object> model = new HashMap<>();
    model.put("caseId", caseFile.caseId());
    model.put("patientInitials", caseFile.patientInitials());
    model.put("patientBirthDate", day(caseFile.intake().patientBirthDate()));
    model.put("procedure", caseFile.intake().procedureType().label() + " ("
        + caseFile.intake().procedureType().cptCodes() + ")");
    model.put("levels", String.join(", ", caseFile.intake().fractureLevels()));
    model.put("providerName", caseFile.intake().requestingProviderName());
    return model;
  }

  /** The notice as the mailer sends it: to the requesting provider or the coordinators. */
  static Notice notice(CaseNotice kind, CaseFile caseFile, PlanCalendar calendar, PlanContacts plan,
      String reviewerName) {
    NoticeContent content = of(kind, caseFile, calendar, plan, reviewerName);
    return switch (kind.recipient()) {
      case REQUESTING_PROVIDER -> Notice.toAddresses(caseFile.caseId(), kind.name(), content.sequence(),
          kind.template(), List.of(caseFile.intake().requestingProviderEmail()), content.subject(), content.model());
      case COORDINATORS -> Notice.toGroup(caseFile.caseId(), kind.name(), content.sequence(), kind.template(),
          CaseRoles.COORDINATORS, content.subject(), content.model());
    };
  }

  /** What the provider must send to show each criterion, never a finding. */
  private static List<String> requestWording(List<String> codes) {
    return codes.stream().map(code -> EligibilityCriterion.valueOf(code).requestWording()).toList();
  }

  public static String day(LocalDate day) {
    return day == null ? "" : DAY.format(day);
  }

  public static String moment(Instant instant, PlanCalendar calendar) {
    return instant == null ? "" : MOMENT.format(instant.atZone(calendar.zone()));
  }
}
