package com.healthplan.va.fhir;

import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.input.FieldError;
import com.healthplan.va.input.InvalidCaseInputException;
import com.healthplan.va.intake.CaseIntakeService;
import com.healthplan.va.intake.IntakeValidator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens a case for a PAS request through the case API's own intake service (the same validation, case id,
 * prescreen and lifecycle), once per request: the same system sending the same bundle identifier again gets the case
 * it opened the first time, and the same identifier with other content is refused. The case and the record of who
 * submitted it commit together, so two simultaneous resubmissions cannot open two cases.
 */
@Service
class PasSubmissions {

  private final CaseIntakeService intake;
  private final IntakeValidator validator;
  private final PasSubmissionRepository submissions;
  private final TransactionTemplate transaction;
  private final ObjectMapper json;
  private final PlanCalendar calendar;

  PasSubmissions(CaseIntakeService intake, IntakeValidator validator, PasSubmissionRepository submissions,
      TransactionTemplate transaction, ObjectMapper json, PlanCalendar calendar) {
    this.intake = intake;
    this.validator = validator;
    this.submissions = submissions;
    this.transaction = transaction;
    this.json = json;
    this.calendar = calendar;
  }

  /** The case a request opened now ({@code created}) or when it was first submitted. */
  record Submitted(PasSubmission submission, boolean created) {
  }

  /** Checks the request against the intake's rules, adding every refusal to the issues, then opens its case. */
  Submitted submit(String submittedBy, PasRequest request, FhirIssues issues) {
    try {
      validator.validate(request.submission());
    } catch (InvalidCaseInputException e) {
      addAll(issues, request, e);
    }
    issues.throwIfAny();
    String digest = digest(request.submission());
    var earlier = submissions.find(submittedBy, request.identifierSystem(), request.identifierValue());
    if (earlier.isPresent()) {
      return new Submitted(same(earlier.get(), digest), false);
    }
    try {
      return transaction.execute(status -> {
        String caseId = intake.open(request.submission());
        PasSubmission submission = new PasSubmission(submittedBy, request.identifierSystem(),
            request.identifierValue(), caseId, digest, request.claimIdentifier(), request.items(), calendar.now());
        submissions.insert(submission);
        return new Submitted(submission, true);
      });
    } catch (DuplicateKeyException concurrent) {
      // the same request arrived twice at once: the other one opened the case, this one's start was rolled back
      PasSubmission first = submissions.find(submittedBy, request.identifierSystem(), request.identifierValue())
          .orElseThrow(() -> concurrent);
      return new Submitted(same(first, digest), false);
    } catch (InvalidCaseInputException e) {
      FhirIssues refused = new FhirIssues();
      addAll(refused, request, e);
      refused.throwIfAny();
      throw e;
    }
  }

  private static PasSubmission same(PasSubmission earlier, String digest) {
    if (!earlier.contentDigest().equals(digest)) {
      throw new ResourceVersionConflictException("This bundle identifier was used before for a request with other "
          + "content.", new FhirIssues().add("Bundle.identifier", "This bundle identifier was used before, for "
          + "request " + earlier.caseId() + ", with other content. A changed or new request needs a new "
          + "identifier; to read the earlier request's status, use Claim/$inquire.").outcome());
    }
    return earlier;
  }

  private static void addAll(FhirIssues issues, PasRequest request, InvalidCaseInputException refusal) {
    for (FieldError error : refusal.errors()) {
      issues.add(request.elements().getOrDefault(error.field(), "Claim"), error.message(), error.field(),
          OperationOutcome.IssueType.INVALID);
    }
  }

  /** The request's content as the intake reads it, independent of the bundle's layout, ids and timestamps. */
  private String digest(Map<String, Object> submission) {
    try {
      byte[] canonical = json.writeValueAsString(new TreeMap<>(submission)).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot digest a request", e);
    }
  }
}
