package com.healthplan.va.caseapi;

import com.healthplan.va.caseapi.CasePageView.Line;
import com.healthplan.va.caseapi.CasePageView.Section;
import com.healthplan.va.casefile.Appeal;
import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseIntake;
import com.healthplan.va.casefile.CaseLifecycle;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseStatus;
import com.healthplan.va.casefile.DeterminationRound;
import com.healthplan.va.casefile.FollowUpMilestone;
import com.healthplan.va.casefile.ImagingModality;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.criteria.EligibilityCriterion;
import com.healthplan.va.criteria.PolicyDecisions;
import com.healthplan.va.criteria.PolicyTerms;
import com.healthplan.va.documents.CaseDocuments;
import com.healthplan.va.documents.DocumentKind;
import com.healthplan.va.documents.DocumentSummary;
import com.healthplan.va.followup.FollowUp;
import com.healthplan.va.followup.FollowUpRepository;
import com.healthplan.va.followup.FollowUpStatus;
import com.healthplan.va.notification.NoticeKinds;
import com.healthplan.va.notification.NoticeMailer;
import com.healthplan.va.procedure.DocumentationItem;
import com.healthplan.va.procedure.ImagingGuidance;
import com.healthplan.va.procedure.PaymentFinding;
import com.healthplan.va.procedure.ProcedureFile;
import com.healthplan.va.procedure.ProcedureRecord;
import com.healthplan.va.procedure.ProcedureRepository;
import com.healthplan.va.procedure.Setting;
import com.healthplan.va.security.CaseRoles;
import com.healthplan.va.timeline.CaseTimeline;
import com.healthplan.va.security.PeopleNames;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Builds a case's page for one caller from the case file, its procedure and follow-ups, documents, the sent-mail
 * ledger and the timeline. Every code becomes words here (switches without a default: a new code does not compile
 * until it is worded); people are named; moments are in the plan's zone, labelled. The patient's identity is
 * shown to the roles that work with the patient (nurses, physicians, administrators); coordinators see initials
 * and the member id, as on the board; the telephone only nurses (follow-up calls) and administrators.
 */
@Component
class CasePageReader {

  private static final DateTimeFormatter TIME_OF_TIMELINE = DateTimeFormatter.ofPattern("MMM d, uuuu, h:mm a",
      Locale.US);

  private final CaseRepository cases;
  private final CaseLifecycle lifecycle;
  private final ProcedureRepository procedures;
  private final FollowUpRepository followUps;
  private final CaseDocuments documents;
  private final NoticeMailer notices;
  private final CaseTimeline timeline;
  private final PolicyDecisions policy;
  private final PlanCalendar calendar;
  private final PeopleNames people;

  CasePageReader(CaseRepository cases, CaseLifecycle lifecycle, ProcedureRepository procedures,
      FollowUpRepository followUps, CaseDocuments documents, NoticeMailer notices, CaseTimeline timeline,
      PolicyDecisions policy, PlanCalendar calendar, PeopleNames people) {
    this.cases = cases;
    this.lifecycle = lifecycle;
    this.procedures = procedures;
    this.followUps = followUps;
    this.documents = documents;
    this.notices = notices;
    this.timeline = timeline;
    this.policy = policy;
    this.calendar = calendar;
    this.people = people;
  }

  Optional<CasePageView> find(String caseId, Collection<String> callerGroups) {
    return cases.find(caseId).map(file -> page(file, callerGroups));
  }

  private CasePageView page(CaseFile file, Collection<String> groups) {
    Function<String, String> names = people.forOnePage();
    PolicyTerms terms = policy.terms(file.prescreen() == null ? null : file.prescreen().criteriaVersion());
    CaseIntake intake = file.intake();
    Optional<ProcedureFile> procedure = procedures.find(file.caseId());
    List<FollowUp> followUpList = followUps.of(file.caseId());
    String summary = intake.procedureType().label() + " (" + intake.procedureType().cptCodes() + ") at "
        + String.join(", ", intake.fractureLevels()) + " · " + intake.urgency().label().toLowerCase(Locale.ROOT)
        + " request of " + calendar.day(intake.requestDate());
    return new CasePageView(file.caseId(), file.status().name(), file.status().label(),
        nextStep(file, procedure, followUpList, names), summary,
        patient(intake, groups), request(file, terms),
        file.rounds().stream().flatMap(round -> rounds(round, terms, names).stream()).toList(),
        procedure.map(p -> procedure(file, p, terms, names)).orElse(closure(file)),
        followUpList.stream().map(this::followUp).toList(),
        scores(intake, followUpList),
        documents.of(file.caseId()).stream().map(this::document).toList(),
        notices.sentFor(file.caseId()).stream().map(n -> new CasePageView.NoticeRow(NoticeKinds.words(n.kind()),
            n.to(), calendar.moment(n.sentAt()))).toList(),
        timeline.of(file.caseId()).orElse(List.of()).stream().map(e -> new CasePageView.TimelineRow(
            TIME_OF_TIMELINE.format(e.at()), e.actorName(), e.event(), e.detail())).toList(),
        actions(file, procedure, followUpList, groups),
        calendar.zone().getDisplayName(TextStyle.FULL, Locale.US));
  }

  /**
   * Where the case stands and what comes next, in one or two sentences: what Tasklist tells a person after
   * Complete, and the line under the page's heading.
   */
  private String nextStep(CaseFile file, Optional<ProcedureFile> procedure, List<FollowUp> followUpList,
      Function<String, String> names) {
    CaseIntake intake = file.intake();
    return switch (file.status()) {
      case IN_REVIEW -> "A nurse reviews the criteria; the determination is due " + calendar.moment(file.determinationDueAt()) + ".";
      case PENDED_FOR_INFORMATION -> file.informationRequest() == null ? "Information was requested from the provider."
          : "Information was requested from " + intake.requestingProviderName() + " (" + intake.requestingProviderEmail()
              + "), due " + calendar.moment(file.informationRequest().dueAt()) + "; the member is told too.";
      case MEDICAL_DIRECTOR_REVIEW -> "A medical director decides next; the determination is due "
          + calendar.moment(file.determinationDueAt()) + ".";
      case APPROVED, AWAITING_DOCUMENTATION -> "Approved: the provider and the member are told. The pre-procedure "
          + "documentation is reviewed next" + procedure.map(ProcedureFile::documentation)
              .filter(d -> d.requestCount() > 0 && d.dueAt() != null && !d.complete())
              .map(d -> "; what is missing was requested from the provider, due " + calendar.moment(d.dueAt()))
              .orElse("") + ".";
      case DENIED, CLOSED_INCOMPLETE -> "Not approved: the provider and the member are told, with the reasons"
          + file.latestDecidedRound().map(DeterminationRound::decision)
              .map(d -> " and the right to appeal until " + calendar.day(lifecycle.lastDayToAppeal(d))).orElse("") + ".";
      case APPEAL_IN_REVIEW -> file.appeal().filter(Appeal::open).map(a -> "A physician other than "
          + names.apply(a.deniedBy()) + " decides the appeal, due " + calendar.moment(a.dueAt()) + ".")
          .orElse("The appeal is being decided.");
      case READY_TO_SCHEDULE -> "The documentation is complete; a coordinator schedules the procedure.";
      case SCHEDULED -> procedure.map(ProcedureFile::schedule).map(s -> "Scheduled for "
          + calendar.day(s.scheduledDate()) + " at " + s.facilityName() + "; the procedure is recorded next.")
          .orElse("Scheduled.");
      case IN_FOLLOW_UP -> followUpList.stream().filter(f -> !f.completed()).findFirst()
          .map(f -> "In follow-up; next the " + f.milestone().label() + ", due " + calendar.day(f.dueDate())
              + (f.deferredToPcp() ? ", with the PCP (" + intake.pcpName() + ")" : "") + ".")
          .orElse("In follow-up.");
      case CLOSED -> "Closed: every follow-up is done.";
      case WITHDRAWN -> "Withdrawn: the procedure will not take place.";
    };
  }

  private List<Line> patient(CaseIntake intake, Collection<String> groups) {
    boolean identified = CaseRoles.seeThePatient(groups);
    boolean callsThePatient = CaseRoles.callThePatient(groups);
    List<Line> lines = new ArrayList<>();
    if (identified) {
      lines.add(new Line("Patient", intake.patientName()));
      lines.add(new Line("Born", calendar.day(intake.patientBirthDate())));
    } else {
      lines.add(new Line("Patient", intake.patientInitials()));
    }
    lines.add(new Line("Member id", intake.memberId()));
    if (callsThePatient) {
      lines.add(new Line("Patient's telephone", orNone(intake.patientPhone())));
    }
    return lines;
  }

  private List<Line> request(CaseFile file, PolicyTerms terms) {
    CaseIntake intake = file.intake();
    List<Line> lines = new ArrayList<>();
    lines.add(new Line("Requesting provider", intake.requestingProviderName() + " (NPI " + intake.requestingProviderNpi()
        + "), " + intake.requestingProviderEmail()));
    lines.add(new Line("Primary care provider", intake.pcpName() + ", " + intake.pcpEmail()
        + (intake.pcpPhone() == null ? "" : ", " + intake.pcpPhone())));
    lines.add(new Line("Received", calendar.moment(file.receivedAt())));
    lines.add(new Line("Date of the fracture", calendar.day(intake.fractureDate())));
    lines.add(new Line("Imaging", imaging(intake.imagingModality()) + (intake.imagingDate() == null ? ""
        : " of " + calendar.day(intake.imagingDate()))));
    lines.add(new Line("Pain at intake", intake.painScore() + " of 10"
        + (intake.painInterferesWithAdls() ? ", interferes with daily activities" : "")));
    lines.add(new Line("Conservative care", (intake.conservativeCareFailed() ? "failed" : "not documented as failed")
        + (intake.interventionsAttempted() == null ? "" : ": " + intake.interventionsAttempted())));
    CaseFile.Prescreen prescreen = file.prescreen();
    if (prescreen != null) {
      lines.add(new Line("Prescreen (criteria version " + prescreen.criteriaVersion() + ")",
          prescreen.unmetCriteria().isEmpty() ? "every criterion and exclusion met by the facts on record"
              : "not met: " + criteria(prescreen.unmetCriteria(), terms)));
    }
    if (file.informationRequest() != null) {
      CaseFile.InformationRequest asked = file.informationRequest();
      lines.add(new Line("Information requested", calendar.moment(asked.requestedAt()) + ", due "
          + calendar.moment(asked.dueAt()) + (asked.receivedAt() == null ? "" : "; received "
          + calendar.moment(asked.receivedAt()))));
    }
    if (file.cancellation() != null) {
      lines.add(new Line("Cancelled", calendar.moment(file.cancellation().cancelledAt()) + ": "
          + file.cancellation().reason()));
    }
    return lines;
  }

  private List<Section> rounds(DeterminationRound round, PolicyTerms terms, Function<String, String> names) {
    List<Section> sections = new ArrayList<>();
    List<Line> lines = new ArrayList<>();
    if (round.opening() == DeterminationRound.Opening.APPROVAL_LAPSED) {
      lines.add(new Line("Opened", calendar.moment(round.openedAt()) + ": " + round.openingReason()));
    }
    lines.add(new Line("Determination due", calendar.moment(round.dueAt())));
    DeterminationRound.Extension extension = round.extension();
    if (extension != null) {
      lines.add(new Line("Deadline extended", "by " + extension.days() + " days by " + names.apply(extension.extendedBy())
          + " (was " + calendar.moment(extension.originalDueAt()) + "): " + extension.reason()));
    }
    DeterminationRound.Decision decision = round.decision();
    if (decision == null) {
      lines.add(new Line("Decision", "not made yet"));
    } else {
      lines.add(new Line("Decision", outcome(decision) + ", by " + names.apply(decision.decidedBy()) + ", "
          + calendar.moment(decision.decidedAt())));
      if (!decision.approvedLevels().isEmpty()) {
        lines.add(new Line("Approved levels", String.join(", ", decision.approvedLevels())));
      }
      if (!decision.notApprovedLevels().isEmpty()) {
        lines.add(new Line("Not approved levels", String.join(", ", decision.notApprovedLevels())));
      }
      if (decision.validThrough() != null) {
        lines.add(new Line("Valid for a procedure on or before", calendar.day(decision.validThrough())));
      }
      if (!decision.unmetCriteria().isEmpty()) {
        lines.add(new Line("Not met", criteria(decision.unmetCriteria(), terms)));
      }
      if (decision.conditions() != null && !decision.conditions().isBlank()) {
        lines.add(new Line("Conditions", decision.conditions()));
      }
      if (decision.rationale() != null && !decision.rationale().isBlank()) {
        lines.add(new Line("Rationale", decision.rationale()));
      }
      if (!decision.approvedInFull()) {
        lines.add(new Line("May be appealed until", calendar.day(lifecycle.lastDayToAppeal(decision))));
      }
    }
    sections.add(new Section("Determination round " + round.number(), lines));
    if (round.appeal() != null) {
      sections.add(new Section("Appeal of round " + round.number(), appeal(round.appeal(), names)));
    }
    return sections;
  }

  private List<Line> appeal(Appeal appeal, Function<String, String> names) {
    List<Line> lines = new ArrayList<>();
    lines.add(new Line("Received", calendar.moment(appeal.receivedAt()) + ", " + appeal.urgency().label()
        .toLowerCase(Locale.ROOT) + " appeal by the " + switch (appeal.requestedBy()) {
          case MEMBER -> "member";
          case PROVIDER -> "provider";
        } + ", recorded by " + names.apply(appeal.receivedBy())));
    lines.add(new Line("Levels appealed", String.join(", ", appeal.appealedLevels())));
    lines.add(new Line("Reason given", appeal.reason()));
    if (appeal.closedWithoutDecision()) {
      lines.add(new Line("Closed without a decision", calendar.moment(appeal.closedAt()) + ": " + appeal.closedReason()));
    } else if (appeal.outcome() == null) {
      lines.add(new Line("Decision due", calendar.moment(appeal.dueAt()) + ", by a physician other than "
          + names.apply(appeal.deniedBy())));
    } else {
      lines.add(new Line("Decision", switch (appeal.outcome()) {
        case OVERTURNED -> "overturned: the levels appealed are approved";
        case UPHELD -> "upheld: the determination stands";
      } + ", by " + names.apply(appeal.decidedBy()) + ", " + calendar.moment(appeal.decidedAt())));
      if (appeal.approvalValidThrough() != null) {
        lines.add(new Line("Valid for a procedure on or before", calendar.day(appeal.approvalValidThrough())));
      }
      lines.add(new Line("Rationale", appeal.rationale()));
    }
    return lines;
  }

  private List<Line> procedure(CaseFile file, ProcedureFile procedure, PolicyTerms terms,
      Function<String, String> names) {
    List<Line> lines = new ArrayList<>();
    ProcedureFile.Documentation documentation = procedure.documentation();
    if (documentation != null && documentation.reviewed()) {
      lines.add(new Line("Pre-procedure documentation", (documentation.missing().isEmpty() ? "complete"
          : "missing: " + documentation.missing().stream().map(code -> DocumentationItem.valueOf(code).policyWording())
              .collect(Collectors.joining("; "))) + " (reviewed by " + names.apply(documentation.reviewedBy()) + ", "
          + calendar.moment(documentation.reviewedAt()) + ")"));
    }
    if (documentation != null && documentation.requestCount() > 0 && documentation.dueAt() != null) {
      lines.add(new Line("Documentation requested", documentation.requestCount() + " time(s); due "
          + calendar.moment(documentation.dueAt())));
    }
    ProcedureFile.Schedule schedule = procedure.schedule();
    if (schedule != null) {
      lines.add(new Line("Scheduled", calendar.day(schedule.scheduledDate()) + " at " + schedule.facilityName() + ", "
          + setting(schedule.setting()) + " (by " + names.apply(schedule.scheduledBy()) + ")"));
      if (schedule.inpatientJustification() != null && !schedule.inpatientJustification().isBlank()) {
        lines.add(new Line("Why inpatient", schedule.inpatientJustification()));
      }
      if (!schedule.deferredToPcp().isEmpty()) {
        lines.add(new Line("Follow-ups with the PCP", schedule.deferredToPcp().stream()
            .map(m -> FollowUpMilestone.valueOf(m).label()).collect(Collectors.joining(", "))));
      }
    }
    ProcedureRecord record = procedure.record();
    if (record != null) {
      lines.add(new Line("Performed", calendar.day(record.procedureDate()) + ", levels "
          + String.join(", ", record.levelsTreated()) + ", " + guidance(record.imagingGuidance())
          + " (recorded by " + names.apply(record.recordedBy()) + ")"));
      if (!record.biopsyLevels().isEmpty()) {
        lines.add(new Line("Biopsy", String.join(", ", record.biopsyLevels())));
      }
    }
    ProcedureFile.Findings findings = procedure.findings();
    if (findings != null) {
      lines.add(new Line("Payment findings", findings.codes().isEmpty() ? "none: the procedure is within the limits"
          : findings.codes().stream().map(code -> PaymentFinding.ofCode(code).map(f -> f.plainLanguage(terms))
              .orElse(code)).collect(Collectors.joining(" "))));
      if (findings.resolvedAt() != null) {
        lines.add(new Line("Findings resolved", "by " + names.apply(findings.resolvedBy()) + ", "
            + calendar.moment(findings.resolvedAt()) + (findings.note() == null ? "" : ": " + findings.note())));
      }
    }
    ProcedureFile.Withdrawal withdrawal = procedure.withdrawal();
    if (withdrawal != null) {
      lines.add(new Line("Withdrawn", calendar.moment(withdrawal.withdrawnAt()) + " by "
          + names.apply(withdrawal.withdrawnBy()) + ": " + withdrawal.reason()));
    }
    lines.addAll(closure(file));
    return lines;
  }

  private List<Line> closure(CaseFile file) {
    return file.closure() == null ? List.of() : List.of(new Line("Outcome", file.closure().outcomeSummary()));
  }

  private CasePageView.FollowUpRow followUp(FollowUp followUp) {
    FollowUp.Scores scores = followUp.scores();
    return new CasePageView.FollowUpRow(followUp.milestone().label(), calendar.day(followUp.dueDate()),
        followUpStatus(followUp.statusOn(calendar.today())), followUp.deferredToPcp() ? "with the PCP" : "",
        scores == null ? "" : scores.contactMethod().label(), scores == null ? null : scores.painScore(),
        scores == null ? null : scores.comfortScore(), scores == null ? null : scores.activityScore());
  }

  private CasePageView.Scores scores(CaseIntake intake, List<FollowUp> followUpList) {
    List<String> labels = new ArrayList<>(List.of("Intake"));
    List<Integer> pain = new ArrayList<>(List.of(intake.painScore()));
    List<Integer> comfort = new ArrayList<>();
    List<Integer> activity = new ArrayList<>();
    comfort.add(null);
    activity.add(null);
    for (FollowUp followUp : followUpList) {
      if (followUp.scores() != null) {
        labels.add(followUp.milestone().label());
        pain.add(followUp.scores().painScore());
        comfort.add(followUp.scores().comfortScore());
        activity.add(followUp.scores().activityScore());
      }
    }
    return new CasePageView.Scores(labels, pain, comfort, activity);
  }

  private CasePageView.DocumentRow document(DocumentSummary d) {
    String download = "/api/cases/" + d.caseId() + "/documents/" + d.documentId();
    return new CasePageView.DocumentRow(d.fileName(), d.kind().label(), calendar.moment(d.uploadedAt()),
        "application/pdf".equals(d.mediaType()) ? download + "?view=inline" : null, download);
  }

  private CasePageView.Actions actions(CaseFile file, Optional<ProcedureFile> procedure, List<FollowUp> followUpList,
      Collection<String> groups) {
    List<CasePageView.Deferral> deferrals = new ArrayList<>();
    boolean schedules = groups.contains(CaseRoles.COORDINATORS) || groups.contains(CaseRoles.ADMINISTRATORS);
    if (schedules && (file.status() == CaseStatus.SCHEDULED || file.status() == CaseStatus.IN_FOLLOW_UP)) {
      List<String> deferredAtScheduling = procedure.map(ProcedureFile::schedule).map(ProcedureFile.Schedule::deferredToPcp)
          .orElse(List.of());
      for (FollowUpMilestone milestone : FollowUpMilestone.values()) {
        if (!milestone.deferrableToPcp()) {
          continue;
        }
        Optional<FollowUp> row = followUpList.stream().filter(f -> f.milestone() == milestone).findFirst();
        boolean open = row.map(f -> !f.deferredToPcp() && f.statusOn(calendar.today()) == FollowUpStatus.SCHEDULED)
            .orElse(!deferredAtScheduling.contains(milestone.name()));
        if (open) {
          deferrals.add(new CasePageView.Deferral(milestone.name(), milestone.label()));
        }
      }
    }
    boolean uploads = groups.stream().anyMatch(List.of(CaseRoles.NURSES, CaseRoles.COORDINATORS,
        CaseRoles.ADMINISTRATORS)::contains);
    List<CasePageView.UploadKind> kinds = uploads ? DocumentKind.uploadableKinds().stream()
        .map(k -> new CasePageView.UploadKind(k.name(), k.label())).toList() : List.of();
    return new CasePageView.Actions(deferrals, kinds);
  }

  private String criteria(List<String> codes, PolicyTerms terms) {
    return codes.stream().map(code -> EligibilityCriterion.ofCode(code).map(c -> c.plainLanguage(terms)).orElse(code))
        .collect(Collectors.joining(" "));
  }

  private static String outcome(DeterminationRound.Decision decision) {
    return switch (decision.outcome()) {
      case APPROVED -> "approved";
      case APPROVED_WITH_MODIFICATIONS -> "approved in part";
      case DENIED -> "denied";
      case CLOSED_INCOMPLETE -> "not approved: the requested information did not arrive";
    };
  }

  static String imaging(ImagingModality modality) {
    return switch (modality) {
      case XRAY -> "plain x-ray";
      case MRI -> "MRI";
      case NONE -> "no confirming imaging";
    };
  }

  static String guidance(ImagingGuidance guidance) {
    return switch (guidance) {
      case CT -> "CT guidance";
      case FLUOROSCOPY -> "fluoroscopic guidance";
      case NONE -> "no imaging guidance";
    };
  }

  static String setting(Setting setting) {
    return switch (setting) {
      case OUTPATIENT -> "outpatient";
      case INPATIENT -> "inpatient";
    };
  }

  static String followUpStatus(FollowUpStatus status) {
    return switch (status) {
      case SCHEDULED -> "not due yet";
      case DUE -> "due";
      case OVERDUE -> "overdue";
      case DEFERRED_TO_PCP -> "with the PCP";
      case COMPLETED -> "done";
    };
  }

  private static String orNone(String value) {
    return value == null || value.isBlank() ? "not given" : value;
  }
}
