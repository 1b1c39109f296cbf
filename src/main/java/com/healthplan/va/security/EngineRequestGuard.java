package com.healthplan.va.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.healthplan.va.casefile.CaseVariables;
import com.healthplan.va.deployment.CamundaForms;
import com.healthplan.va.input.FieldError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the engine APIs (engine REST and the webapps' engine API behind Tasklist) to what a case allows, where
 * Camunda's permissions are coarser than the case's rules:
 * <ul>
 *   <li>a case starts at "Case received" only: start instructions, skipped listeners or I/O mappings would
 *       bypass intake; and a finished case is not restarted;</li>
 *   <li>completing a task may set only the fields its form lets a person edit, so a review cannot rewrite
 *       intake facts, the determination or the provider's address.</li>
 * </ul>
 */
class EngineRequestGuard extends OncePerRequestFilter {

  private static final Pattern START = Pattern.compile(".*/process-definition/.+/(start|submit-form)$");
  private static final Pattern RESTART = Pattern.compile(".*/process-definition/.+/restart(-async)?$");
  private static final Pattern TASK_COMPLETION = Pattern.compile(".*/task/([^/]+)/(complete|submit-form|resolve)$");
  private static final int MAX_BODY = 4 * 1024 * 1024;

  private final ObjectMapper json;
  private final TaskService tasks;
  private final FormService forms;
  /** Editable fields per process definition and task, read from the task's deployed form. */
  private final Map<String, Set<String>> editableFields = new ConcurrentHashMap<>();

  EngineRequestGuard(ObjectMapper json, TaskService tasks, FormService forms) {
    this.json = json;
    this.tasks = tasks;
    this.forms = forms;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI();
    if (RESTART.matcher(path).matches()) {
      refuse(response, HttpStatus.FORBIDDEN, List.of(new FieldError("restart",
          "A case cannot be restarted; open a new case instead.")));
      return;
    }
    Matcher completion = TASK_COMPLETION.matcher(path);
    boolean start = START.matcher(path).matches();
    if (!start && !completion.matches()) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, List.of(new FieldError("body", "The request is too large.")));
      return;
    }
    JsonNode submission = body.length == 0 ? json.createObjectNode() : readQuietly(body);
    List<FieldError> refused = start ? checkStart(submission) : checkCompletion(completion.group(1), submission);
    if (!refused.isEmpty()) {
      refuse(response, HttpStatus.BAD_REQUEST, refused);
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  private List<FieldError> checkStart(JsonNode submission) {
    List<FieldError> refused = new ArrayList<>();
    JsonNode instructions = submission.path("startInstructions");
    if ((instructions.isArray() && !instructions.isEmpty()) || submission.path("skipCustomListeners").asBoolean()
        || submission.path("skipIoMappings").asBoolean()) {
      refused.add(new FieldError("startInstructions",
          "A case starts at its intake: start instructions and skipping listeners or mappings are not allowed."));
    }
    return refused;
  }

  private List<FieldError> checkCompletion(String taskId, JsonNode submission) throws IOException {
    Task task = tasks.createTaskQuery().taskId(taskId).processDefinitionKey(CaseVariables.PROCESS_KEY).singleResult();
    if (task == null) {
      return List.of(); // not a case task, or not visible to the caller: the engine answers for itself
    }
    Set<String> editable = editableFields(task);
    List<FieldError> refused = new ArrayList<>();
    for (Iterator<String> names = submission.path("variables").fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!editable.contains(name)) {
        refused.add(new FieldError(name, (name.matches("[A-Za-z0-9_]{1,60}") ? "'" + name + "'" : "A field")
            + " cannot be changed in the task \"" + task.getName() + "\"."));
      }
    }
    return refused;
  }

  private Set<String> editableFields(Task task) throws IOException {
    String key = task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey();
    Set<String> known = editableFields.get(key);
    if (known == null) {
      try (InputStream form = forms.getDeployedTaskForm(task.getId())) {
        known = Set.copyOf(CamundaForms.editableKeys(form));
      }
      editableFields.put(key, known);
    }
    return known;
  }

  private JsonNode readQuietly(byte[] body) {
    try {
      return json.readTree(body);
    } catch (IOException malformed) {
      return json.createObjectNode(); // the engine API answers malformed JSON itself
    }
  }

  private void refuse(HttpServletResponse response, HttpStatus status, List<FieldError> errors) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", status == HttpStatus.BAD_REQUEST ? "InvalidRequestException" : "AuthorizationException");
    body.put("message", String.join(" ", errors.stream().map(FieldError::message).toList()));
    body.put("errors", errors);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getOutputStream().write(json.writeValueAsBytes(body));
  }

  /** The request with its body read once here and replayed to the engine API. */
  private static final class CachedBodyRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }
      };
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
