package com.healthplan.va.caseapi;

import com.healthplan.va.appeal.AppealRepository;
import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.documents.CaseDocuments;
import com.healthplan.va.followup.FollowUp;
import com.healthplan.va.followup.FollowUpRepository;
import com.healthplan.va.notification.NoticeMailer;
import com.healthplan.va.procedure.ProcedureFile;
import com.healthplan.va.procedure.ProcedureRecord;
import com.healthplan.va.procedure.ProcedureRepository;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Reads a case from its case file, its procedure phase, the sent-mail ledger and its documents (never their
 * content): open and finished cases alike, six queries.
 */
@Component
class CaseViewReader {

  private final CaseRepository cases;
  private final NoticeMailer notices;
  private final CaseDocuments documents;
  private final PlanCalendar calendar;
  private final ProcedureRepository procedures;
  private final FollowUpRepository followUpRepository;
  private final AppealRepository appeals;

  CaseViewReader(CaseRepository cases, NoticeMailer notices, CaseDocuments documents, PlanCalendar calendar,
      ProcedureRepository procedures, FollowUpRepository followUpRepository, AppealRepository appeals) {
    this.appeals = appeals;
    this.followUpRepository = followUpRepository;
    this.procedures = procedures;
    this.cases = cases;
    this.notices = notices;
    this.documents = documents;
    this.calendar = calendar;
  }

  Optional<CaseView> find(String caseId) {
    return cases.find(caseId).map(this::view);
  }

  private CaseView view(CaseFile file) {
    CaseFile.InformationRequest request = file.informationRequest();
    CaseView.InformationRequest informationRequest = request == null ? null
        : new CaseView.InformationRequest(request.count(), moment(request.dueAt()));
    CaseFile.Determination decided = file.determination();
    CaseView.Determination determination = decided == null ? null : new CaseView.Determination(
        decided.outcome(), decided.decidedBy(), moment(decided.decidedAt()), decided.rationale(),
        decided.unmetCriteria(), decided.approvedLevels(), decided.conditions(), decided.overriddenCriteria());
    CaseFile.Prescreen prescreen = file.prescreen();
    Optional<ProcedureFile> procedure = procedures.find(file.caseId());
    List<CaseView.Notice> sent = notices.sentFor(file.caseId()).stream()
        .map(n -> new CaseView.Notice(n.kind(), n.to(), moment(n.sentAt()), n.messageId())).toList();
    List<CaseView.Document> caseDocuments = documents.of(file.caseId()).stream()
        .map(d -> new CaseView.Document(d.documentId(), d.kind().name(), d.fileName(), d.mediaType(),
            d.sizeBytes(), moment(d.uploadedAt()))).toList();
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
        file.extension() == null ? null : new CaseView.Extension(file.extension().days(), file.extension().reason(),
            file.extension().extendedBy(), moment(file.extension().extendedAt()),
            moment(file.extension().originalDueAt())),
        determination,
        appeals.find(file.caseId()).map(a -> new CaseView.Appeal(moment(a.receivedAt()), moment(a.dueAt()),
            a.outcome() == null ? null : a.outcome().name(), a.decidedBy(), moment(a.decidedAt()), a.rationale(),
            a.requestedBy().name(), a.reason(), a.urgency())).orElse(null),
        file.returnedToReview() == null || file.status().isFinal() ? null : new CaseView.ReturnedToReview(
            file.returnedToReview().criteriaAsOf(), file.returnedToReview().reason()),
        procedure.map(p -> documentation(p.documentation())).orElse(null),
        procedure.map(p -> schedule(p.schedule())).orElse(null),
        procedure.map(this::procedure).orElse(null),
        procedure.map(p -> withdrawal(p.withdrawal())).orElse(null),
        followUps(file.caseId()),
        file.closure() == null ? null
            : new CaseView.Outcome(moment(file.closure().closedAt()), file.closure().outcomeSummary()),
        sent,
        caseDocuments);
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

  private List<CaseView.FollowUp> followUps(String caseId) {
    List<FollowUp> all = followUpRepository.of(caseId);
    return all.isEmpty() ? null : all.stream().map(f -> new CaseView.FollowUp(f.milestone().name(), f.dueDate(),
        f.status().name(), f.deferredToPcp(), moment(f.completedAt()),
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
