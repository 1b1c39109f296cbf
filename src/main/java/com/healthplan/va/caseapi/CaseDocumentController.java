package com.healthplan.va.caseapi;

import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.documents.CaseDocumentCopies;
import com.healthplan.va.documents.CaseDocuments;
import com.healthplan.va.documents.DocumentContent;
import com.healthplan.va.documents.DocumentSummary;
import com.healthplan.va.documents.DocumentUploads;
import com.healthplan.va.security.ApiCaller;
import com.healthplan.va.security.CaseRoles;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Documents of a case: upload (multipart parts {@code file} and {@code kind}), list, download. Nurses,
 * coordinators and administrators upload; every case role reads. The type is decided from the content; the
 * download is always an attachment the browser must not sniff.
 */
@RestController
@RequestMapping("/api/cases/{caseId}/documents")
class CaseDocumentController {

  private static final Pattern DOCUMENT_ID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  /** Who may add documents: medical directors read them only. */
  private static final List<String> UPLOAD_ROLES =
      List.of(CaseRoles.NURSES, CaseRoles.COORDINATORS, CaseRoles.ADMINISTRATORS);

  /**
   * Uploads and downloads hold a whole document (up to 20 MB) in memory: at most this many at once, so that a
   * burst of requests cannot exhaust the heap.
   */
  static final int MAX_CONCURRENT_TRANSFERS = 8;

  private final Semaphore transfers = new Semaphore(MAX_CONCURRENT_TRANSFERS);
  private final DocumentUploads uploads;
  private final CaseDocuments documents;
  private final CaseRepository cases;
  private final PlanCalendar calendar;
  private final ApiCaller caller;
  private final CaseDocumentCopies copies;

  CaseDocumentController(DocumentUploads uploads, CaseDocuments documents, CaseRepository cases,
      PlanCalendar calendar, ApiCaller caller, CaseDocumentCopies copies) {
    this.copies = copies;
    this.uploads = uploads;
    this.documents = documents;
    this.cases = cases;
    this.calendar = calendar;
    this.caller = caller;
  }

  @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<DocumentView> upload(@PathVariable String caseId,
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "kind", required = false) String kind) {
    caller.requireAnyOf(UPLOAD_ROLES);
    requireCase(caseId);
    DocumentSummary stored = transfer(() -> uploads.upload(caseId, kind, file, caller.userId()));
    copies.refresh(caseId);
    return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/documents/" + stored.documentId()))
        .body(view(stored));
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  List<DocumentView> list(@PathVariable String caseId) {
    caller.requireAnyOf(CaseRoles.ALL);
    requireCase(caseId);
    return documents.of(caseId).stream().map(this::view).toList();
  }

  /**
   * The stored bytes with the stored media type ({@code nosniff}, never cached): as an attachment, or with
   * {@code view=inline} a PDF opened in the browser's viewer to read and print.
   */
  @GetMapping("/{documentId}")
  ResponseEntity<byte[]> download(@PathVariable String caseId, @PathVariable String documentId,
      @RequestParam(name = "view", required = false) String view) {
    caller.requireAnyOf(CaseRoles.ALL);
    requireCase(caseId);
    if (!DOCUMENT_ID.matcher(documentId).matches()) {
      throw new DocumentNotFoundException();
    }
    DocumentContent document = transfer(() -> documents.find(caseId, documentId))
        .orElseThrow(DocumentNotFoundException::new);
    boolean inline = "inline".equals(view) && MediaType.APPLICATION_PDF_VALUE.equals(document.summary().mediaType());
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(document.summary().mediaType()))
        .contentLength(document.content().length)
        .header(HttpHeaders.CONTENT_DISPOSITION, inline ? inline(document.summary().fileName())
            : attachment(document.summary().fileName()))
        .header("X-Content-Type-Options", "nosniff")
        // opened in a browser tab, a document runs no script and reaches nothing of the application; Chromium
        // refuses its PDF viewer in a sandboxed document (and under object-src limits), so a PDF to read is instead
        // kept out of frames: the viewer runs in its own process, without access to the application's pages
        .header("Content-Security-Policy", inline ? "frame-ancestors 'none'" : "sandbox")
        .cacheControl(CacheControl.noStore())
        .body(document.content());
  }

  private <T> T transfer(Supplier<T> work) {
    if (!transfers.tryAcquire()) {
      throw new TransfersBusyException();
    }
    try {
      return work.get();
    } finally {
      transfers.release();
    }
  }

  private void requireCase(String caseId) {
    if (!CaseController.CASE_ID.matcher(caseId).matches() || !cases.exists(caseId)) {
      throw new CaseNotFoundException(caseId);
    }
  }

  private DocumentView view(DocumentSummary document) {
    return new DocumentView(document.documentId(), document.kind().name(), document.fileName(),
        document.mediaType(), document.sizeBytes(), document.sha256(), document.uploadedBy(),
        document.uploadedAt().atZone(calendar.zone()).toOffsetDateTime());
  }

  /**
   * {@code attachment; filename="<name>"}; a name with characters outside printable ASCII (or a quote) gets an
   * ASCII stand-in there and its exact spelling in {@code filename*} (RFC 6266).
   */
  /** Shown in the browser, under the same file name when saved. */
  static String inline(String fileName) {
    return "inline" + attachment(fileName).substring("attachment".length());
  }

  static String attachment(String fileName) {
    StringBuilder ascii = new StringBuilder(fileName.length());
    fileName.chars().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? (char) c : '_'));
    String header = "attachment; filename=\"" + ascii + "\"";
    return ascii.toString().equals(fileName) ? header : header + "; filename*=UTF-8''" + rfc5987(fileName);
  }

  private static String rfc5987(String value) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      boolean attrChar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$&+-.^_`|~".indexOf(c) >= 0;
      if (attrChar) {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format("%02X", b & 0xFF));
      }
    }
    return encoded.toString();
  }
}
