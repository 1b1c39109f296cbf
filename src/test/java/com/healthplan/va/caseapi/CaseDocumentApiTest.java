package com.healthplan.va.caseapi;

import static com.healthplan.va.support.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.healthplan.va.documents.DocumentRefusedException;
import com.healthplan.va.documents.DocumentUploads;
import com.healthplan.va.documents.SampleDocuments;
import com.healthplan.va.support.CaseTestSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Documents of a case over HTTP: types decided by content, the 20 MB limit, refusals that store nothing, who may
 * upload and read, downloads as attachments, the list and the case view.
 */
@ExtendWith(OutputCaptureExtension.class)
class CaseDocumentApiTest extends CaseTestSupport {

  static final String NURSE = basic("nurse1", "nurse1");
  static final String NO_ROLE = basic(NO_ROLE_USER, NO_ROLE_PASSWORD);
  static final int MB_20 = 20 * 1024 * 1024;
  static final String WRONG_TYPE = "The file is not a PDF, PNG, JPEG, TIFF or plain-text document";

  @Autowired DocumentUploads uploads;
  HttpClient client = HttpClient.newHttpClient();
  String caseId;

  @BeforeEach
  void openACase() {
    createUserWithoutRole();
    caseId = intakeService.open(eligibleIntake());
  }

  @Test
  void eachTypeIsDecidedFromTheContentWhateverTheNameAndDeclaredType() throws Exception {
    Map<String, byte[]> contents = Map.of("application/pdf", SampleDocuments.pdf(), "image/png", SampleDocuments.png(),
        "image/jpeg", SampleDocuments.jpeg(), "image/tiff", SampleDocuments.tiff(),
        "text/plain;charset=UTF-8", SampleDocuments.text());
    for (var expected : contents.entrySet()) {
      byte[] content = expected.getValue();
      HttpResponse<String> response = upload(caseId, "OTHER", "upload.bin", "application/octet-stream", content,
          NURSE);

      assertThat(response.statusCode()).as(expected.getKey()).isEqualTo(201);
      JsonNode stored = read(response);
      String documentId = stored.get("documentId").asText();
      assertThat(UUID.fromString(documentId)).isNotNull();
      assertThat(response.headers().firstValue("Location"))
          .hasValue("/api/cases/" + caseId + "/documents/" + documentId);
      assertThat(stored.get("mediaType").asText()).isEqualTo(expected.getKey());
      assertThat(stored.get("kind").asText()).isEqualTo("OTHER");
      assertThat(stored.get("fileName").asText()).isEqualTo("upload.bin");
      assertThat(stored.get("sizeBytes").asLong()).isEqualTo(content.length);
      assertThat(stored.get("sha256").asText()).isEqualTo(sha256(content));
      assertThat(stored.get("uploadedBy").asText()).isEqualTo("nurse1");
      assertThat(OffsetDateTime.parse(stored.get("uploadedAt").asText())).isNotNull();
      assertThat(stored.has("content")).isFalse();

      HttpResponse<byte[]> download = download(caseId, documentId, NURSE);
      assertThat(download.statusCode()).isEqualTo(200);
      assertThat(download.body()).isEqualTo(content);
      assertThat(download.headers().firstValue("Content-Type")).hasValue(expected.getKey());
    }
  }

  @Test
  void aPdfNameWithPngContentIsStoredAsPng() throws Exception {
    HttpResponse<String> response = upload(caseId, "IMAGING_REPORT", "mri-report.pdf", "application/pdf",
        SampleDocuments.png(), NURSE);

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(read(response).get("mediaType").asText()).isEqualTo("image/png");
    assertThat(read(response).get("fileName").asText()).isEqualTo("mri-report.pdf");
  }

  @Test
  void executablesArchivesAndHtmlNamedPdfAreRefusedAndNothingIsStored() throws Exception {
    long before = documentCount();
    for (byte[] content : List.of(SampleDocuments.exe(), SampleDocuments.zip(), SampleDocuments.htmlWithScript(),
        "%PDF".getBytes(StandardCharsets.US_ASCII))) {
      HttpResponse<String> response = upload(caseId, "PAIN_EVALUATION", "evaluation.pdf", "application/pdf",
          content, NURSE);

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      JsonNode problem = read(response);
      assertThat(problem.get("status").asInt()).isEqualTo(400);
      assertThat(problem.get("title").asText()).isEqualTo("Document refused");
      assertThat(problem.get("detail").asText()).isEqualTo(WRONG_TYPE);
      assertThat(problem.get("errors")).hasSize(1);
      assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("file");
      assertThat(problem.get("errors").get(0).get("message").asText()).isEqualTo(WRONG_TYPE);
    }
    assertThat(documentCount()).isEqualTo(before);
  }

  /** Issue 21, finding 8: an overlong file name is refused for its name, not as a file "larger than 20 MB". */
  @Test
  void anOverlongFileNameIsRefusedForItsName() throws Exception {
    long before = documentCount();
    HttpResponse<String> response = upload(caseId, "OTHER", "r".repeat(3000) + ".pdf", "application/pdf",
        SampleDocuments.pdf(), NURSE);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(read(response).get("errors").get(0).get("field").asText()).isEqualTo("file");
    assertThat(read(response).get("errors").get(0).get("message").asText()).containsIgnoringCase("file name");
    assertThat(documentCount()).isEqualTo(before);
  }

  @Test
  void anEmptyOrMissingFileIsRefused() throws Exception {
    long before = documentCount();
    HttpResponse<String> empty = upload(caseId, "OTHER", "empty.pdf", "application/pdf", new byte[0], NURSE);
    HttpResponse<String> missing = send(caseId, new MultipartBody().field("kind", "OTHER"), NURSE);
    HttpResponse<String> notMultipart = http.postJson("/api/cases/" + caseId + "/documents", "{\"kind\":\"OTHER\"}",
        "Authorization", NURSE);

    for (HttpResponse<String> response : List.of(empty, missing, notMultipart)) {
      assertThat(response.statusCode()).isEqualTo(400);
      JsonNode problem = read(response);
      assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("file");
      assertThat(problem.get("errors").get(0).get("message").asText()).isEqualTo("The file is empty");
    }
    assertThat(read(empty).get("detail").asText()).isEqualTo("The file is empty");
    assertThat(documentCount()).isEqualTo(before);
  }

  @Test
  void aBodyThatIsNotReadableMultipartIsRefused() throws Exception {
    long before = documentCount();
    HttpRequest request = HttpRequest.newBuilder(uri("/api/cases/" + caseId + "/documents"))
        .header("Content-Type", "multipart/form-data; boundary=xyz").header("Authorization", NURSE)
        .POST(HttpRequest.BodyPublishers.ofString("--xyz\r\nContent-Disposition: form-data; name=\"file\"; "
            + "filename=\"a.pdf\"\r\n\r\n%PDF-1.7 and no closing boundary"))
        .build();

    HttpResponse<String> response = call(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(read(response).get("errors")).isNotEmpty();
    assertThat(documentCount()).isEqualTo(before);
  }

  @Test
  void exactly20MbIsStored() throws Exception {
    byte[] content = SampleDocuments.pdfOfSize(MB_20);

    HttpResponse<String> response = upload(caseId, "PROCEDURE_IMAGES", "images.pdf", "application/pdf", content,
        NURSE);

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode stored = read(response);
    assertThat(stored.get("sizeBytes").asLong()).isEqualTo(MB_20);
    assertThat(stored.get("sha256").asText()).isEqualTo(sha256(content));
    HttpResponse<byte[]> download = download(caseId, stored.get("documentId").asText(), NURSE);
    assertThat(download.body()).hasSize(MB_20).isEqualTo(content);
  }

  @Test
  void oneByteOver20MbIsRefusedWith413AndNothingIsStored() throws Exception {
    long before = documentCount();

    HttpResponse<String> response = upload(caseId, "PROCEDURE_IMAGES", "images.pdf", "application/pdf",
        SampleDocuments.pdfOfSize(MB_20 + 1), NURSE);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = read(response);
    assertThat(problem.get("status").asInt()).isEqualTo(413);
    assertThat(problem.get("detail").asText()).isEqualTo("The file is larger than 20 MB");
    assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("file");
    assertThat(documentCount()).isEqualTo(before);
  }

  /** The multipart limit answers first; the application checks the size again whatever reaches it. */
  @Test
  void theLimitIsEnforcedInTheApplicationToo() {
    long before = documentCount();
    MockMultipartFile big = new MockMultipartFile("file", "big.pdf", "application/pdf",
        SampleDocuments.pdfOfSize(MB_20 + 1));

    assertThatThrownBy(() -> uploads.upload(caseId, "OTHER", big, "nurse1"))
        .isInstanceOfSatisfying(DocumentRefusedException.class, refused -> {
          assertThat(refused.tooLarge()).isTrue();
          assertThat(refused.errors().get(0).message()).isEqualTo("The file is larger than 20 MB");
        });
    assertThat(documentCount()).isEqualTo(before);
  }

  @Test
  void anUnknownCaseIsNotFoundAndNothingIsStored() throws Exception {
    long before = documentCount();
    for (String id : List.of("VA-1999-000001", "not-a-case-id")) {
      HttpResponse<String> upload = upload(id, "OTHER", "a.pdf", "application/pdf", SampleDocuments.pdf(), NURSE);
      assertThat(upload.statusCode()).as(id).isEqualTo(404);
      assertThat(read(upload).get("title").asText()).isEqualTo("Case not found");
      assertThat(http.get("/api/cases/" + id + "/documents", "Authorization", NURSE).statusCode()).isEqualTo(404);
      assertThat(download(id, UUID.randomUUID().toString(), NURSE).statusCode()).isEqualTo(404);
    }
    assertThat(documentCount()).isEqualTo(before);
  }

  @Test
  void anUnknownOrMissingKindIsRefusedNamingTheChoices() throws Exception {
    long before = documentCount();
    HttpResponse<String> unknown = upload(caseId, "X_RAY", "a.pdf", "application/pdf", SampleDocuments.pdf(), NURSE);
    HttpResponse<String> missing = send(caseId,
        new MultipartBody().file("file", "a.pdf", "application/pdf", SampleDocuments.pdf()), NURSE);

    for (HttpResponse<String> response : List.of(unknown, missing)) {
      assertThat(response.statusCode()).isEqualTo(400);
      JsonNode error = read(response).get("errors").get(0);
      assertThat(error.get("field").asText()).isEqualTo("kind");
      assertThat(error.get("message").asText()).endsWith("kind must be one of PAIN_EVALUATION, PAIN_MANAGEMENT_PLAN, "
          + "HISTORY_AND_PHYSICAL, IMAGING_REPORT, PROCEDURE_IMAGES, OPERATIVE_NARRATIVE, PCP_REPORT, OTHER");
    }
    assertThat(documentCount()).isEqualTo(before);
  }

  @Test
  void everyRefusedPartIsNamedAtOnce() throws Exception {
    HttpResponse<String> response = upload(caseId, "", "a.pdf", "application/pdf", SampleDocuments.exe(), NURSE);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(read(response).get("errors")).extracting(e -> e.get("field").asText()).containsExactly("file", "kind");
  }

  @Test
  void memberNoticesCannotBeUploaded() throws Exception {
    long before = documentCount();

    HttpResponse<String> response = upload(caseId, "MEMBER_NOTICE", "letter.pdf", "application/pdf",
        SampleDocuments.pdf(), basic("demo", "demo"));

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = read(response).get("errors").get(0);
    assertThat(error.get("field").asText()).isEqualTo("kind");
    assertThat(error.get("message").asText()).startsWith("Member notices are written by the application");
    assertThat(documentCount()).isEqualTo(before);
  }

  @Test
  void nursesCoordinatorsAndAdministratorsUploadAndEveryCaseRoleReads() throws Exception {
    List<String> ids = new ArrayList<>();
    for (String user : List.of("nurse1", "coord1", "demo")) {
      HttpResponse<String> response = upload(caseId, "OTHER", user + ".txt", "text/plain", SampleDocuments.text(),
          basic(user, user));
      assertThat(response.statusCode()).as(user).isEqualTo(201);
      assertThat(read(response).get("uploadedBy").asText()).isEqualTo(user);
      ids.add(read(response).get("documentId").asText());
    }
    for (String user : List.of("nurse1", "coord1", "md1", "demo")) {
      assertThat(http.get("/api/cases/" + caseId + "/documents", "Authorization", basic(user, user)).statusCode())
          .as(user).isEqualTo(200);
      assertThat(download(caseId, ids.get(0), basic(user, user)).statusCode()).as(user).isEqualTo(200);
    }
  }

  @Test
  void medicalDirectorsAndUsersWithoutARoleMayNotUploadAndNothingIsStored() throws Exception {
    String documentId = storedDocument(caseId);
    long before = documentCount();

    HttpResponse<String> physician = upload(caseId, "OTHER", "a.pdf", "application/pdf", SampleDocuments.pdf(),
        basic("md1", "md1"));
    HttpResponse<String> noRole = upload(caseId, "OTHER", "a.pdf", "application/pdf", SampleDocuments.pdf(), NO_ROLE);

    for (HttpResponse<String> response : List.of(physician, noRole)) {
      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
    assertThat(http.get("/api/cases/" + caseId + "/documents", "Authorization", NO_ROLE).statusCode())
        .isEqualTo(403);
    HttpResponse<byte[]> download = download(caseId, documentId, NO_ROLE);
    assertThat(download.statusCode()).isEqualTo(403);
    assertThat(new String(download.body(), StandardCharsets.UTF_8)).doesNotContain("%PDF");
    assertThat(documentCount()).isEqualTo(before);
  }

  @Test
  void callersWithoutCredentialsAreUnauthorized() throws Exception {
    String documentId = storedDocument(caseId);
    long before = documentCount();

    assertThat(upload(caseId, "OTHER", "a.pdf", "application/pdf", SampleDocuments.pdf(), null).statusCode())
        .isEqualTo(401);
    assertThat(http.get("/api/cases/" + caseId + "/documents").statusCode()).isEqualTo(401);
    assertThat(download(caseId, documentId, null).statusCode()).isEqualTo(401);
    assertThat(documentCount()).isEqualTo(before);
  }

  @Test
  void aDownloadIsAnAttachmentTheBrowserMustNotSniff() throws Exception {
    String documentId = read(upload(caseId, "PCP_REPORT", "pcp letter.txt", "text/html", SampleDocuments.text(),
        NURSE)).get("documentId").asText();

    HttpResponse<byte[]> download = download(caseId, documentId, NURSE);

    assertThat(download.headers().firstValue("Content-Type")).hasValue("text/plain;charset=UTF-8");
    assertThat(download.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"pcp letter.txt\"");
    assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(download.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(download.headers().firstValue("Content-Length")).hasValue(String.valueOf(SampleDocuments.text().length));
  }

  @Test
  void fileNamesAreSanitized() throws Exception {
    Map<String, String> expected = Map.of(
        "../../etc/passwd.txt", "passwd.txt",
        "C:\\\\Users\\\\nurse\\\\scan.txt", "scan.txt",
        "a".repeat(250), "a".repeat(200),
        "uploads/", "document",
        "x\u202Etxt.exe", "xtxt.exe");
    for (var name : expected.entrySet()) {
      HttpResponse<String> response = upload(caseId, "OTHER", name.getKey(), "text/plain", SampleDocuments.text(),
          NURSE);
      assertThat(response.statusCode()).as(name.getKey()).isEqualTo(201);
      assertThat(read(response).get("fileName").asText()).as(name.getKey()).isEqualTo(name.getValue());
    }
  }

  @Test
  void aNameBeyondAsciiIsOfferedInBothSpellings() throws Exception {
    String documentId = read(upload(caseId, "IMAGING_REPORT", "Röntgen \"Befund\".pdf", "application/pdf",
        SampleDocuments.pdf(), NURSE)).get("documentId").asText();

    HttpResponse<byte[]> download = download(caseId, documentId, NURSE);

    assertThat(download.headers().firstValue("Content-Disposition")).hasValue(
        "attachment; filename=\"R_ntgen _Befund_.pdf\"; filename*=UTF-8''R%C3%B6ntgen%20%22Befund%22.pdf");
  }

  @Test
  void anotherCasesDocumentIsNotFound() throws Exception {
    String otherCase = intakeService.open(eligibleIntake());
    String documentId = storedDocument(otherCase);

    for (String id : List.of(documentId, UUID.randomUUID().toString(), "not-a-document", documentId.toUpperCase())) {
      HttpResponse<byte[]> response = download(caseId, id, NURSE);
      assertThat(response.statusCode()).as(id).isEqualTo(404);
      assertThat(json.readTree(response.body()).get("title").asText()).isEqualTo("Document not found");
    }
    assertThat(download(otherCase, documentId, NURSE).statusCode()).isEqualTo(200);
  }

  @Test
  void theListShowsTheCasesDocumentsNewestFirstWithoutContent() throws Exception {
    String otherCase = intakeService.open(eligibleIntake());
    storedDocument(otherCase);
    List<String> uploaded = new ArrayList<>();
    for (String kind : List.of("PAIN_EVALUATION", "HISTORY_AND_PHYSICAL", "IMAGING_REPORT")) {
      uploaded.add(read(upload(caseId, kind, kind + ".pdf", "application/pdf", SampleDocuments.pdf(), NURSE))
          .get("documentId").asText());
    }

    HttpResponse<String> response = http.get("/api/cases/" + caseId + "/documents", "Authorization", NURSE);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode list = read(response);
    assertThat(list).extracting(d -> d.get("documentId").asText())
        .containsExactly(uploaded.get(2), uploaded.get(1), uploaded.get(0));
    assertThat(list).extracting(d -> d.get("kind").asText())
        .containsExactly("IMAGING_REPORT", "HISTORY_AND_PHYSICAL", "PAIN_EVALUATION");
    JsonNode newest = list.get(0);
    assertThat(newest.fieldNames()).toIterable().containsExactly("documentId", "kind", "fileName", "mediaType",
        "sizeBytes", "sha256", "uploadedBy", "uploadedAt");
    assertThat(newest.get("sha256").asText()).isEqualTo(sha256(SampleDocuments.pdf()));
  }

  @Test
  void theCaseViewListsTheDocuments() throws Exception {
    assertThat(read(http.get("/api/cases/" + caseId, "Authorization", NURSE)).get("documents")).isEmpty();
    JsonNode first = read(upload(caseId, "PAIN_EVALUATION", "eval.pdf", "application/pdf", SampleDocuments.pdf(),
        NURSE));
    JsonNode second = read(upload(caseId, "IMAGING_REPORT", "mri.png", "image/png", SampleDocuments.png(), NURSE));

    JsonNode documents = read(http.get("/api/cases/" + caseId, "Authorization", NURSE)).get("documents");

    assertThat(documents).hasSize(2);
    JsonNode newest = documents.get(0);
    assertThat(newest.fieldNames()).toIterable().containsExactly("documentId", "kind", "fileName", "mediaType",
        "sizeBytes", "uploadedAt");
    assertThat(newest.get("documentId").asText()).isEqualTo(second.get("documentId").asText());
    assertThat(newest.get("kind").asText()).isEqualTo("IMAGING_REPORT");
    assertThat(newest.get("fileName").asText()).isEqualTo("mri.png");
    assertThat(newest.get("mediaType").asText()).isEqualTo("image/png");
    assertThat(newest.get("sizeBytes").asLong()).isEqualTo(SampleDocuments.png().length);
    assertThat(newest.get("uploadedAt").asText()).isEqualTo(second.get("uploadedAt").asText());
    assertThat(documents.get(1).get("documentId").asText()).isEqualTo(first.get("documentId").asText());
  }

  @Test
  void theLogNamesCaseDocumentKindAndSizeButNeverTheFileNameOrContent(CapturedOutput output) throws Exception {
    byte[] content = "Patient Jane Q. Doe, secret content".getBytes(StandardCharsets.UTF_8);
    String documentId = read(upload(caseId, "OTHER", "Jane-Doe-secret-name.txt", "text/plain", content, NURSE))
        .get("documentId").asText();
    upload(caseId, "OTHER", "Jane-Doe-refused-name.pdf", "application/pdf", SampleDocuments.exe(), NURSE);

    assertThat(output.getOut())
        .contains("Stored document " + documentId + " of case " + caseId + ": kind OTHER, " + content.length + " bytes")
        .contains("Refused document upload: fields [file]")
        .doesNotContain("Jane-Doe").doesNotContain("secret content");
  }

  // --- helpers

  String storedDocument(String ofCase) throws Exception {
    HttpResponse<String> response = upload(ofCase, "OTHER", "a.pdf", "application/pdf", SampleDocuments.pdf(),
        NURSE);
    assertThat(response.statusCode()).isEqualTo(201);
    return read(response).get("documentId").asText();
  }

  HttpResponse<String> upload(String ofCase, String kind, String fileName, String contentType, byte[] content,
      String authorization) {
    return send(ofCase, new MultipartBody().file("file", fileName, contentType, content).field("kind", kind),
        authorization);
  }

  HttpResponse<String> send(String ofCase, MultipartBody body, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/cases/" + ofCase + "/documents"))
        .header("Content-Type", body.contentType()).POST(body.publisher());
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return call(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<byte[]> download(String ofCase, String documentId, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/cases/" + ofCase + "/documents/" + documentId));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return call(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  long documentCount() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM va_document", Long.class);
  }

  JsonNode read(HttpResponse<String> response) throws Exception {
    return json.readTree(response.body());
  }

  static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private <T> HttpResponse<T> call(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return client.send(request, handler);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aCaseHoldsAtMost100Documents() throws Exception {
    for (int i = 0; i < 100; i++) {
      jdbc.update("INSERT INTO va_document (document_id, case_id, kind, file_name, media_type, size_bytes, sha256, "
          + "uploaded_by, uploaded_at, content) VALUES (?, ?, 'OTHER', 'a.txt', 'text/plain;charset=UTF-8', 1, ?, "
          + "'nurse1', CURRENT_TIMESTAMP, ?)", java.util.UUID.randomUUID().toString(), caseId, "0".repeat(64),
          new byte[] {'a'});
    }

    HttpResponse<String> refused = upload(caseId, "OTHER", "a.pdf", "application/pdf", SampleDocuments.pdf(), NURSE);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("at most 100 documents");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM va_document WHERE case_id = ?", Integer.class, caseId))
        .isEqualTo(100);
  }
}
