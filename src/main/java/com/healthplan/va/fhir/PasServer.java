package com.healthplan.va.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * The FHIR server: the Claim operations, the criteria Questionnaire and the CapabilityStatement HAPI derives from
 * them ({@code /fhir/metadata}), in JSON (default) and XML. A request body larger than the limit is refused with 413
 * before it is parsed, whether or not it announces its length.
 */
class PasServer extends RestfulServer {

  private static final long serialVersionUID = 1L;

  private final transient ClaimOperations claims;
  private final transient QuestionnaireProvider questionnaires;
  private final long maxRequestBytes;

  PasServer(FhirContext context, ClaimOperations claims, QuestionnaireProvider questionnaires, long maxRequestBytes) {
    super(context);
    this.claims = claims;
    this.questionnaires = questionnaires;
    this.maxRequestBytes = maxRequestBytes;
  }

  @Override
  protected void initialize() throws ServletException {
    setServerName("Vertebral augmentation prior authorization (Da Vinci PAS)");
    setImplementationDescription("FHIR Prior Authorization API: Claim/$submit, Claim/$inquire, DTR Questionnaire");
    setDefaultResponseEncoding(EncodingEnum.JSON);
    setDefaultPrettyPrint(true);
    setPlainProviders(List.of(claims));
    setResourceProviders(List.of(questionnaires));
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > maxRequestBytes) {
      // answered whole (with its length) before the body is read, and the connection closed: a client still sending
      // the rest would otherwise see a cut-off answer
      refuseTooLarge(request, response);
      return;
    }
    super.service(new LimitedRequest(request, maxRequestBytes), response);
  }

  private void refuseTooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
    boolean xml = String.valueOf(request.getHeader("Accept")).contains("xml")
        || String.valueOf(request.getContentType()).contains("xml");
    OperationOutcome outcome = new OperationOutcome();
    outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
        .setCode(OperationOutcome.IssueType.TOOLONG)
        .setDiagnostics(LimitedRequest.tooLarge(maxRequestBytes).getMessage());
    byte[] body = (xml ? getFhirContext().newXmlParser() : getFhirContext().newJsonParser().setPrettyPrint(true))
        .encodeResourceToString(outcome).getBytes(StandardCharsets.UTF_8);
    response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
    response.setContentType((xml ? "application/fhir+xml" : "application/fhir+json") + ";charset=UTF-8");
    response.setHeader("Connection", "close");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    response.flushBuffer();
  }

  /** The request whose body may be read up to the limit; past it the read fails with HAPI's 413. */
  static final class LimitedRequest extends HttpServletRequestWrapper {

    private final long limit;

    LimitedRequest(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (getContentLengthLong() > limit) {
        throw tooLarge(limit);
      }
      ServletInputStream in = super.getInputStream();
      return new ServletInputStream() {
        private long read;

        @Override
        public int read() throws IOException {
          int b = in.read();
          if (b >= 0 && ++read > limit) {
            throw tooLarge(limit);
          }
          return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = in.read(buffer, offset, length);
          if (n > 0 && (read += n) > limit) {
            throw tooLarge(limit);
          }
          return n;
        }

        @Override
        public boolean isFinished() {
          return in.isFinished();
        }

        @Override
        public boolean isReady() {
          return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
          in.setReadListener(listener);
        }
      };
    }

    static PayloadTooLargeException tooLarge(long limit) {
      return new PayloadTooLargeException("The request is larger than " + (limit / (1024 * 1024))
          + " MB, the most this server accepts for one bundle; send the clinical facts, not documents.");
    }
  }
}
