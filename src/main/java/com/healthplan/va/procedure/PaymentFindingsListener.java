package com.healthplan.va.procedure;

import static com.healthplan.va.casefile.CaseVariables.PAYMENT_FINDINGS_NOTE;

import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.security.TaskSubmission;
import com.healthplan.va.documents.CaseDocuments;
import com.healthplan.va.documents.DocumentKind;
import com.healthplan.va.documents.DocumentSummary;
import com.healthplan.va.input.SubmittedValues;
import com.healthplan.va.security.CaseRoles;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "Resolve payment findings": a documentation gap is resolved by recording the document on
 * the case (images retained, the operative narrative); every other finding is acknowledged with the coordinator's
 * note, which is required. What was resolved how is stored on the case.
 */
@Component("paymentFindingsResolved")
class PaymentFindingsListener implements TaskListener {

  /** The findings a document settles, and the kind of document that settles each. */
  static final Map<PaymentFinding, DocumentKind> RESOLVED_BY_DOCUMENT = Map.of(
      PaymentFinding.PLACEMENT_IMAGES_NOT_RETAINED, DocumentKind.PROCEDURE_IMAGES,
      PaymentFinding.FINAL_IMAGES_NOT_RETAINED, DocumentKind.PROCEDURE_IMAGES,
      PaymentFinding.NO_OPERATIVE_NARRATIVE, DocumentKind.OPERATIVE_NARRATIVE);

  private final ProcedureRepository procedures;
  private final CaseDocuments documents;
  private final PlanCalendar calendar;

  PaymentFindingsListener(ProcedureRepository procedures, CaseDocuments documents, PlanCalendar calendar) {
    this.procedures = procedures;
    this.documents = documents;
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskSubmission submission = TaskSubmission.of(task, CaseRoles.COORDINATORS, PAYMENT_FINDINGS_NOTE,
        "Only a follow-up coordinator may resolve payment findings.");
    SubmittedValues in = submission.in();
    String caseId = submission.caseId();
    ProcedureFile file = procedures.get(caseId);
    List<String> byDocument = resolvedByDocument(file);
    // a note acknowledges what no document settles; when documents settle every finding it is optional
    String note = in.note(PAYMENT_FINDINGS_NOTE, "Note on the findings",
        byDocument.size() < file.findings().codes().size());
    submission.errors().throwIfAny();
    procedures.resolvePaymentFindings(caseId, note, byDocument, submission.user().userId(), calendar.now());
  }

  /** The findings settled by a document of the right kind uploaded on or after the day of the procedure. */
  private List<String> resolvedByDocument(ProcedureFile file) {
    Instant performed = file.record().procedureDate().atStartOfDay(calendar.zone()).toInstant();
    Set<DocumentKind> recorded = documents.of(file.caseId()).stream()
        .filter(document -> !document.uploadedAt().isBefore(performed))
        .map(DocumentSummary::kind).collect(Collectors.toSet());
    return file.findings().codes().stream()
        .filter(code -> recorded.contains(RESOLVED_BY_DOCUMENT.get(PaymentFinding.valueOf(code))))
        .toList();
  }
}
