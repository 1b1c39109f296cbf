package com.healthplan.va.notice;

import com.healthplan.va.casefile.Appeal;
import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.DeterminationRound;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.casefile.PlanContacts;
import com.healthplan.va.notification.Notice;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import com.healthplan.va.security.PeopleNames;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Builds every e-mail of a case: the facts each shows (case id, the patient's initials and date of birth, procedure
 * and levels, the requesting provider; never a name or member id), the plan's contacts, and the subject, written
 * beside the message in {@code templates/mail/<template>.subject.txt}, so one notice is one place.
 */
@Component
public class NoticeBuilder {

  private final ITemplateEngine templates;
  private final PlanCalendar calendar;
  private final PlanContacts plan;
  private final PeopleNames people;

  NoticeBuilder(ITemplateEngine mailTemplates, PlanCalendar calendar, PlanContacts plan, PeopleNames people) {
    this.templates = mailTemplates;
    this.calendar = calendar;
    this.plan = plan;
    this.people = people;
  }

  /** What every notice shows of a case (the templates' {@code case-facts} fragment) and the plan's contacts. */
  public Map<String, Object> facts(CaseFile file) {
    Map<String, Object> model = new HashMap<>();
    model.put("caseId", file.caseId());
    model.put("patientInitials", file.patientInitials());
    model.put("patientBirthDate", calendar.day(file.intake().patientBirthDate()));
    model.put("procedure", file.intake().procedureType().label() + " (" + file.intake().procedureType().cptCodes()
        + ")");
    model.put("levels", String.join(", ", file.intake().fractureLevels()));
    model.put("providerName", file.intake().requestingProviderName());
    model.put("planName", plan.planName());
    model.put("planAddress", plan.address());
    model.put("umPhone", plan.umPhone());
    return model;
  }

  /** A notice to the requesting provider. */
  /**
   * What a round opened because the approval lapsed tells its readers of the earlier round (template variables
   * {@code newRound}, {@code newRoundScheduledFor}, {@code earlierValidThrough}, and for an appeal of the earlier
   * round closed without a decision {@code closedAppeal}, {@code closedAppealReceived}, {@code closedAppealLevels}),
   * each day in the reader's format.
   */
  void putEarlierRound(Map<String, Object> model, CaseFile file, DeterminationRound round,
      Function<LocalDate, String> day) {
    boolean newRound = round.opening() == DeterminationRound.Opening.APPROVAL_LAPSED && round.number() > 1;
    model.put("newRound", newRound);
    model.put("closedAppeal", false);
    if (!newRound) {
      return;
    }
    DeterminationRound earlier = file.rounds().get(round.number() - 2);
    Appeal appeal = earlier.appeal();
    LocalDate earlierValidThrough = appeal != null && appeal.overturned() && earlier.decision().outcome().adverse()
        ? appeal.approvalValidThrough() : earlier.decision().validThrough();
    model.put("newRoundScheduledFor", day.apply(round.criteriaAsOf()));
    model.put("earlierValidThrough", earlierValidThrough == null ? "" : day.apply(earlierValidThrough));
    if (appeal != null && appeal.closedWithoutDecision()) {
      model.put("closedAppeal", true);
      model.put("closedAppealReceived", day.apply(calendar.dayOf(appeal.receivedAt())));
      model.put("closedAppealLevels", String.join(", ", appeal.appealedLevels()));
    }
  }

  public Notice toProvider(CaseFile file, String kind, int sequence, String template, Map<String, Object> model) {
    return Notice.toAddresses(file.caseId(), kind, sequence, template,
        List.of(file.intake().requestingProviderEmail()), subject(template, model), model);
  }

  /** A notice to given addresses (the PCP, the member). */
  public Notice toAddresses(CaseFile file, String kind, int sequence, String template, List<String> to,
      Map<String, Object> model) {
    return Notice.toAddresses(file.caseId(), kind, sequence, template, to, subject(template, model), model);
  }

  /** A notice to the members of a group (the coordinators' alerts). */
  public Notice toGroup(CaseFile file, String kind, int sequence, String template, String group,
      Map<String, Object> model) {
    return Notice.toGroup(file.caseId(), kind, sequence, template, group, subject(template, model), model);
  }

  /** A physician by name, as notices name the reviewer ("Dr. Maya Chen"); null when unknown. */
  public String physicianName(String userId) {
    return people.physician(userId).orElse(null);
  }

  /** The subject written beside the template, with the notice's values put in; one line. */
  String subject(String template, Map<String, Object> model) {
    return templates.process("mail/" + template + ".subject.txt", new Context(Locale.US, model)).strip()
        .replaceAll("\\s+", " ");
  }
}
