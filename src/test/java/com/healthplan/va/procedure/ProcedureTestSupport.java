package com.healthplan.va.procedure;

import com.healthplan.va.casefile.CaseVariables;
import com.healthplan.va.criteria.EligibilityCriterion;
import com.healthplan.va.support.CaseTestSupport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Autowired;

/** Drives a case to and through its procedure phase as the nurse and the coordinator would in Tasklist. */
public abstract class ProcedureTestSupport extends CaseTestSupport {

  protected static final List<String> ALL_ITEMS = DocumentationItem.codes();

  @Autowired protected ProcedureRepository procedures;

  /** A case the nurse approved, its approval notice sent: waiting in its procedure phase. */
  protected ProcessInstance approvedCase(Map<String, Object> intake) {
    ProcessInstance instance = openCase(intake);
    Map<String, Object> review = new HashMap<>();
    review.put("reviewDecision", "APPROVE");
    review.put("reviewConfirmedCriteria", new ArrayList<>(EligibilityCriterion.codes()));
    completeAs("nurse1", instance, "UserTask_ReviewCriteria", review);
    runAsyncJobs(instance);
    return instance;
  }

  protected ProcessInstance approvedCase() {
    return approvedCase(eligibleIntake());
  }

  /** The procedure phase the case called, while it runs. */
  protected ProcessInstance procedurePhase(ProcessInstance caseInstance) {
    return runtimeService.createProcessInstanceQuery().superProcessInstanceId(caseInstance.getId())
        .processDefinitionKey(CaseVariables.PROCEDURE_PROCESS_KEY).singleResult();
  }

  /** A variable of the latest procedure phase (running or ended), as its forms see it. */
  protected Object phaseVariable(ProcessInstance caseInstance, String name) {
    String phase = latestPhaseId(caseInstance, CaseVariables.PROCEDURE_PROCESS_KEY);
    HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery().processInstanceId(phase)
        .variableName(name).singleResult();
    return variable == null ? null : variable.getValue();
  }

  protected ProcedureFile procedureFile(ProcessInstance instance) {
    return procedures.find(instance.getBusinessKey()).orElseThrow();
  }

  protected static Map<String, Object> documentation(List<String> confirmed) {
    Map<String, Object> values = new HashMap<>();
    values.put("documentationConfirmed", new ArrayList<>(confirmed));
    return values;
  }

  protected void confirmDocumentation(ProcessInstance instance, List<String> confirmed) {
    completeAs("nurse1", instance, "UserTask_ReviewDocumentation", documentation(confirmed));
    runAsyncJobs(instance);
  }

  protected static Map<String, Object> schedule(LocalDate date, String setting, String justification) {
    Map<String, Object> values = new HashMap<>();
    values.put("scheduleDecision", "SCHEDULE");
    values.put("facilityName", "Riverside Surgical Center");
    values.put("scheduledDate", date.toString());
    values.put("setting", setting);
    values.put("inpatientJustification", justification);
    return values;
  }

  protected void scheduleOn(ProcessInstance instance, LocalDate date) {
    completeAs("coord1", instance, "UserTask_ScheduleProcedure", schedule(date, "OUTPATIENT", null));
  }

  /** A record with nothing to find: the approved levels, CT guidance, images and narrative, today. */
  protected Map<String, Object> cleanRecord() {
    Map<String, Object> values = new HashMap<>();
    values.put("recordDecision", "RECORD");
    values.put("procedureDate", today().toString());
    values.put("levelsTreated", new ArrayList<>(List.of("T12", "L1")));
    values.put("imagingGuidance", "FLUOROSCOPY");
    values.put("trocarPlacementImagesRetained", true);
    values.put("finalVertebralBodyImagesRetained", true);
    values.put("operativeNarrativeReceived", true);
    values.put("openSpineProcedureSameSession", false);
    values.put("biopsyLevels", new ArrayList<>());
    values.put("earlyProcedureRationale", null);
    return values;
  }

  /** An approved case, documented and scheduled for today: waiting for its procedure record. */
  protected ProcessInstance scheduledCase() {
    ProcessInstance instance = approvedCase();
    confirmDocumentation(instance, ALL_ITEMS);
    scheduleOn(instance, today());
    return instance;
  }
}
