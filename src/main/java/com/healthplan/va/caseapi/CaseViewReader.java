package com.healthplan.va.caseapi;

import com.healthplan.va.casefile.Appeal;
import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseLifecycle;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.DeterminationOutcome;
import com.healthplan.va.casefile.DeterminationRound;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.documents.CaseDocuments;
import com.healthplan.va.followup.FollowUp;
import com.healthplan.va.followup.FollowUpRepository;
import com.healthplan.va.notification.NoticeMailer;
import com.healthplan.va.notification.SentNotice;
import com.healthplan.va.procedure.ProcedureFile;
import com.healthplan.va.procedure.ProcedureRecord;
import com.healthplan.va.procedure.ProcedureRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Reads a case from its case file (with every determination round and appeal), its procedure phase, the sent-mail
 * ledger and its documents (never their content): open and finished cases alike. Follow-up statuses are those of
 * the plan's calendar today; every promise (appeal until, valid through) is the case lifecycle's.
 */
@Component
class CaseViewReader {

  /** The notices of a decision carry their round as the sequence of their Message-ID. */
  private static final Set<String> ROUND_NOTICE_KINDS = Set.of("DETERMINATION_APPROVED", "DETERMINATION_DENIED",
      "CLOSED_INCOMPLETE", "APPEAL_OVERTURNED", "APPEAL_UPHELD", "MEMBER_APPROVED", "MEMBER_DENIED",
      "MEMBER_CLOSED_INCOMPLETE", "MEMBER_APPEAL_OVERTURNED", "MEMBER_APPEAL_UPHELD");
  private static final Pattern SEQUENCE = Pattern.compile("\\.([0-9]+)@");

  private final CaseRepository cases;
  private final CaseLifecycle lifecycle;
  private final NoticeMailer notices;
  private final CaseDocuments documents;
  private final PlanCalendar calendar;
  private final ProcedureRepository procedures;
  private final FollowUpRepository followUpRepository;

  CaseViewReader(CaseRepository cases, CaseLifecycle lifecycle, NoticeMailer notices, CaseDocuments documents,
      PlanCalendar calendar, ProcedureRepository procedures, FollowUpRepository followUpRepository) {
    this.cases = cases;
    this.lifecycle = lifecycle;
    this.notices = notices;
    this.documents = documents;
    this.calendar = calendar;
    this.procedures = procedures;
    this.followUpRepository = followUpRepository;
  }

  Optional<CaseView> find(String caseId) {
    return cases.find(caseId).map(this::view);
  }

  private CaseView view(CaseFile file) {
    CaseFile.InformationRequest request = file.informationRequest();
    CaseView.InformationRequest informationRequest = request == null ? null
        : new CaseView.InformationRequest(request.count(), moment(request.dueAt()));
    CaseFile.Prescreen prescreen = file.prescreen();
    Optional<ProcedureFile> procedure = procedures.find(file.caseId());
    List<SentNotice> sent = notices.sentFor(file.caseId());
    List<CaseView.Document> caseDocuments = documents.of(file.caseId()).stream()
        .map(d -> new CaseView.Document(d.documentId(), d.kind().name(), d.fileName(), d.mediaType(),
            d.sizeBytes(), moment(d.uploadedAt()))).toList();
    DeterminationRound current = file.currentRound();
    return new CaseView(
        file.caseId(),
        file.status().name(),
        file.intake(),
        moment(file.receivedAt()),
        moment(file.determinationDueAt()),
        prescreen == null ? new CaseView.Prescreen(false, List.of())
            : new CaseView.Prescreen(prescreen.meetsCriteria(), prescreen.unmetCriteria()),
        prescreen == null ? null : prescreen.criteriaVersion(),
        informationRequest,
        extension(current.extension()),
        file.latestDecidedRound().map(this::determination).orElse(null),
        file.rounds().stream().map(round -> round(round, sent)).toList(),
        file.appeal().map(this::appeal).orElse(null),
        current.opening() == DeterminationRound.Opening.APPROVAL_LAPSED && !current.decided()
            ? new CaseView.ReturnedToReview(current.criteriaAsOf(), current.openingReason()) : null,
        procedure.map(p -> documentation(p.documentation())).orElse(null),
        procedure.map(p -> schedule(p.schedule())).orElse(null),
        procedure.map(this::procedure).orElse(null),
        procedure.map(p -> withdrawal(p.withdrawal())).orElse(null),
        followUps(file.caseId()),
        file.closure() == null ? null
            : new CaseView.Outcome(moment(file.closure().closedAt()), file.closure().outcomeSummary()),
        sent.stream().map(this::notice).toList(),
        caseDocuments);
  }

  /** The latest decision in the contract's shape: an approval with modifications is an approval of its levels. */
  private CaseView.Determination determination(DeterminationRound round) {
    DeterminationRound.Decision d = round.decision();
    String outcome = d.outcome() == DeterminationOutcome.APPROVED_WITH_MODIFICATIONS ? DeterminationOutcome.APPROVED.name()
        : d.outcome().name();
    return new CaseView.Determination(outcome, d.decidedBy(), moment(d.decidedAt()), d.rationale(), d.unmetCriteria(),
        d.approvedLevels(), d.conditions(), d.overriddenCriteria(), round.number(), d.validThrough());
  }

  private CaseView.Round round(DeterminationRound round, List<SentNotice> sent) {
    DeterminationRound.Decision d = round.decision();
    List<CaseView.Notice> ofRound = sent.stream().filter(n -> ROUND_NOTICE_KINDS.contains(n.kind())
        && sequenceOf(n.messageId()) == round.number()).map(this::notice).toList();
    LocalDate appealUntil = d == null || d.approvedInFull() ? null
        : lifecycle.lastDayToAppeal(d);
    return new CaseView.Round(round.number(), d == null ? null : d.outcome().name(), d == null ? null : d.decidedBy(),
        d == null ? null : moment(d.decidedAt()), d == null ? null : d.validThrough(),
        d == null ? List.of() : d.approvedLevels(), d == null ? List.of() : d.unmetCriteria(),
        round.appeal() == null ? null : appeal(round.appeal()), ofRound, round.opening().name(),
        round.openingReason(), moment(round.openedAt()), round.criteriaAsOf(), moment(round.dueAt()),
        extension(round.extension()), d == null ? null : d.rationale(),
        d == null ? List.of() : d.notApprovedLevels(), d == null ? null : d.conditions(),
        d == null ? List.of() : d.overriddenCriteria(), appealUntil);
  }

  private CaseView.Appeal appeal(Appeal a) {
    return new CaseView.Appeal(moment(a.receivedAt()), moment(a.dueAt()), a.outcome() == null ? null : a.outcome().name(),
        a.decidedBy(), moment(a.decidedAt()), a.rationale(), a.requestedBy().name(), a.reason(), a.urgency().name(),
        a.appealedLevels(), a.approvalValidThrough(), moment(a.closedAt()), a.closedReason());
  }

  private CaseView.Extension extension(DeterminationRound.Extension e) {
    return e == null ? null : new CaseView.Extension(e.days(), e.reason(), e.extendedBy(), moment(e.extendedAt()),
        moment(e.originalDueAt()));
  }

  private CaseView.Notice notice(SentNotice n) {
    return new CaseView.Notice(n.kind(), n.to(), moment(n.sentAt()), n.messageId());
  }

  private static int sequenceOf(String messageId) {
    Matcher matcher = SEQUENCE.matcher(messageId == null ? "" : messageId);
    return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
  }

  private CaseView.Documentation documentation(ProcedureFile.Documentation d) {
    return new CaseView.Documentation(d.confirmed(), d.missing(), moment(d.reviewedAt()), d.reviewedBy(),
        d.requestCount(), moment(d.requestedAt()), moment(d.dueAt()));
  }

  private CaseView.Schedule schedule(ProcedureFile.Schedule s) {
    return s == null ? null : new CaseView.Schedule(s.facilityName(), s.scheduledDate(), s.setting().name(),
        s.inpatientJustification(), s.deferredToPcp(), s.scheduledBy(), moment(s.scheduledAt()));
  }

  private CaseView.Procedure procedure(ProcedureFile file) {
    ProcedureRecord r = file.record();
    if (r == null) {
      return null;
    }
    ProcedureFile.Findings f = file.findings();
    CaseView.FindingsResolution resolution = f == null || f.resolvedAt() == null ? null
        : new CaseView.FindingsResolution(f.resolvedByDocument(), f.note(), f.resolvedBy(), moment(f.resolvedAt()));
    return new CaseView.Procedure(r.procedureDate(), r.levelsTreated(), r.imagingGuidance().name(),
        r.trocarPlacementImagesRetained(), r.finalVertebralBodyImagesRetained(), r.operativeNarrativeReceived(),
        r.openSpineProcedureSameSession(), r.biopsyLevels(), r.earlyProcedureRationale(), r.recordedBy(),
        moment(r.recordedAt()), f == null ? List.of() : f.codes(), f == null ? null : f.paymentLimitsVersion(),
        resolution);
  }

  /** The follow-ups, their status as of today in the plan's calendar (past the due day is overdue). */
  private List<CaseView.FollowUp> followUps(String caseId) {
    List<FollowUp> all = followUpRepository.of(caseId);
    LocalDate today = calendar.today();
    return all.isEmpty() ? null : all.stream().map(f -> new CaseView.FollowUp(f.milestone().name(), f.dueDate(),
        f.statusOn(today).name(), f.deferredToPcp(), moment(f.completedAt()),
        f.scores() == null ? null : f.scores().contactMethod().name(),
        f.scores() == null ? null : f.scores().painScore(), f.scores() == null ? null : f.scores().comfortScore(),
        f.scores() == null ? null : f.scores().activityScore(), f.scores() == null ? null : f.scores().note(),
        f.recordedBy(), moment(f.pcpRequestedAt()), f.pcpReminders(), moment(f.pcpAcknowledgedAt()))).toList();
  }

  private CaseView.Withdrawal withdrawal(ProcedureFile.Withdrawal w) {
    return w == null ? null : new CaseView.Withdrawal(w.reason(), w.withdrawnBy(), moment(w.withdrawnAt()));
  }

  private OffsetDateTime moment(Instant instant) {
    return instant == null ? null : instant.atZone(calendar.zone()).toOffsetDateTime();
  }
}
