package com.healthplan.va.documents;

import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.input.FieldError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * Stores a document uploaded to a case: checks the case, the size, the type (from the content) and the kind, then
 * writes it, all in one transaction, so that a returned document is committed and a refused one left nothing.
 * Logs one line per stored document (case, document id, kind, size), never its name or content.
 */
@Service
public class DocumentUploads {

  /** 20 MB: the most a document may hold (the multipart limit of {@code spring.servlet.multipart} is the same). */
  public static final long MAX_BYTES = 20L * 1024 * 1024;
  /** What one case may hold: far more than a case needs, few enough that no caller can fill the disk. */
  static final int MAX_DOCUMENTS_PER_CASE = 100;
  static final long MAX_BYTES_PER_CASE = 500L * 1024 * 1024;
  static final String FILE = "file";
  static final String KIND = "kind";
  static final String TOO_LARGE = "The file is larger than 20 MB";
  static final String EMPTY = "The file is empty";
  static final String WRONG_TYPE = "The file is not " + DocumentType.ACCEPTED;

  private static final Logger LOG = LoggerFactory.getLogger(DocumentUploads.class);

  private final DocumentRepository documents;
  private final CaseRepository cases;
  private final PlanCalendar calendar;
  private final TransactionTemplate transaction;

  DocumentUploads(DocumentRepository documents, CaseRepository cases, PlanCalendar calendar,
      PlatformTransactionManager transactions) {
    this.documents = documents;
    this.cases = cases;
    this.calendar = calendar;
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * Stores the file (which may be missing) as a document of the case, of the kind named (an uploadable
   * {@link DocumentKind}), uploaded by the user; returns it once committed.
   *
   * @throws UnknownCaseException when there is no such case
   * @throws DocumentRefusedException when the file is missing, empty, over 20 MB or of no accepted type, or the
   *     kind is missing, unknown or not uploadable
   */
  public DocumentSummary upload(String caseId, String kindName, MultipartFile file, String uploadedBy) {
    DocumentSummary stored = transaction.execute(status -> {
      if (!cases.exists(caseId)) {
        throw new UnknownCaseException();
      }
      if (file != null && file.getSize() > MAX_BYTES) {
        throw DocumentRefusedException.fileTooLarge();
      }
      List<FieldError> errors = new ArrayList<>();
      byte[] content = file == null ? new byte[0] : read(file);
      Optional<DocumentType> type = Optional.empty();
      if (content.length == 0) {
        errors.add(new FieldError(FILE, EMPTY));
      } else if (content.length > MAX_BYTES) {
        throw DocumentRefusedException.fileTooLarge();
      } else {
        type = DocumentType.of(content);
        if (type.isEmpty()) {
          errors.add(new FieldError(FILE, WRONG_TYPE));
        }
      }
      long[] held = documents.countAndBytes(caseId);
      if (held[0] >= MAX_DOCUMENTS_PER_CASE || held[1] + content.length > MAX_BYTES_PER_CASE) {
        errors.add(new FieldError(FILE, "This case already holds as many documents as it may (at most "
            + MAX_DOCUMENTS_PER_CASE + " documents, " + MAX_BYTES_PER_CASE / (1024 * 1024) + " MB in all)"));
      }
      Optional<DocumentKind> kind = kind(kindName, errors);
      if (!errors.isEmpty()) {
        throw DocumentRefusedException.of(errors);
      }
      DocumentSummary document = new DocumentSummary(UUID.randomUUID().toString(), caseId, kind.orElseThrow(),
          FileNames.sanitize(file.getOriginalFilename()), type.orElseThrow().mediaType(), content.length,
          sha256(content), uploadedBy, calendar.now().truncatedTo(ChronoUnit.MICROS));
      documents.insert(document, content);
      return document;
    });
    LOG.info("Stored document {} of case {}: kind {}, {} bytes", stored.documentId(), stored.caseId(),
        stored.kind(), stored.sizeBytes());
    return stored;
  }

  private static Optional<DocumentKind> kind(String name, List<FieldError> errors) {
    Optional<DocumentKind> kind = DocumentKind.named(name);
    String choices = DocumentKind.uploadableKinds().stream().map(DocumentKind::name)
        .collect(Collectors.joining(", "));
    if (kind.isEmpty()) {
      errors.add(new FieldError(KIND, (name == null || name.isBlank() ? "The kind of document is missing"
          : "The kind of document is unknown") + "; kind must be one of " + choices));
    } else if (!kind.get().uploadable()) {
      errors.add(new FieldError(KIND, "Member notices are written by the application and cannot be uploaded; "
          + "kind must be one of " + choices));
      return Optional.empty();
    }
    return kind;
  }

  private static byte[] read(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read an uploaded file", e);
    }
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
