package com.healthplan.va.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Answers a submission refused inside the engine (by its command guard or a listener) with {@code 400} and the
 * refused fields, instead of the engine's {@code 500}: for the engine REST API and for the webapps' engine API
 * used by Tasklist forms. The body keeps the engine REST error shape ({@code type}, {@code message}), which
 * Tasklist shows to the user, and adds {@code errors} with one entry per field. Each refusal is logged as one
 * WARN line naming the fields (never their values); the engine's own error logs of it are dropped by
 * {@link RefusedInputLogFilter}.
 */
public class RefusedInputResponseFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(RefusedInputResponseFilter.class);

  private final ObjectMapper json;

  public RefusedInputResponseFilter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!"POST".equals(request.getMethod()) && !"PUT".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
    RefusedInput.Scope scope = RefusedInput.open();
    try {
      chain.doFilter(request, buffered);
    } finally {
      RefusedInput.close();
    }
    Optional<InvalidCaseInputException> refusal = scope.refusal();
    Optional<RuntimeException> conflict = scope.conflict();
    if (refusal.isPresent() && buffered.getStatus() >= HttpStatus.BAD_REQUEST.value()) {
      buffered.resetBuffer();
      writeRefusal(buffered, refusal.get());
      LOG.warn("Refused input: {} {} fields {}", request.getMethod(), RefusedInput.pathOf(request),
          RefusedInput.fieldsOf(refusal.get()));
    } else if (conflict.isPresent() && buffered.getStatus() >= HttpStatus.BAD_REQUEST.value()) {
      buffered.resetBuffer();
      writeConflict(buffered, conflict.get());
      LOG.warn("Refused by the case's rules: {} {}", request.getMethod(), RefusedInput.pathOf(request));
    } else if (buffered.getStatus() == HttpStatus.INTERNAL_SERVER_ERROR.value()) {
      Optional<ClientError> clientError = ClientError.of(new String(buffered.getContentAsByteArray(),
          StandardCharsets.UTF_8));
      if (clientError.isPresent()) {
        buffered.resetBuffer();
        writeClientError(buffered, clientError.get());
        LOG.warn("Refused engine request: {} {} ({})", request.getMethod(), RefusedInput.pathOf(request),
            clientError.get().status());
      }
    }
    buffered.copyBodyToResponse();
  }

  /**
   * The engine's 500s that are the caller's mistake, not the server's: what the caller asked for in words, with a
   * 4xx. Recognised by the engine's own message code or wording (its REST API gives them no type of their own).
   */
  record ClientError(HttpStatus status, String type, String message) {

    static Optional<ClientError> of(String body) {
      if (body.contains("ENGINE-13024")) {
        return Optional.of(new ClientError(HttpStatus.BAD_REQUEST, "InvalidRequestException", "A case cannot be "
            + "started without its listeners or input/output mappings: they are its rules. Leave out "
            + "skipCustomListeners and skipIoMappings."));
      }
      if (body.contains("ENGINE-13043")) {
        return Optional.of(new ClientError(HttpStatus.BAD_REQUEST, "InvalidRequestException", "No process of this "
            + "application starts on a condition."));
      }
      if (body.contains("Cannot find task with id")) {
        return Optional.of(new ClientError(HttpStatus.NOT_FOUND, "InvalidRequestException", "There is no such "
            + "task (it may have been completed already)."));
      }
      return Optional.empty();
    }
  }

  private void writeClientError(HttpServletResponse response, ClientError error) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", error.type());
    body.put("message", error.message());
    response.setStatus(error.status().value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getOutputStream().write(json.writeValueAsBytes(body));
  }

  private void writeConflict(HttpServletResponse response, RuntimeException conflict) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "CaseConflictException");
    body.put("message", conflict.getMessage());
    response.setStatus(HttpStatus.CONFLICT.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getOutputStream().write(json.writeValueAsBytes(body));
  }

  private void writeRefusal(HttpServletResponse response, InvalidCaseInputException refusal) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "InvalidRequestException");
    body.put("message", refusal.getMessage());
    body.put("errors", refusal.errors());
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getOutputStream().write(json.writeValueAsBytes(body));
  }
}
