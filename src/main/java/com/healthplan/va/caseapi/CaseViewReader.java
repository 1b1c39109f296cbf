package com.healthplan.va.caseapi;

import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.documents.CaseDocuments;
import com.healthplan.va.notification.NoticeMailer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Reads a case from its case file, the sent-mail ledger and its documents (never their content): open and finished
 * cases alike, three queries.
 */
@Component
class CaseViewReader {

  private final CaseRepository cases;
  private final NoticeMailer notices;
  private final CaseDocuments documents;
  private final PlanCalendar calendar;

  CaseViewReader(CaseRepository cases, NoticeMailer notices, CaseDocuments documents, PlanCalendar calendar) {
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
        decided.unmetCriteria());
    CaseFile.Prescreen prescreen = file.prescreen();
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
        determination,
        sent,
        caseDocuments);
  }

  private OffsetDateTime moment(Instant instant) {
    return instant == null ? null : instant.atZone(calendar.zone()).toOffsetDateTime();
  }
}
