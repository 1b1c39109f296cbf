package com.healthplan.va.procedure;

import static com.healthplan.va.casefile.CaseVariables.*;

import com.healthplan.va.appeal.Appeal;
import com.healthplan.va.appeal.AppealRepository;
import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseScope;
import com.healthplan.va.casefile.PlanCalendar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * "Apply payment limits": decision {@code vaPaymentLimits}, deployed with this process version, judges the
 * procedure record against the approval and the schedule (read from the tables, never from variables) and the
 * findings are stored on the case with the decision's version. A finding never refuses the record.
 */
@Component("applyPaymentLimits")
class ApplyPaymentLimitsDelegate implements JavaDelegate {

  static final String FINDING_OUTPUT = "paymentFinding";

  private final ProcedureRepository procedures;
  private final CaseRepository cases;
  private final RepositoryService repository;
  private final DecisionService decisions;
  private final ProcedureCopies copies;
  private final PlanCalendar calendar;
  private final AppealRepository appeals;

  ApplyPaymentLimitsDelegate(ProcedureRepository procedures, CaseRepository cases, RepositoryService repository,
      DecisionService decisions, ProcedureCopies copies, PlanCalendar calendar, AppealRepository appeals) {
    this.appeals = appeals;
    this.procedures = procedures;
    this.cases = cases;
    this.repository = repository;
    this.decisions = decisions;
    this.copies = copies;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseId = CaseScope.caseId(execution);
    CaseFile caseFile = cases.get(caseId);
    ProcedureFile file = procedures.get(caseId);
    DecisionDefinition decision = decisionOf(execution);
    DmnDecisionResult result = decisions.evaluateDecisionById(decision.getId())
        .variables(facts(caseFile, file)).evaluate();
    List<String> findings = PaymentFinding.inDecisionOrder(
        result.collectEntries(FINDING_OUTPUT).stream().map(String::valueOf).toList());
    procedures.recordPaymentFindings(caseId, findings, decision.getVersion());
    copies.copy(execution, procedures.get(caseId));
  }

  /** What the decision reads: the record, the approval (its day in the plan's zone and levels), the schedule. */
  VariableMap facts(CaseFile caseFile, ProcedureFile file) {
    ProcedureRecord record = file.record();
    ProcedureFile.Schedule schedule = file.schedule();
    return Variables.createVariables()
        .putValue("procedureDate", record.procedureDate().toString())
        .putValue("determinationDate", authorizedOn(caseFile))
        .putValue("fractureDate", caseFile.intake().fractureDate().toString())
        .putValue("approvedLevels", new ArrayList<>(approvedLevels(caseFile)))
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

  /** The levels the approval covers: the physician's, when fewer than requested, else the request's. */
  private static List<String> approvedLevels(CaseFile caseFile) {
    CaseFile.Determination determination = caseFile.determination();
    return determination != null && !determination.approvedLevels().isEmpty() ? determination.approvedLevels()
        : caseFile.intake().fractureLevels();
  }

  /** The day of the approval: the determination's, or an overturning appeal's for a denial overturned. */
  private String authorizedOn(CaseFile caseFile) {
    Instant approved = appeals.find(caseFile.caseId()).filter(a -> a.outcome() == Appeal.Outcome.OVERTURNED)
        .map(Appeal::decidedAt)
        .orElse(caseFile.determination() == null ? null : caseFile.determination().decidedAt());
    return approved == null ? null : approved.atZone(calendar.zone()).toLocalDate().toString();
  }

  private DecisionDefinition decisionOf(DelegateExecution execution) {
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
