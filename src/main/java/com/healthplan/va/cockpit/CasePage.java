package com.healthplan.va.cockpit;

import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.DeterminationRound;
import com.healthplan.va.criteria.PolicyDecisions;
import com.healthplan.va.criteria.PolicyTerms;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.documents.CaseDocuments;
import com.healthplan.va.followup.FollowUp;
import com.healthplan.va.followup.FollowUpRepository;
import com.healthplan.va.notification.NoticeMailer;
import com.healthplan.va.procedure.PaymentFinding;
import com.healthplan.va.procedure.ProcedureFile;
import com.healthplan.va.procedure.ProcedureRepository;
import com.healthplan.va.timeline.CaseTimeline;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * One case as the coordinators' board shows it: the minimum necessary of its facts (initials, not the name or
 * member id), prescreen and determination with the criteria version, appeal, procedure and its findings,
 * documents, follow-ups with scores, the notices sent and the timeline. Times as ISO strings in the plan's zone.
 */
@Component
public class CasePage {

  /** The page's content (strings and lists only: Cockpit's JSON writer knows no java.time types). */
  public record View(String caseId, String status, String urgency, String patientInitials, String procedure,
      List<String> levels, int intakePainScore, String requestDate, String fractureDate, String receivedAt,
      String determinationDueAt,
      Integer criteriaVersion, List<String> prescreenUnmet, String determination, String decidedBy,
      String decidedAt, List<String> approvedLevels, String appeal, String scheduledDate,
      List<String> deferredAtScheduling, String procedureDate,
      List<String> paymentFindings, List<String> paymentFindingsInWords, List<Document> documents, List<FollowUpRow> followUps, List<Notice> notices,
      String outcome, List<TimelineEntry> timeline) {
  }

  public record TimelineEntry(String at, String actor, String event, String detail) {
  }

  public record Document(String fileName, String kind, String uploadedAt) {
  }

  public record FollowUpRow(String milestone, String dueDate, String status, boolean deferredToPcp,
      String contactMethod, Integer painScore, Integer comfortScore, Integer activityScore) {
  }

  public record Notice(String kind, String to, String sentAt) {
  }

  private final CaseRepository cases;
  private final ProcedureRepository procedures;
  private final FollowUpRepository followUps;
  private final PolicyDecisions policy;
  private final CaseDocuments documents;
  private final NoticeMailer notices;
  private final PlanCalendar calendar;
  private final CaseTimeline timeline;

  CasePage(CaseRepository cases, ProcedureRepository procedures, FollowUpRepository followUps,
      PolicyDecisions policy, CaseDocuments documents, NoticeMailer notices, PlanCalendar calendar,
      CaseTimeline timeline) {
    this.timeline = timeline;
    this.cases = cases;
    this.procedures = procedures;
    this.followUps = followUps;
    this.policy = policy;
    this.documents = documents;
    this.notices = notices;
    this.calendar = calendar;
  }

  public Optional<View> of(String caseId) {
    return cases.find(caseId).map(this::view);
  }

  private View view(CaseFile file) {
    DeterminationRound.Decision decided = file.determination();
    PolicyTerms terms = policy.terms(file.prescreen() == null ? null : file.prescreen().criteriaVersion());
    Optional<ProcedureFile> procedure = procedures.find(file.caseId());
    return new View(file.caseId(), file.status().name(), file.intake().urgency().name(), file.patientInitials(),
        file.intake().procedureType().label(), file.intake().fractureLevels(), file.intake().painScore(),
        file.intake().requestDate().toString(), file.intake().fractureDate().toString(), moment(file.receivedAt()),
        moment(file.determinationDueAt()), file.prescreen() == null ? null : file.prescreen().criteriaVersion(),
        file.prescreen() == null ? List.of() : file.prescreen().unmetCriteria(),
        decided == null ? null : decided.outcome().name(), decided == null ? null : decided.decidedBy(),
        decided == null ? null : moment(decided.decidedAt()),
        decided == null ? List.of() : decided.approvedLevels(),
        file.appeal().map(a -> a.open() ? "open, due " + moment(a.dueAt())
            : a.closedWithoutDecision() ? "closed without a decision" : a.outcome().name()).orElse(null),
        procedure.map(ProcedureFile::schedule).map(s -> s.scheduledDate().toString()).orElse(null),
        procedure.map(ProcedureFile::schedule).map(s -> List.copyOf(s.deferredToPcp())).orElse(List.of()),
        procedure.map(ProcedureFile::record).map(r -> r.procedureDate().toString()).orElse(null),
        procedure.map(ProcedureFile::findings).map(ProcedureFile.Findings::codes).orElse(List.of()),
        procedure.map(ProcedureFile::findings).map(ProcedureFile.Findings::codes).orElse(List.of()).stream()
            .map(code -> PaymentFinding.ofCode(code).map(f -> f.plainLanguage(terms)).orElse(code)).toList(),
        documents.of(file.caseId()).stream().map(d -> new Document(d.fileName(), d.kind().label(),
            moment(d.uploadedAt()))).toList(),
        followUps.of(file.caseId()).stream().map(this::row).toList(),
        notices.sentFor(file.caseId()).stream().map(n -> new Notice(n.kind(), n.to(), moment(n.sentAt()))).toList(),
        file.closure() == null ? null : file.closure().outcomeSummary(),
        timeline.of(file.caseId()).orElse(List.of()).stream().map(e -> new TimelineEntry(
            e.at() == null ? null : e.at().toString(), e.actor(), e.event(), e.detail())).toList());
  }

  private FollowUpRow row(FollowUp f) {
    FollowUp.Scores s = f.scores();
    return new FollowUpRow(f.milestone().name(), f.dueDate().toString(), f.statusOn(calendar.today()).name(),
        f.deferredToPcp(),
        s == null ? null : s.contactMethod().name(), s == null ? null : s.painScore(),
        s == null ? null : s.comfortScore(), s == null ? null : s.activityScore());
  }

  private String moment(Instant instant) {
    return instant == null ? null : instant.atZone(calendar.zone()).toOffsetDateTime().toString();
  }
}
