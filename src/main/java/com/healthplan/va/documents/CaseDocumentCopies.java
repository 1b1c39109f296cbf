package com.healthplan.va.documents;

import com.healthplan.va.casefile.CaseVariables;
import com.healthplan.va.casefile.FormText;
import com.healthplan.va.casefile.PlanCalendar;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The copy of a case's document list that forms show ({@code caseDocuments}: file name, kind, upload time and
 * download link of each, newest first). Written when a phase's task is created and again on every upload, so an
 * open task lists a document the moment it arrives.
 */
@Component
public class CaseDocumentCopies {

  private static final Logger LOG = LoggerFactory.getLogger(CaseDocumentCopies.class);
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

  private final CaseDocuments documents;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final PlanCalendar calendar;

  CaseDocumentCopies(CaseDocuments documents, @Lazy RuntimeService runtime, @Lazy IdentityService identity,
      PlanCalendar calendar) {
    this.documents = documents;
    this.runtime = runtime;
    this.identity = identity;
    this.calendar = calendar;
  }

  /** Sets the copy on a scope of the case's process (a listener's execution). */
  public void copyTo(VariableScope scope, String caseId) {
    scope.setVariable(CaseVariables.CASE_DOCUMENTS, value(caseId));
  }

  /**
   * Refreshes the copy on every running process of the case after an upload. The copy is the application's, not
   * the uploader's: it is written outside the caller's engine authentication, which may not set variables. The
   * document is stored either way: if the case is moving at this very moment, its next task copies the list.
   */
  public void refresh(String caseId) {
    try {
      write(caseId);
    } catch (ProcessEngineException e) {
      LOG.warn("The document list shown by the forms of case {} is refreshed at its next task: {}", caseId,
          e.getClass().getSimpleName());
    }
  }

  private void write(String caseId) {
    ObjectValue value = value(caseId);
    // the engine's own authentication type; only its public getters are used
    var caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
          .active().list()) {
        runtime.setVariable(instance.getId(), CaseVariables.CASE_DOCUMENTS, value);
      }
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller.getUserId(), caller.getGroupIds(), caller.getTenantIds());
      }
    }
  }

  /**
   * Forms render the list as markdown: a file name is shown as text, never as markup (a name such as
   * {@code x](https://elsewhere) [y} must not become a link).
   */
  static String markdownText(String text) {
    return FormText.shown(text);
  }

  private ObjectValue value(String caseId) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (DocumentSummary document : documents.of(caseId)) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("fileName", markdownText(document.fileName()));
      row.put("kind", document.kind().name());
      row.put("kindLabel", document.kind().label());
      row.put("uploadedAt", MINUTE.format(document.uploadedAt().atZone(calendar.zone())));
      row.put("url", "/api/cases/" + caseId + "/documents/" + document.documentId());
      rows.add(row);
    }
    return Variables.objectValue(rows).serializationDataFormat(Variables.SerializationDataFormats.JSON).create();
  }
}
