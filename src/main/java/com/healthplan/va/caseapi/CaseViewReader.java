package com.healthplan.va.caseapi;

import static com.healthplan.va.casefile.CaseVariables.*;

import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.intake.CaseIntake;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/**
 * Reads a case from the engine's history, which holds open and finished cases alike, in one query for the
 * instance and one for its variables. Runs with the caller's authorizations.
 */
@Component
class CaseViewReader {

  private final HistoryService history;
  private final PlanCalendar calendar;

  CaseViewReader(HistoryService history, PlanCalendar calendar) {
    this.history = history;
    this.calendar = calendar;
  }

  Optional<CaseView> find(String caseId) {
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(caseId).singleResult();
    if (instance == null) {
      return Optional.empty();
    }
    Map<String, Object> variables = new HashMap<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).list()) {
      variables.put(variable.getName(), variable.getValue());
    }
    return Optional.of(view(CaseFile.of(variables)));
  }

  private CaseView view(CaseFile stored) {
    CaseView.InformationRequest informationRequest = null;
    if (stored.number(INFORMATION_REQUEST_COUNT) != null && stored.number(INFORMATION_REQUEST_COUNT) > 0) {
      informationRequest = new CaseView.InformationRequest(stored.number(INFORMATION_REQUEST_COUNT),
          moment(stored.date(INFORMATION_DUE_AT)));
    }
    CaseView.Determination determination = null;
    if (stored.text(DETERMINATION_OUTCOME) != null) {
      determination = new CaseView.Determination(
          stored.text(DETERMINATION_OUTCOME),
          stored.text(DETERMINATION_DECIDED_BY),
          moment(stored.date(DETERMINATION_DECIDED_AT)),
          stored.text(DETERMINATION_RATIONALE),
          stored.texts(DETERMINATION_UNMET_CRITERIA));
    }
    return new CaseView(
        stored.caseId(),
        stored.text(CASE_STATUS),
        CaseIntake.from(stored),
        moment(stored.date(RECEIVED_AT)),
        moment(stored.date(DETERMINATION_DUE_AT)),
        new CaseView.Prescreen(Boolean.TRUE.equals(stored.flag(PRESCREEN_MEETS_CRITERIA)),
            stored.texts(PRESCREEN_UNMET_CRITERIA)),
        informationRequest,
        determination);
  }

  private OffsetDateTime moment(Date date) {
    return date == null ? null : calendar.dateTimeOf(date);
  }
}
