package com.healthplan.va.caseapi;

import com.healthplan.va.casefile.CaseConflictException;
import com.healthplan.va.documents.DocumentRefusedException;
import com.healthplan.va.documents.UnknownCaseException;
import com.healthplan.va.input.FieldError;
import com.healthplan.va.input.InvalidCaseInputException;
import com.healthplan.va.input.RefusedInput;
import com.healthplan.va.security.ApiCaller;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.healthplan.va.notification.NoticeSettlements;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Errors of the case API (cases and their documents) as RFC 9457 problem details ({@code application/problem+json})
 * with an {@code errors} array naming each refused field. Multipart uploads are parsed lazily
 * ({@code spring.servlet.multipart.resolve-lazily}), so an upload over the limit reaches this handler too.
 */
@RestControllerAdvice(assignableTypes = {CaseController.class, CaseDocumentController.class, ReportController.class,
    NoticeSettlementController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class CaseApiProblems {

  private static final Logger LOG = LoggerFactory.getLogger(CaseApiProblems.class);
  private static final String TYPE_BASE = "https://healthplan.example/problems/";

  @ExceptionHandler(InvalidCaseInputException.class)
  ProblemDetail invalidInput(InvalidCaseInputException e) {
    LOG.warn("Refused case API input: fields {}", RefusedInput.fieldsOf(e));
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-case-input", "Invalid case input",
        e.errors().size() == 1 ? "One field is invalid; nothing was created."
            : e.errors().size() + " fields are invalid; nothing was created.");
    problem.setProperty("errors", e.errors());
    return problem;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-case-input", "Invalid case input",
        "The request body is not a JSON object; nothing was created.");
    problem.setProperty("errors", List.of(Map.of("field", "body",
        "message", "The request body must be one JSON object holding the intake fields.")));
    return problem;
  }

  @ExceptionHandler(DocumentRefusedException.class)
  ProblemDetail documentRefused(DocumentRefusedException e) {
    List<String> fields = e.errors().stream().map(FieldError::field).toList();
    LOG.warn("Refused document upload: fields {}", fields);
    if (e.tooLarge()) {
      return tooLarge(e.errors());
    }
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-document", "Document refused",
        e.errors().size() == 1 ? e.errors().get(0).message()
            : e.errors().size() + " parts are invalid; nothing was stored.");
    problem.setProperty("errors", e.errors());
    return problem;
  }

  /** Over {@code spring.servlet.multipart.max-file-size} or {@code max-request-size}, found while parsing. */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ProblemDetail uploadTooLarge(MaxUploadSizeExceededException e) {
    if (partHeaderTooLong(e)) {
      // the servlet container reports a part header over its limit as a size limit too: the file's name
      LOG.warn("Refused document upload: fields [file] (file name too long)");
      ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-document", "Document refused",
          "The file name is too long; nothing was stored.");
      problem.setProperty("errors", List.of(new FieldError("file", "The file name is too long: shorten it to at "
          + "most " + com.healthplan.va.documents.FileNames.MAX_LENGTH + " characters and upload it again.")));
      return problem;
    }
    LOG.warn("Refused document upload: fields [file] (over the multipart size limit)");
    return tooLarge(DocumentRefusedException.fileTooLarge().errors());
  }

  @ExceptionHandler(MultipartException.class)
  ProblemDetail unreadableUpload(MultipartException e) {
    LOG.warn("Refused document upload: the multipart body could not be read");
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-document", "Document refused",
        "The request is not a readable multipart/form-data upload; nothing was stored.");
    problem.setProperty("errors", List.of(new FieldError("body",
        "Send the document as multipart/form-data with the parts file and kind.")));
    return problem;
  }

  private static boolean partHeaderTooLong(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && cause.getMessage().startsWith("Header section has more than")) {
        return true;
      }
    }
    return false;
  }

  private static ProblemDetail tooLarge(List<FieldError> errors) {
    ProblemDetail problem = problem(HttpStatus.PAYLOAD_TOO_LARGE, "document-too-large", "Document too large",
        errors.get(0).message());
    problem.setProperty("errors", errors);
    return problem;
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
        "Send the case as application/json.");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ProblemDetail method(HttpRequestMethodNotSupportedException e) {
    return problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
        "The case API supports POST /api/cases, GET /api/cases/{caseId}, GET /api/cases/{caseId}/timeline, "
            + "PUT /api/cases/{caseId}/procedure, POST and GET /api/cases/{caseId}/documents and "
            + "GET /api/cases/{caseId}/documents/{documentId}.");
  }

  @ExceptionHandler({CaseNotFoundException.class, UnknownCaseException.class})
  ProblemDetail notFound(RuntimeException e) {
    return problem(HttpStatus.NOT_FOUND, "case-not-found", "Case not found", "There is no case with this id.");
  }

  @ExceptionHandler(NoticeSettlements.UnknownNoticeException.class)
  ProblemDetail noticeNotFound(NoticeSettlements.UnknownNoticeException e) {
    return problem(HttpStatus.NOT_FOUND, "notice-not-found", "Notice not found",
        "There is no notice with this Message-ID.");
  }

  @ExceptionHandler(NoticeSettlements.AlreadySentException.class)
  ProblemDetail noticeAlreadySent(NoticeSettlements.AlreadySentException e) {
    return problem(HttpStatus.CONFLICT, "notice-already-sent", "Notice already sent", e.getMessage());
  }

  @ExceptionHandler(DocumentNotFoundException.class)
  ProblemDetail documentNotFound(DocumentNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "document-not-found", "Document not found",
        "The case has no document with this id.");
  }

  @ExceptionHandler({ApiCaller.RoleRequiredException.class, AuthorizationException.class})
  ProblemDetail forbidden(RuntimeException e) {
    return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your account has no role for this.");
  }

  @ExceptionHandler(CaseConflictException.class)
  ProblemDetail conflict(CaseConflictException e) {
    return problem(HttpStatus.CONFLICT, "case-state-conflict", "Not possible in the case's current state",
        e.getMessage());
  }

  /** Two changes of one case at the same moment: the engine let one through and rolled the other back. */
  @ExceptionHandler(OptimisticLockingException.class)
  ProblemDetail concurrentChange(OptimisticLockingException e) {
    return problem(HttpStatus.CONFLICT, "concurrent-change", "Changed at the same time",
        "The case was changed by someone else at the same moment; nothing was saved. Reload it and try again.");
  }

  @ExceptionHandler(TransfersBusyException.class)
  ResponseEntity<ProblemDetail> busy(TransfersBusyException e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
        .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Busy",
            "Too many documents are being transferred right now; try again in a few seconds."));
  }

  @ExceptionHandler(RuntimeException.class)
  ProblemDetail unexpected(RuntimeException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidCaseInputException refused) {
        return invalidInput(refused); // refused inside the engine, wrapped by it
      }
    }
    LOG.error("Case API request failed", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
        "The request could not be completed; nothing was changed.");
  }

  private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + type));
    problem.setTitle(title);
    return problem;
  }
}
