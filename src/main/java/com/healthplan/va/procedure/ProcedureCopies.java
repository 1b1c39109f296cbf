package com.healthplan.va.procedure;

import static com.healthplan.va.casefile.CaseVariables.*;

import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.criteria.PolicyDecisions;
import com.healthplan.va.criteria.PolicyTerms;
import com.healthplan.va.documents.CaseDocumentCopies;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.springframework.stereotype.Component;

/**
 * Copies of the procedure phase's file for its forms to show and prefill. Nothing decides on them: listeners and
 * delegates read the tables.
 */
@Component
class ProcedureCopies {

  private final PlanCalendar calendar;
  private final CaseDocumentCopies documents;
  private final CaseRepository cases;
  private final PolicyDecisions policy;

  ProcedureCopies(PlanCalendar calendar, CaseDocumentCopies documents, CaseRepository cases, PolicyDecisions policy) {
    this.calendar = calendar;
    this.documents = documents;
    this.cases = cases;
    this.policy = policy;
  }

  void copy(VariableScope scope, ProcedureFile file) {
    ProcedureFile.Documentation documentation = file.documentation();
    // nothing is pre-ticked before a nurse has looked: each item is confirmed against the record, not assumed
    scope.setVariable(DOCUMENTATION_CONFIRMED, list(documentation.confirmed()));
    scope.setVariable(DOCUMENTATION_MISSING, list(documentation.missing()));
    scope.setVariable(DOCUMENTATION_MISSING_WORDING, list(documentation.missing().stream()
        .map(code -> DocumentationItem.valueOf(code).policyWording()).toList()));
    scope.setVariable(DOCUMENTATION_REQUEST_COUNT, documentation.requestCount());
    scope.setVariable(DOCUMENTATION_REQUESTED_AT, documentation.requestedAt() == null ? null
        : calendar.moment(documentation.requestedAt()));
    scope.setVariable(DOCUMENTATION_DUE_AT, Date.from(documentation.dueAt()));
    scope.setVariable(DOCUMENTATION_NOTE, documentation.note());
    ProcedureFile.Schedule schedule = file.schedule();
    if (schedule != null) {
      scope.setVariable(FACILITY_NAME, schedule.facilityName());
      scope.setVariable(SCHEDULED_DATE, schedule.scheduledDate().toString());
      scope.setVariable(SCHEDULED_DATE_TEXT, calendar.day(schedule.scheduledDate()));
      scope.setVariable(SETTING, schedule.setting().name());
      scope.setVariable(INPATIENT_JUSTIFICATION, schedule.inpatientJustification());
      scope.setVariable(DEFERRED_TO_PCP, list(schedule.deferredToPcp()));
    }
    if (file.record() != null) {
      scope.setVariable(PROCEDURE_DATE_TEXT, calendar.day(file.record().procedureDate()));
    }
    ProcedureFile.Findings findings = file.findings();
    if (findings != null) {
      CaseFile caseFile = cases.get(file.caseId());
      PolicyTerms terms = policy.terms(caseFile.prescreen() == null ? null : caseFile.prescreen().criteriaVersion());
      scope.setVariable(PAYMENT_FINDINGS, list(findings.codes()));
      List<Map<String, String>> worded = new ArrayList<>();
      for (String code : findings.codes()) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("code", code);
        row.put("wording", PaymentFinding.valueOf(code).plainLanguage(terms));
        worded.add(row);
      }
      scope.setVariable(PAYMENT_FINDINGS_LIST, json(worded));
    }
    documents.copyTo(scope, file.caseId());
  }

  static ObjectValue list(List<String> values) {
    return json(new ArrayList<>(values));
  }

  private static ObjectValue json(Object value) {
    return Variables.objectValue(value).serializationDataFormat(Variables.SerializationDataFormats.JSON).create();
  }
}
