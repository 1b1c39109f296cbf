package com.healthplan.va.procedure;

import static com.healthplan.va.casefile.CaseVariables.*;

import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseLifecycle;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseScope;
import com.healthplan.va.casefile.PlanCalendar;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The two listeners of "Apply payment limits", a business rule task that evaluates {@code vaPaymentLimits} by key
 * (the version deployed with the process): at its start the facts it judges are put in the task's own scope from
 * the tables (the procedure record, the approval in force: its day and levels, the schedule, the fracture date, never
 * the copies); at its end the findings are stored on the case with the decision's version. A finding never refuses
 * the record.
 */
@Configuration(proxyBeanMethods = false)
class PaymentLimitsListeners {

  /** The decision's result: its findings, collected (camunda:resultVariable). */
  static final String FINDINGS_RESULT = "paymentLimitsResult";

  @Bean
  ExecutionListener paymentFacts(CaseRepository cases, ProcedureRepository procedures, CaseLifecycle lifecycle,
      PlanCalendar calendar) {
    return execution -> {
      String caseId = CaseScope.caseId(execution);
      execution.setVariablesLocal(facts(cases.get(caseId), procedures.get(caseId), lifecycle, calendar));
    };
  }

  @Bean
  ExecutionListener paymentFindingsRecorded(ProcedureRepository procedures, ProcedureCopies copies,
      RepositoryService repository) {
    return execution -> {
      String caseId = CaseScope.caseId(execution);
      List<String> findings = PaymentFinding.inDecisionOrder(result(execution));
      procedures.recordPaymentFindings(caseId, findings, decisionOf(repository, execution).getVersion());
      execution.removeVariable(FINDINGS_RESULT);
      copies.copy(execution.getProcessInstance(), procedures.get(caseId));
    };
  }

  /** What the decision reads: the record, the approval in force (its day in the plan's zone, its levels), the schedule. */
  static VariableMap facts(CaseFile caseFile, ProcedureFile file, CaseLifecycle lifecycle, PlanCalendar calendar) {
    ProcedureRecord record = file.record();
    ProcedureFile.Schedule schedule = file.schedule();
    var approval = lifecycle.authorization(caseFile);
    return Variables.createVariables()
        .putValue(PROCEDURE_DATE, record.procedureDate().toString())
        .putValue("determinationDate", approval.map(a -> calendar.dayOf(a.authorizedAt()).toString()).orElse(null))
        .putValue(FRACTURE_DATE, caseFile.intake().fractureDate().toString())
        .putValue(APPROVED_LEVELS, approval.map(a -> new ArrayList<>(a.levels())).orElse(null))
        .putValue(LEVELS_TREATED, new ArrayList<>(record.levelsTreated()))
        .putValue(EARLY_PROCEDURE_RATIONALE, record.earlyProcedureRationale())
        .putValue(IMAGING_GUIDANCE, record.imagingGuidance().name())
        .putValue(TROCAR_PLACEMENT_IMAGES_RETAINED, record.trocarPlacementImagesRetained())
        .putValue(FINAL_VERTEBRAL_BODY_IMAGES_RETAINED, record.finalVertebralBodyImagesRetained())
        .putValue(OPERATIVE_NARRATIVE_RECEIVED, record.operativeNarrativeReceived())
        .putValue(OPEN_SPINE_PROCEDURE_SAME_SESSION, record.openSpineProcedureSameSession())
        .putValue(BIOPSY_LEVELS, new ArrayList<>(record.biopsyLevels()))
        .putValue(SETTING, schedule == null ? null : schedule.setting().name())
        .putValue(INPATIENT_JUSTIFICATION, schedule == null ? null : schedule.inpatientJustification());
  }

  @SuppressWarnings("unchecked")
  private static Collection<String> result(DelegateExecution execution) {
    Object result = execution.getVariable(FINDINGS_RESULT);
    return result == null ? List.of() : (Collection<String>) result;
  }

  private static DecisionDefinition decisionOf(RepositoryService repository, DelegateExecution execution) {
    String deploymentId = repository.getProcessDefinition(execution.getProcessDefinitionId()).getDeploymentId();
    DecisionDefinition decision = repository.createDecisionDefinitionQuery().deploymentId(deploymentId)
        .decisionDefinitionKey(PAYMENT_LIMITS_DECISION_KEY).singleResult();
    if (decision == null) {
      throw new IllegalStateException("Decision " + PAYMENT_LIMITS_DECISION_KEY + " is not deployed with "
          + execution.getProcessDefinitionId());
    }
    return decision;
  }
}
