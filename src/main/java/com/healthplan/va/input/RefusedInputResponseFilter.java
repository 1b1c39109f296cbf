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
    }
    buffered.copyBodyToResponse();
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
